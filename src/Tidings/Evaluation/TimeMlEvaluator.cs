using System.Text;
using System.Xml.Linq;
using Tidings.Extract.Times;

namespace Tidings.Evaluation;

/// <summary>A gold TIMEX3 from a TimeML file, with offsets into the document's plain text.</summary>
public sealed record GoldTimex(int Start, int End, string Text, string Type, string Value);

public sealed record TimeMlDocument(string Name, string Text, DateOnly? Dct, IReadOnlyList<GoldTimex> Timexes);

public sealed record PrfScore(int TruePositives, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : (double)TruePositives / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)TruePositives / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public override string ToString() => $"P {100 * Precision:0.0}  R {100 * Recall:0.0}  F1 {100 * F1:0.0}";
}

public sealed record TimexReport(int Documents, PrfScore Strict, PrfScore Relaxed, PrfScore Type, PrfScore Value, double Seconds);

/// <summary>
/// Scores time expressions as TempEval-3 does: extraction with strict (same span) and relaxed (overlapping)
/// matching, and the type and value attributes over relaxed matches (attribute F1: matches with the right
/// attribute over all system and all gold expressions). The document creation time is the anchor.
/// </summary>
public static class TimeMlEvaluator
{
    public static IEnumerable<TimeMlDocument> ReadDirectory(string dir)
    {
        if (!Directory.Exists(dir)) throw new ArgumentException($"no such directory: {dir}");
        foreach (var file in Directory.EnumerateFiles(dir, "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            yield return Read(file);
    }

    public static TimeMlDocument Read(string path)
    {
        var doc = XDocument.Load(path, LoadOptions.PreserveWhitespace);
        var root = doc.Root ?? throw new ArgumentException($"{path}: empty TimeML");
        var dctValue = root.Element("DCT")?.Element("TIMEX3")?.Attribute("value")?.Value;
        DateOnly? dct = dctValue is { Length: >= 10 } && DateOnly.TryParse(dctValue[..10], out var d) ? d : null;
        var text = new StringBuilder();
        var timexes = new List<GoldTimex>();
        void Walk(XElement e)
        {
            foreach (var node in e.Nodes())
            {
                if (node is XText t) text.Append(t.Value);
                else if (node is XElement child)
                {
                    int start = text.Length;
                    Walk(child);
                    if (child.Name.LocalName == "TIMEX3")
                        timexes.Add(new GoldTimex(start, text.Length, text.ToString(start, text.Length - start),
                            child.Attribute("type")?.Value ?? "", child.Attribute("value")?.Value ?? ""));
                }
            }
        }
        var body = root.Element("TEXT") ?? throw new ArgumentException($"{path}: no TEXT element");
        Walk(body);
        return new TimeMlDocument(Path.GetFileNameWithoutExtension(path), text.ToString(), dct, timexes);
    }

    public static TimexReport Evaluate(IReadOnlyList<TimeMlDocument> documents, TimeExpressionRecognizer recognizer)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var found = documents.Select(d => recognizer.Recognize(d.Text, d.Dct)).ToList();
        return Score(documents, found, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Scores any system's output (one list per document, same order) against the gold expressions.</summary>
    public static TimexReport Score(IReadOnlyList<TimeMlDocument> documents, IReadOnlyList<IReadOnlyList<TimeExpression>> output, double seconds)
    {
        int strict = 0, relaxed = 0, type = 0, value = 0, predicted = 0, gold = 0, docs = 0;
        for (int d = 0; d < documents.Count; d++)
        {
            var doc = documents[d];
            docs++;
            var found = output[d];
            predicted += found.Count;
            gold += doc.Timexes.Count;
            var used = new HashSet<int>();
            foreach (var g in doc.Timexes)
            {
                int best = -1;
                for (int i = 0; i < found.Count; i++)
                {
                    if (used.Contains(i) || found[i].End <= g.Start || found[i].Start >= g.End) continue;
                    if (best < 0 || (found[i].Start == g.Start && found[i].End == g.End)) best = i;
                }
                if (best < 0) continue;
                used.Add(best);
                var f = found[best];
                relaxed++;
                if (f.Start == g.Start && f.End == g.End) strict++;
                if (f.Type == g.Type) type++;
                if (f.Value == g.Value) value++;
            }
        }
        return new TimexReport(docs, new(strict, predicted, gold), new(relaxed, predicted, gold), new(type, predicted, gold),
            new(value, predicted, gold), seconds);
    }
}
