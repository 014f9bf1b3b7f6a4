using System.CommandLine;
using Tidings.Evaluation;

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
        eval.Add(StoryCommands.EvalStories());
        eval.Add(StoryCommands.EvalDedup());
        return eval;
    }
}
