using System.CommandLine;
using Tidings.Evaluation;
using Tidings;

namespace Tidings.Cli.Commands;

internal static class EvalCommand
{
    public static Command Create()
    {
        var eval = new Command("eval", "Measure Tidings against gold data");
        var gold = new Option<string>("--gold") { Description = "directory of NAME.html pages with NAME.txt gold bodies", Required = true };
        var verbose = new Option<bool>("--verbose") { Description = "print the score of every page" };
        var html = new Command("html", "Score HTML body extraction: word 4-gram precision, recall and F1, averaged per page") { gold, verbose };
        html.SetAction(r => CommonOptions.Guard(() =>
        {
            var report = HtmlExtractionEvaluator.Evaluate(r.GetValue(gold)!);
            if (r.GetValue(verbose))
                foreach (var p in report.Pages.OrderBy(p => p.F1))
                    Console.WriteLine($"{p.Name,-40} P {p.Precision:0.000}  R {p.Recall:0.000}  F1 {p.F1:0.000}");
            Console.WriteLine($"pages {report.Pages.Count}  precision {report.Precision:0.000}  recall {report.Recall:0.000}  F1 {report.F1:0.000}");
            return 0;
        }));
        eval.Add(html);
        eval.Add(Timex());
        eval.Add(Quotes());
        eval.Add(EvalGeoCommand.Create());
        eval.Add(StoryCommands.EvalStories());
        eval.Add(StoryCommands.EvalDedup());
        eval.Add(EventCommands.EvalEvents());
        return eval;
    }

    private static Command Quotes()
    {
        var brat = new Option<string>("--brat") { Description = "directory with text/ and attributions/ in brat standoff (e.g. PolNeAR dev)", Required = true };
        var verbose = new Option<bool>("--verbose") { Description = "list missed and spurious direct quotations" };
        var cmd = new Command("quotes", "Score quotations and reported speech against brat attribution annotations") { brat, verbose };
        cmd.SetAction(r => CommonOptions.Guard(() =>
        {
            var report = BratAttributionEvaluator.Evaluate(r.GetValue(brat)!, r.GetValue(verbose) ? Console.WriteLine : null);
            Console.WriteLine($"documents {report.Documents}, {report.Seconds:0.0} s");
            Console.WriteLine($"direct quotations  {report.Direct}");
            Console.WriteLine($"all attributions   {report.All}");
            return 0;
        }));
        return cmd;
    }

    private static void Print(string system, TimexReport report)
    {
        Console.WriteLine($"{system}: documents {report.Documents}, gold {report.Strict.Gold}, found {report.Strict.Predicted}, parse time {report.Seconds:0.000} s");
        Console.WriteLine($"  strict extraction    {report.Strict}");
        Console.WriteLine($"  relaxed extraction   {report.Relaxed}");
        Console.WriteLine($"  type (relaxed)       {report.Type}");
        Console.WriteLine($"  value (relaxed)      {report.Value}");
    }

    private static Command Timex()
    {
        var dir = new Option<string>("--timeml") { Description = "directory of TimeML (.tml) files, searched recursively", Required = true };
        var verbose = new Option<bool>("--verbose") { Description = "list every missed, spurious or wrongly valued expression" };
        var noPeer = new Option<bool>("--no-peer") { Description = "do not run chrono-node side by side" };
        var cmd = new Command("timex", "Score time expressions against TimeML (TempEval-3 measures), side by side with chrono-node") { dir, verbose, noPeer };
        cmd.SetAction(r => CommonOptions.Guard(() =>
        {
            var docs = TimeMlEvaluator.ReadDirectory(r.GetValue(dir)!).ToList();
            if (r.GetValue(verbose)) TimexErrors.Print(docs, Extract.Times.TimeExpressionRecognizer.TimeMl);
            TimeMlEvaluator.Evaluate(docs, Extract.Times.TimeExpressionRecognizer.TimeMl); // warm-up: time the steady state
            var report = TimeMlEvaluator.Evaluate(docs, Extract.Times.TimeExpressionRecognizer.TimeMl);
            Print("tidings", report);
            if (r.GetValue(noPeer)) return 0;
            var peerDir = ChronoPeer.FindPeerDirectory();
            if (peerDir is null)
            {
                Console.Error.WriteLine("tidings: peers/chrono not found (run from the repository); chrono-node not compared");
                return 0;
            }
            var (output, seconds) = ChronoPeer.Run(docs, peerDir);
            Print("chrono-node", TimeMlEvaluator.Score(docs, output, seconds));
            return 0;
        }));
        return cmd;
    }
}
