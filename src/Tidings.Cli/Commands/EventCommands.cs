using System.CommandLine;
using Tidings.Evaluation;
using Tidings.Extract.Events;
using Tidings.Pipeline;

namespace Tidings.Cli.Commands;

/// <summary>`tidings train plover` (the CAMEO↔PLOVER table) and `tidings eval events --plover FILE`.</summary>
internal static class EventCommands
{
    public static Command TrainPlover()
    {
        var table = new Option<FileInfo>("--table") { Description = "PLOVER's CAMEO-to-PLOVER conversion table (CAMEO2PLOVER-2021.txt)", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "TSV to write (the shipped one is src/Tidings/Extract/Events/data/cameo-plover.tsv)", Required = true };
        var cmd = new Command("plover", "Build the embedded CAMEO↔PLOVER mapping from PLOVER's conversion table") { table, output };
        cmd.SetAction(parse => CommonOptions.Guard(() =>
        {
            using var reader = new StreamReader(parse.GetRequiredValue(table).FullName);
            var rows = CameoPloverTable.ParseConversionTable(reader).ToList();
            string path = parse.GetRequiredValue(output).FullName;
            using (var writer = new StreamWriter(path)) CameoPloverTable.WriteTsv(rows, writer);
            Console.Error.WriteLine($"wrote {path} ({rows.Count} CAMEO codes)");
            return 0;
        }));
        return cmd;
    }

    public static Command EvalEvents()
    {
        var plover = new Option<FileInfo>("--plover") { Description = "PLOVER gold-standard records (PLOVER_GSR_CAMEO.txt, a JSON array)", Required = true };
        var split = new Option<string>("--split") { Description = "all, dev (even-numbered records, used for tuning) or test (odd-numbered)", DefaultValueFactory = _ => "all" };
        var verbose = new Option<bool>("--verbose") { Description = "list every wrong type, source and target" };
        var cmd = new Command("events", "Event type accuracy and source/target country accuracy against PLOVER gold records") { plover, split, verbose };
        cmd.SetAction(parse => CommonOptions.Guard(() =>
        {
            var path = parse.GetRequiredValue(plover).FullName;
            if (!File.Exists(path)) throw new IOException($"no such file: {path}");
            var records = PloverEvaluator.Split(PloverEvaluator.Read(path), parse.GetValue(split) ?? "all").ToList();
            var report = PloverEvaluator.Evaluate(records, ArticlePipeline.CreateDefault());
            if (parse.GetValue(verbose)) foreach (var e in report.Errors) Console.WriteLine(e);
            Console.WriteLine($"records {report.Records}");
            Console.WriteLine($"event type accuracy          {report.TypeAccuracy:0.0}%  ({report.TypeRight}/{report.Records})");
            Console.WriteLine($"source country (right type)  {report.SourceAccuracy:0.0}%  ({report.SourceRight}/{report.SourceGold})");
            Console.WriteLine($"target country (right type)  {report.TargetAccuracy:0.0}%  ({report.TargetRight}/{report.TargetGold})");
            Console.WriteLine($"source sector (right type)   {report.SectorAccuracy:0.0}%  ({report.SectorRight}/{report.SectorGold})");
            Console.WriteLine($"{"type",-11} {"n",4} {"type%",6} {"src%",6} {"tgt%",6}");
            foreach (var t in report.PerType)
                Console.WriteLine($"{t.Type,-11} {t.Count,4} {PloverEvaluator.Pct(t.TypeRight, t.Count),6:0.0} {PloverEvaluator.Pct(t.SourceRight, t.SourceGold),6:0.0} {PloverEvaluator.Pct(t.TargetRight, t.TargetGold),6:0.0}");
            return 0;
        }));
        return cmd;
    }
}
