using System.Text.RegularExpressions;
using Tidings.Documents;

namespace Tidings.Stories;

/// <summary>A sentence of the extractive summary, with the article and characters it comes from.</summary>
public sealed record SummarySentence(string ArticleId, int Start, int End, string Text);

/// <summary>A name with the number of the story's articles that mention it.</summary>
public sealed record NameCount(string Name, int Articles);

/// <summary>The story as a reader sees it in a list: chosen headline, dates, outlets, main names and places, summary.</summary>
public sealed record StoryRecord(
    string Id, string Headline, string HeadlineArticleId, DateTimeOffset? FirstReport, DateTimeOffset? LastReport,
    IReadOnlyList<string> Outlets, int ArticleCount, IReadOnlyList<string> ArticleIds, IReadOnlyList<NameCount> Entities,
    IReadOnlyList<string> Places, IReadOnlyList<SummarySentence> Summary, IReadOnlyDictionary<string, string> Copies);

/// <summary>Sentence boundaries: the "sentences" layer when present, otherwise a punctuation rule that knows common abbreviations.</summary>
public static partial class StorySentences
{
    [GeneratedRegex(@"[.!?]+[""”’')\]]*(?=\s+[""“‘(]?[\p{Lu}\p{N}])|[.!?]+[""”’')\]]*$|(?<=[""”])\s*(?=[""“][\p{Lu}])", RegexOptions.CultureInvariant)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Jr|Sr|No|Inc|Co|Corp|vs|etc|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)|\b\p{Lu}|\b(?:\p{Lu}\.)+\p{Lu})\.$", RegexOptions.CultureInvariant)]
    private static partial Regex Abbreviation();

    public static List<TextSpan> Split(Article a)
    {
        if (LayerReader.Sentences(a) is { Count: > 0 } layer)
            return layer.Where(s => a.Body.Any(b => s.Start >= b.Start && s.Start < b.End)).ToList();
        var list = new List<TextSpan>();
        foreach (var body in a.Body)
        {
            int start = body.Start;
            string para = body.Slice(a.Text);
            foreach (Match m in Boundary().Matches(para))
            {
                int end = body.Start + m.Index + m.Length;
                if (m.Length > 0 && m.Value[0] == '.' && Abbreviation().IsMatch(a.Text.AsSpan(start, body.Start + m.Index + 1 - start))) continue;
                Add(list, a.Text, start, end);
                start = end;
            }
            Add(list, a.Text, start, body.End);
        }
        return list;
    }

    private static void Add(List<TextSpan> list, string text, int start, int end)
    {
        var span = new TextSpan(start, end).Trim(text);
        if (span.Length >= 2 && span.Slice(text).Any(char.IsLetter)) list.Add(span);
    }
}

public static class StoryRecordBuilder
{
    public const int SummarySentences = 3;

    /// <summary>Builds the record of one story from its articles (in any order) and their links.</summary>
    /// <summary>Articles a record reads for its headline, names and summary: the earliest ones of a very large story.</summary>
    public const int MaxArticlesRead = 50;

    public static StoryRecord Build(string storyId, IReadOnlyList<Article> articles, IReadOnlyList<StoryLink>? links = null)
    {
        var all = StoryRunner.PublicationOrder(articles, a => a.Published).Select(i => articles[i]).ToList();
        var ordered = all.Take(MaxArticlesRead).ToList();
        var idf = TermStatistics.CreateDefault();
        var sentences = new List<(Article Article, TextSpan Span, SparseVector Vector)>();
        var articleVectors = new List<SparseVector>();
        var centroid = new Centroid();
        foreach (var a in ordered)
        {
            var words = StoryText.ArticleWords(a);
            articleVectors.Add(Vector(words, idf));
            foreach (var s in StorySentences.Split(a))
            {
                var v = Vector(StoryText.Words(a.Text, s.Start, s.End), idf);
                if (v.Count == 0) continue;
                sentences.Add((a, s, v));
                centroid.Add(v);
            }
        }
        var articleCentroid = new Centroid();
        foreach (var v in articleVectors) articleCentroid.Add(v);
        int headlineIndex = Enumerable.Range(0, ordered.Count)
            .Where(i => !string.IsNullOrWhiteSpace(ordered[i].HeadlineText))
            .OrderByDescending(i => Math.Round(articleCentroid.Cosine(articleVectors[i]), 6)).ThenBy(i => i).DefaultIfEmpty(0).First();
        var summary = new List<(Article Article, TextSpan Span, SparseVector Vector)>();
        foreach (var s in sentences.Select((s, i) => (s, i)).OrderByDescending(x => Math.Round(centroid.Cosine(x.s.Vector), 6)).ThenBy(x => x.i).Select(x => x.s))
        {
            if (summary.Count == SummarySentences) break;
            if (s.Span.Length > 400 || summary.Any(x => x.Vector.Dot(s.Vector) > 0.5)) continue;
            summary.Add(s);
        }
        var names = new Dictionary<string, (string Display, HashSet<string> Articles)>(StringComparer.OrdinalIgnoreCase);
        var places = new List<string>();
        foreach (var a in ordered)
        {
            var found = StoryText.Names(a);
            foreach (var n in found)
            {
                if (!names.TryGetValue(n.Text, out var entry)) names[n.Text] = entry = (n.Text, []);
                entry.Articles.Add(a.Id);
            }
            foreach (var p in LayerReader.Places(a, LayerReader.Entities(a)))
                if (!places.Contains(p, StringComparer.OrdinalIgnoreCase)) places.Add(p);
        }
        var copies = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var l in links ?? []) if (l.CopyOf is { } c) copies[l.ArticleId] = c;
        var dates = all.Where(a => a.Published is not null).Select(a => a.Published!.Value).ToList();
        return new StoryRecord(
            storyId,
            ordered.Count > 0 ? ordered[headlineIndex].HeadlineText : "",
            ordered.Count > 0 ? ordered[headlineIndex].Id : "",
            dates.Count > 0 ? dates.Min() : null,
            dates.Count > 0 ? dates.Max() : null,
            all.Select(a => a.Outlet ?? a.Dateline?.Outlet).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            all.Count,
            all.Select(a => a.Id).ToList(),
            names.Values.OrderByDescending(n => n.Articles.Count).ThenBy(n => n.Display, StringComparer.Ordinal)
                .Take(10).Select(n => new NameCount(n.Display, n.Articles.Count)).ToList(),
            places,
            summary.OrderBy(s => ordered.IndexOf(s.Article)).ThenBy(s => s.Span.Start)
                .Select(s => new SummarySentence(s.Article.Id, s.Span.Start, s.Span.End, s.Span.Slice(s.Article.Text))).ToList(),
            copies);
    }

    internal static SparseVector Vector(IEnumerable<Word> words, TermStatistics idf)
    {
        var counts = new Dictionary<ulong, float>();
        foreach (var w in words)
            if (StoryText.IsContent(w.Lower)) System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, StoryText.Hash(w.Lower), out _)++;
        var keys = counts.Keys.ToArray();
        Array.Sort(keys);
        return SparseVector.Normalize(keys, keys.Select(k => (1 + MathF.Log(counts[k])) * idf.Idf(k)).ToArray());
    }
}
