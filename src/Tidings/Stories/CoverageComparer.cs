using System.Text.RegularExpressions;
using Tidings.Documents;

namespace Tidings.Stories;

/// <summary>A fact one article reports, with the characters it comes from.</summary>
public sealed record Fact(string Kind, string Text, string Key, string ArticleId, int Start, int End);

/// <summary>What one article shares with the others of its story, and what only it reports.</summary>
public sealed record ArticleCoverage(string ArticleId, string? Outlet, string Headline, IReadOnlyList<Fact> Shared,
    IReadOnlyList<Fact> Unique, IReadOnlyList<Fact> Additions);

/// <summary>The same slot with different values in different articles: a spelling, a number, a date, a speaker.</summary>
public sealed record Disagreement(string Kind, string Slot, IReadOnlyList<Fact> Values);

public sealed record StoryComparison(IReadOnlyList<ArticleCoverage> Articles, IReadOnlyList<Disagreement> Disagreements);

/// <summary>
/// Compares the coverage of one story fact by fact. Sentences are aligned across articles by TF-IDF similarity;
/// a sentence no other article has an equivalent of is that article's addition. Facts — names, dates, numbers,
/// quotes — are shared when another article reports the same one (names by their words, quotes by content even when
/// cut or paraphrased); otherwise unique. Disagreements are the same slot with different values: near-identical name
/// variants in aligned contexts (spellings), different numbers of the same thing or different dates in aligned
/// sentences, a matched quote given to different speakers (when a quotes layer gives speakers).
/// </summary>
public static partial class CoverageComparer
{
    public const double AlignThreshold = 0.3;
    public const double SpellingSimilarity = 0.8;

    private sealed class Doc
    {
        public required Article Article { get; init; }
        public required List<(TextSpan Span, SparseVector Vector)> Sentences { get; init; }
        public required List<Fact> Facts { get; init; }
        public required List<(Fact Fact, LayerReader.QuoteItem? Layer)> Quotes { get; init; }
    }

    [GeneratedRegex(@"[“""]([^”""]{20,}?)[”""]", RegexOptions.CultureInvariant)]
    private static partial Regex QuoteRegex();

    public static StoryComparison Compare(IReadOnlyList<Article> articles)
    {
        var idf = TermStatistics.CreateDefault();
        var ordered = StoryRunner.PublicationOrder(articles, a => a.Published).Select(i => articles[i]).ToList();
        var docs = ordered.Select(a => Read(a, idf)).ToList();
        // Best alignment of every sentence in every other article.
        var aligned = new Dictionary<(int Doc, int Sentence), List<(int Doc, int Sentence, double Sim)>>();
        for (int i = 0; i < docs.Count; i++)
            for (int s = 0; s < docs[i].Sentences.Count; s++)
            {
                var list = new List<(int, int, double)>();
                for (int j = 0; j < docs.Count; j++)
                {
                    if (j == i) continue;
                    int best = -1; double bestSim = 0;
                    for (int t = 0; t < docs[j].Sentences.Count; t++)
                    {
                        double sim = docs[i].Sentences[s].Vector.Dot(docs[j].Sentences[t].Vector);
                        if (sim > bestSim) { bestSim = sim; best = t; }
                    }
                    if (bestSim >= AlignThreshold) list.Add((j, best, bestSim));
                }
                aligned[(i, s)] = list;
            }
        var coverage = new List<ArticleCoverage>();
        for (int i = 0; i < docs.Count; i++)
        {
            var d = docs[i];
            var shared = new List<Fact>();
            var unique = new List<Fact>();
            foreach (var f in d.Facts)
            {
                bool isShared = docs.Where((_, j) => j != i).Any(o => o.Facts.Any(g => Same(f, g, idf)));
                (isShared ? shared : unique).Add(f);
            }
            var additions = d.Sentences.Select((s, k) => (s, k)).Where(x => aligned[(i, x.k)].Count == 0)
                .Select(x => new Fact("sentence", x.s.Span.Slice(d.Article.Text), "", d.Article.Id, x.s.Span.Start, x.s.Span.End)).ToList();
            coverage.Add(new ArticleCoverage(d.Article.Id, d.Article.Outlet ?? d.Article.Dateline?.Outlet, d.Article.HeadlineText, shared, unique, additions));
        }
        return new StoryComparison(coverage, Disagreements(docs, aligned, idf));
    }

    private static Doc Read(Article a, TermStatistics idf)
    {
        var sentences = StorySentences.Split(a)
            .Select(s => (s, StoryRecordBuilder.Vector(StoryText.Words(a.Text, s.Start, s.End), idf))).Where(x => x.Item2.Count > 0).ToList();
        var facts = new List<Fact>();
        var keys = new HashSet<(string, string)>();
        void Add(string kind, string text, string key, int start, int end)
        {
            if (keys.Add((kind, key))) facts.Add(new Fact(kind, text, key, a.Id, start, end));
        }
        var bodyWords = StoryText.ArticleWords(a, headline: false);
        foreach (var n in StoryText.Names(a, bodyWords))
            if (a.Body.Any(b => b.Contains(n.Start)) && n.Text.Length > 1)
                Add("name", n.Text, n.Text.ToLowerInvariant(), n.Start, n.End);
        foreach (var b in a.Body)
        {
            var dates = StoryText.Dates(a.Text, b.Start, b.End).ToList();
            foreach (var dm in dates) Add("date", dm.Text, dm.Key, dm.Start, dm.End);
            foreach (var nm in StoryText.Numbers(a.Text, b.Start, b.End))
                if (!dates.Any(d => nm.Start < d.End && d.Start < nm.End)) Add("number", nm.Text, $"{nm.Value} {nm.Unit}".Trim(), nm.Start, nm.End);
        }
        var quotes = new List<(Fact, LayerReader.QuoteItem?)>();
        if (LayerReader.Quotes(a) is { } layer)
        {
            foreach (var q in layer) quotes.Add((new Fact("quote", a.Text[q.Start..q.End], "", a.Id, q.Start, q.End), q));
        }
        else
        {
            foreach (var b in a.Body)
                foreach (Match m in QuoteRegex().Matches(b.Slice(a.Text)))
                {
                    var g = m.Groups[1];
                    if (g.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 5)
                        quotes.Add((new Fact("quote", g.Value, "", a.Id, b.Start + g.Index, b.Start + g.Index + g.Length), null));
                }
        }
        facts.AddRange(quotes.Select(q => q.Item1));
        return new Doc { Article = a, Sentences = sentences, Facts = facts, Quotes = quotes };
    }

    private static bool Same(Fact f, Fact g, TermStatistics idf)
    {
        if (f.Kind != g.Kind) return false;
        switch (f.Kind)
        {
            case "name":
                if (f.Key == g.Key) return true;
                var a = NameWords(f.Key); var b = NameWords(g.Key);
                if (a.Count == 0 || b.Count == 0) return false;
                // "Blinken" is "Antony Blinken"; a spelling variant still names the same thing.
                return a.IsSubsetOf(b) || b.IsSubsetOf(a) || a.Any(x => b.Any(y => IsSpellingVariant(x, y))) && a.Count + b.Count > 2 && a.Overlaps(b);
            case "quote":
                return QuoteMatch(f.Text, g.Text, idf) >= 0.5;
            default:
                return f.Key == g.Key;
        }
    }

    private static HashSet<string> NameWords(string key) =>
        key.Split([' ', '(', ')', ','], StringSplitOptions.RemoveEmptyEntries).Where(StoryText.IsContent).ToHashSet(StringComparer.Ordinal);

    /// <summary>Share of the shorter quote's content (IDF-weighted) found in the other: a cut quote still matches.</summary>
    public static double QuoteMatch(string x, string y, TermStatistics idf)
    {
        var a = StoryText.Words(x, 0, x.Length).Where(w => StoryText.IsContent(w.Lower)).Select(w => w.Lower).ToHashSet();
        var b = StoryText.Words(y, 0, y.Length).Where(w => StoryText.IsContent(w.Lower)).Select(w => w.Lower).ToHashSet();
        if (a.Count == 0 || b.Count == 0) return 0;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        double total = small.Sum(w => idf.Idf(StoryText.Hash(w)));
        return total == 0 ? 0 : small.Where(large.Contains).Sum(w => idf.Idf(StoryText.Hash(w))) / total;
    }

    /// <summary>Two words that differ by a few letters and not by an ending (Pakistan / Pakistani is not a spelling).</summary>
    public static bool IsSpellingVariant(string x, string y)
    {
        if (x.Length < 5 || y.Length < 5 || string.Equals(x, y, StringComparison.OrdinalIgnoreCase)) return false;
        x = x.ToLowerInvariant(); y = y.ToLowerInvariant();
        if (x[0] != y[0] || x.StartsWith(y, StringComparison.Ordinal) || y.StartsWith(x, StringComparison.Ordinal)) return false;
        // Short names differ by one substituted letter at most (Blinken / Blinkon, not Price / Prince).
        if (Math.Max(x.Length, y.Length) < 8) return x.Length == y.Length && Levenshtein(x, y) == 1;
        return 1 - (double)Levenshtein(x, y) / Math.Max(x.Length, y.Length) >= SpellingSimilarity;
    }

    public static int Levenshtein(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    private static List<Disagreement> Disagreements(List<Doc> docs, Dictionary<(int, int), List<(int Doc, int Sentence, double Sim)>> aligned, TermStatistics idf)
    {
        var result = new List<Disagreement>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < docs.Count; i++)
            for (int j = i + 1; j < docs.Count; j++)
            {
                Spellings(docs[i], docs[j], i, j, aligned, result, seen);
                InAlignedSentences(docs, i, j, aligned, result, seen);
                Speakers(docs[i], docs[j], idf, result, seen);
            }
        return result;
    }

    private static void Spellings(Doc a, Doc b, int ia, int ib, Dictionary<(int, int), List<(int Doc, int Sentence, double Sim)>> aligned,
        List<Disagreement> result, HashSet<string> seen)
    {
        var wordsA = a.Facts.Where(f => f.Kind == "name").SelectMany(f => NameWords(f.Key)).ToHashSet();
        var wordsB = b.Facts.Where(f => f.Kind == "name").SelectMany(f => NameWords(f.Key)).ToHashSet();
        foreach (var fa in a.Facts.Where(f => f.Kind == "name"))
            foreach (var fb in b.Facts.Where(f => f.Kind == "name"))
            {
                var na = NameWords(fa.Key); var nb = NameWords(fb.Key);
                foreach (var x in na)
                    foreach (var y in nb)
                    {
                        // Each outlet uses only its own spelling, and the two names stand in the same context: they share
                        // another word ("… Pakistan"), or sit in sentences aligned with each other.
                        if (!IsSpellingVariant(x, y) || wordsB.Contains(x) || wordsA.Contains(y)) continue;
                        bool context = na.Overlaps(nb) || SentencesAligned(a, b, ia, ib, fa.Start, fb.Start, aligned);
                        if (!context || !seen.Add("spelling:" + string.Join("|", new[] { x, y }.Order(StringComparer.Ordinal)))) continue;
                        result.Add(new Disagreement("spelling", $"the name {fa.Text} / {fb.Text}", [fa, fb]));
                    }
            }
    }

    private static bool SentencesAligned(Doc a, Doc b, int ia, int ib, int posA, int posB,
        Dictionary<(int, int), List<(int Doc, int Sentence, double Sim)>> aligned)
    {
        int sa = a.Sentences.FindIndex(s => s.Span.Contains(posA));
        int sb = b.Sentences.FindIndex(s => s.Span.Contains(posB));
        return sa >= 0 && sb >= 0 && aligned[(ia, sa)].Any(x => x.Doc == ib && x.Sentence == sb);
    }

    private static void InAlignedSentences(List<Doc> docs, int ia, int ib, Dictionary<(int, int), List<(int Doc, int Sentence, double Sim)>> aligned,
        List<Disagreement> result, HashSet<string> seen)
    {
        var a = docs[ia]; var b = docs[ib];
        for (int s = 0; s < a.Sentences.Count; s++)
            foreach (var (doc, t, _) in aligned[(ia, s)])
            {
                if (doc != ib) continue;
                var sa = a.Sentences[s].Span; var sb = b.Sentences[t].Span;
                var na = StoryText.Numbers(a.Article.Text, sa.Start, sa.End).Where(n => n.Unit != "").ToList();
                var nb = StoryText.Numbers(b.Article.Text, sb.Start, sb.End).Where(n => n.Unit != "").ToList();
                foreach (var x in na)
                    foreach (var y in nb)
                        if (x.Unit == y.Unit && x.Value != y.Value && !nb.Any(n => n.Value == x.Value && n.Unit == x.Unit)
                            && seen.Add($"number:{x.Unit}:{x.Value}|{y.Value}"))
                            result.Add(new Disagreement("number", $"number of {x.Unit}",
                                [new Fact("number", x.Text, x.Value, a.Article.Id, x.Start, x.End), new Fact("number", y.Text, y.Value, b.Article.Id, y.Start, y.End)]));
                var da = StoryText.Dates(a.Article.Text, sa.Start, sa.End).Where(d => char.IsDigit(d.Key[0])).ToList();
                var db = StoryText.Dates(b.Article.Text, sb.Start, sb.End).Where(d => char.IsDigit(d.Key[0])).ToList();
                if (da.Count == 1 && db.Count == 1 && da[0].Key != db[0].Key && seen.Add($"date:{da[0].Key}|{db[0].Key}"))
                    result.Add(new Disagreement("date", "date of the same event",
                        [new Fact("date", da[0].Text, da[0].Key, a.Article.Id, da[0].Start, da[0].End), new Fact("date", db[0].Text, db[0].Key, b.Article.Id, db[0].Start, db[0].End)]));
            }
    }

    private static void Speakers(Doc a, Doc b, TermStatistics idf, List<Disagreement> result, HashSet<string> seen)
    {
        foreach (var (qa, la) in a.Quotes)
            foreach (var (qb, lb) in b.Quotes)
            {
                if (la?.Speaker is not { } sa || lb?.Speaker is not { } sb) continue;
                if (QuoteMatch(qa.Text, qb.Text, idf) < 0.5) continue;
                var wa = NameWords(sa.ToLowerInvariant()); var wb = NameWords(sb.ToLowerInvariant());
                if (wa.Overlaps(wb) || !seen.Add($"speaker:{qa.Start}:{qb.Start}")) continue;
                result.Add(new Disagreement("speaker", $"who said \"{Shorten(qa.Text)}\"", [qa with { Key = sa }, qb with { Key = sb }]));
            }
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "…";
}
