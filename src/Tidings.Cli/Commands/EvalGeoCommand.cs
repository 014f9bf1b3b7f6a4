using System.CommandLine;
using Tidings.Evaluation;

namespace Tidings.Cli.Commands;

/// <summary>`tidings eval geo --trnews FILE`: toponym recognition and resolution against TR-News-style XML.</summary>
internal static class EvalGeoCommand
{
    public static Command Create()
    {
        var trnews = new Option<FileInfo>("--trnews") { Description = "TR-News-style XML: articles with toponyms resolved to GeoNames", Required = true };
        var half = new Option<string>("--half") { Description = "all, dev (even-numbered articles, used for tuning) or test (odd-numbered)", DefaultValueFactory = _ => "all" };
        var noDemonyms = new Option<bool>("--no-demonyms") { Description = "do not count demonyms (\"Turkish\") as toponyms (TR-News marks them)" };
        var verbose = new Option<bool>("--verbose") { Description = "list every wrongly resolved gold toponym" };
        var weights = new Option<string>("--weights") { Description = "tuning: resolver weights, e.g. country=3,capital=1.5,division=-0.5,context=6,context-division=4,pair=5" };
        var cmd = new Command("geo", "Toponym recognition P/R/F1 and resolution accuracy (exact geonameid, within 161 km, error in km)") { trnews, half, noDemonyms, verbose, weights };
        cmd.SetAction(r => CommonOptions.Guard(() =>
        {
            var path = r.GetRequiredValue(trnews).FullName;
            if (!File.Exists(path)) throw new IOException($"no such file: {path}");
            var resolver = r.GetValue(weights) is { } w ? Tidings.Extract.Places.PlaceResolver.WithWeights(w) : null;
            var report = GeoEvaluator.Evaluate(GeoEvaluator.Read(path), r.GetValue(half) ?? "all", !r.GetValue(noDemonyms), resolver);
            if (r.GetValue(verbose)) foreach (var e in report.Errors) Console.WriteLine(e);
            Console.WriteLine($"articles {report.Articles}  gold toponyms {report.Gold}  predicted {report.Predicted}");
            var (ep, er, ef) = report.Exact;
            var (op, or, of) = report.Overlap;
            Console.WriteLine($"recognition (exact span)    P {ep:0.0}  R {er:0.0}  F1 {ef:0.0}");
            Console.WriteLine($"recognition (overlap)       P {op:0.0}  R {or:0.0}  F1 {of:0.0}");
            Print("resolution, matched toponyms", report.Matched);
            Print("resolution, gold toponyms   ", report.GoldSpans);
            return 0;
        }));
        return cmd;
    }

    private static void Print(string label, GeoEvaluator.Resolution r)
    {
        Console.WriteLine($"{label}  n {r.Count}  exact id {r.ExactAccuracy:0.0}%  (not in gazetteer {r.Unresolved})");
        Console.WriteLine($"  our coordinates:            ≤{GeoEvaluator.NearKm:0} km {r.NearAccuracy:0.0}%  mean {r.MeanKm:0} km  median {r.MedianKm:0} km");
        Console.WriteLine($"  same geonameid as 0 km:     ≤{GeoEvaluator.NearKm:0} km {r.NearByIdAccuracy:0.0}%  mean {r.MeanKmById:0} km  median {r.MedianKmById:0} km");
    }
}
