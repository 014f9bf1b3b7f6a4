using Tidings.Evaluation;
using Tidings.Extract.Times;

namespace Tidings.Cli.Commands;

/// <summary>Lists the differences between found and gold time expressions, for error analysis.</summary>
internal static class TimexErrors
{
    public static void Print(IEnumerable<TimeMlDocument> docs, TimeExpressionRecognizer recognizer)
    {
        foreach (var doc in docs)
        {
            var found = recognizer.Recognize(doc.Text, doc.Dct);
            foreach (var g in doc.Timexes)
            {
                var f = found.FirstOrDefault(x => x.Start < g.End && g.Start < x.End);
                if (f is null) Console.WriteLine($"MISS  {doc.Name}: \"{g.Text}\" {g.Type} {g.Value}");
                else if (f.Value != g.Value || f.Type != g.Type)
                    Console.WriteLine($"VALUE {doc.Name}: \"{g.Text}\" {g.Type} {g.Value} <> \"{f.Text}\" {f.Type} {f.Value}");
            }
            foreach (var f in found.Where(f => !doc.Timexes.Any(g => f.Start < g.End && g.Start < f.End)))
                Console.WriteLine($"SPUR  {doc.Name}: \"{f.Text}\" {f.Type} {f.Value}");
        }
    }
}
