using System.Text.RegularExpressions;
using Tidings.Ingest;
using Tidings.Pipeline;

namespace Tidings.Evaluation;

public sealed record PageScore(string Name, double Precision, double Recall)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

public sealed record HtmlExtractionReport(IReadOnlyList<PageScore> Pages)
{
    public double Precision => Pages.Count == 0 ? 0 : Pages.Average(p => p.Precision);
    public double Recall => Pages.Count == 0 ? 0 : Pages.Average(p => p.Recall);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Scores body extraction the way the public article-extraction benchmark does: the multiset of word
/// 4-grams of the extracted body against that of the gold body, precision and recall per page, averaged,
/// and F1 of the averages.
/// </summary>
public static partial class HtmlExtractionEvaluator
{
    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();

    public static HtmlExtractionReport Evaluate(string goldDir)
    {
        if (!Directory.Exists(goldDir)) throw new ArgumentException($"no such directory: {goldDir}");
        var reader = new InputReader();
        var pipeline = ArticlePipeline.CreateDefault();
        var pages = new List<PageScore>();
        foreach (var html in Directory.EnumerateFiles(goldDir, "*.html").Order(StringComparer.Ordinal))
        {
            var goldPath = Path.ChangeExtension(html, ".txt");
            if (!File.Exists(goldPath)) continue;
            var result = reader.Read(InputDocument.FromFile(html)).FirstOrDefault();
            string extracted = result.Article is { } a ? pipeline.Process(a).BodyText : "";
            pages.Add(Score(Path.GetFileNameWithoutExtension(html), File.ReadAllText(goldPath), extracted));
        }
        if (pages.Count == 0) throw new ArgumentException($"no NAME.html + NAME.txt pairs in {goldDir}");
        return new HtmlExtractionReport(pages);
    }

    public static PageScore Score(string name, string gold, string extracted)
    {
        var g = Shingles(gold);
        var p = Shingles(extracted);
        int tp = 0, predicted = 0, expected = 0;
        foreach (var (k, n) in p)
        {
            predicted += n;
            if (g.TryGetValue(k, out int m)) tp += Math.Min(n, m);
        }
        foreach (var n in g.Values) expected += n;
        double precision = predicted == 0 ? (expected == 0 ? 1 : 0) : (double)tp / predicted;
        double recall = expected == 0 ? 1 : (double)tp / expected;
        return new PageScore(name, precision, recall);
    }

    private static Dictionary<string, int> Shingles(string text)
    {
        var words = Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        // Texts shorter than four words count as one shingle, as in the benchmark.
        if (words.Count is > 0 and < 4) counts[string.Join(' ', words)] = 1;
        for (int i = 0; i + 4 <= words.Count; i++)
        {
            var key = string.Join(' ', words, i, 4);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }
}
