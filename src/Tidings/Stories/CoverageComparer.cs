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

    /// <summary>
    /// One article, read once: its sentences with their vectors, its facts with what the comparisons need of them
    /// (a name's words, a quote's content words), and per-sentence numbers and dates computed on first use.
    /// </summary>
    private sealed class Doc
    {
        public required Article Article { get; init; }
        public required List<(TextSpan Span, SparseVector Vector)> Sentences { get; init; }
        public required List<Fact> Facts { get; init; }
        public required List<(Fact Fact, LayerReader.QuoteItem? Layer, QuoteWords Words)> Quotes { get; init; }
        /// <summary>Parallel to <see cref="Facts"/>: a name's words, else null.</summary>
        public required List<HashSet<string>?> NameWords { get; init; }
        /// <summary>Parallel to <see cref="Facts"/>: a quote's content words, else null.</summary>
        public required List<QuoteWords?> QuoteWords { get; init; }
        /// <summary>The keys of the facts compared by key alone (dates, numbers) and of the names.</summary>
        public required HashSet<(string Kind, string Key)> Keys { get; init; }
        /// <summary>Every word of every name of the article.</summary>
        public required HashSet<string> AllNameWords { get; init; }
        /// <summary>The texts of the quotes.</summary>
        public required HashSet<string> QuoteTexts { get; init; }
        /// <summary>The words of each quote's speaker (parallel to <see cref="Quotes"/>), null when the speaker is unknown.</summary>
        public required List<HashSet<string>?> SpeakerWords { get; init; }
        /// <summary>The names (indexes in <see cref="Facts"/>) with each word.</summary>
        public required Dictionary<string, List<int>> NamesByWord { get; init; }

        private List<StoryText.NumberMention>?[]? _numbers;
        private List<StoryText.DateMention>?[]? _dates;

        /// <summary>The numbers with a unit in sentence <paramref name="s"/>.</summary>
        public List<StoryText.NumberMention> Numbers(int s)
        {
            _numbers ??= new List<StoryText.NumberMention>?[Sentences.Count];
            var span = Sentences[s].Span;
            return _numbers[s] ??= StoryText.Numbers(Article.Text, span.Start, span.End).Where(n => n.Unit != "").ToList();
        }

        /// <summary>The calendar dates (keys starting with a digit) in sentence <paramref name="s"/>.</summary>
        public List<StoryText.DateMention> Dates(int s)
        {
            _dates ??= new List<StoryText.DateMention>?[Sentences.Count];
            var span = Sentences[s].Span;
            return _dates[s] ??= StoryText.Dates(Article.Text, span.Start, span.End).Where(d => char.IsDigit(d.Key[0])).ToList();
        }
    }

    /// <summary>A quote's distinct content words with their IDF and its sum, for <see cref="QuoteMatch(string, string, TermStatistics)"/>.</summary>
    private sealed class QuoteWords
    {
        private readonly HashSet<string> _set;
        private readonly string[] _words;
        private readonly float[] _idf;
        private readonly double _total;

        private QuoteWords(HashSet<string> set, TermStatistics idf)
        {
            _set = set;
            _words = [.. set];
            _idf = _words.Select(w => idf.Idf(StoryText.Hash(w))).ToArray();
            double total = 0;
            foreach (var x in _idf) total += x;
            _total = (float)total;
        }

        public static QuoteWords Of(string text, TermStatistics idf) =>
            new(StoryText.Words(text, 0, text.Length).Where(w => StoryText.IsContent(w.Lower)).Select(w => w.Lower).ToHashSet(), idf);

        /// <summary>Share of the shorter quote's content (IDF-weighted) found in the other. (Sums as Enumerable.Sum does: float terms, double total.)</summary>
        /// <summary>Whether the quote has content words of any weight: a quote without them matches nothing fully.</summary>
        public bool Weighs => _total > 0;

        public double Match(QuoteWords other)
        {
            if (_words.Length == 0 || other._words.Length == 0) return 0;
            var (small, large) = _words.Length <= other._words.Length ? (this, other) : (other, this);
            if (small._total == 0) return 0;
            double found = 0;
            for (int i = 0; i < small._words.Length; i++)
                if (large._set.Contains(small._words[i])) found += small._idf[i];
            return (float)found / small._total;
        }
    }

    [GeneratedRegex(@"[“""]([^”""]{20,}?)[”""]", RegexOptions.CultureInvariant)]
    private static partial Regex QuoteRegex();

    public static StoryComparison Compare(IReadOnlyList<Article> articles)
    {
        var idf = TermStatistics.CreateDefault();
        var ordered = StoryRunner.PublicationOrder(articles, a => a.Published).Select(i => articles[i]).ToList();
        var docs = ordered.Select(a => Read(a, idf)).ToList();
        var aligned = Align(docs);
        var coverage = new List<ArticleCoverage>();
        for (int i = 0; i < docs.Count; i++)
        {
            var d = docs[i];
            var shared = new List<Fact>();
            var unique = new List<Fact>();
            for (int k = 0; k < d.Facts.Count; k++)
            {
                bool isShared = docs.Where((_, j) => j != i).Any(o => Reports(o, d, k));
                (isShared ? shared : unique).Add(d.Facts[k]);
            }
            var additions = d.Sentences.Select((s, k) => (s, k)).Where(x => aligned[i][x.k].Count == 0)
                .Select(x => new Fact("sentence", x.s.Span.Slice(d.Article.Text), "", d.Article.Id, x.s.Span.Start, x.s.Span.End)).ToList();
            coverage.Add(new ArticleCoverage(d.Article.Id, d.Article.Outlet ?? d.Article.Dateline?.Outlet, d.Article.HeadlineText, shared, unique, additions));
        }
        return new StoryComparison(coverage, Disagreements(docs, aligned));
    }

    /// <summary>
    /// For every sentence of every article, its best match in each other article (when similar enough). The
    /// similarities come from an index of each article's terms rather than every pair of sentences: each sentence's
    /// terms are added in the order <see cref="SparseVector.Dot(SparseVector)"/> adds them, so the sums are the same.
    /// </summary>
    private static List<(int Doc, int Sentence, double Sim)>[][] Align(List<Doc> docs)
    {
        var postings = docs.Select(TermPostings).ToList();
        var aligned = new List<(int, int, double)>[docs.Count][];
        for (int i = 0; i < docs.Count; i++)
        {
            aligned[i] = new List<(int, int, double)>[docs[i].Sentences.Count];
            for (int s = 0; s < docs[i].Sentences.Count; s++)
            {
                var list = new List<(int, int, double)>();
                var v = docs[i].Sentences[s].Vector;
                for (int j = 0; j < docs.Count; j++)
                {
                    if (j == i) continue;
                    var sims = new double[docs[j].Sentences.Count];
                    for (int k = 0; k < v.Keys.Length; k++)
                        if (postings[j].TryGetValue(v.Keys[k], out var hits))
                            foreach (var (t, w) in hits) sims[t] += v.Values[k] * w;
                    int best = -1; double bestSim = 0;
                    for (int t = 0; t < sims.Length; t++)
                        if (sims[t] > bestSim) { bestSim = sims[t]; best = t; }
                    if (bestSim >= AlignThreshold) list.Add((j, best, bestSim));
                }
                aligned[i][s] = list;
            }
        }
        return aligned;
    }

    /// <summary>Each term of an article with the sentences that have it and its weight there.</summary>
    private static Dictionary<ulong, List<(int Sentence, float Weight)>> TermPostings(Doc d)
    {
        var postings = new Dictionary<ulong, List<(int, float)>>();
        for (int t = 0; t < d.Sentences.Count; t++)
        {
            var v = d.Sentences[t].Vector;
            for (int k = 0; k < v.Keys.Length; k++)
            {
                if (!postings.TryGetValue(v.Keys[k], out var list)) postings[v.Keys[k]] = list = [];
                list.Add((t, v.Values[k]));
            }
        }
        return postings;
    }

    /// <summary>Whether <paramref name="other"/> reports fact <paramref name="k"/> of <paramref name="d"/> too (see <see cref="Same"/>).</summary>
    private static bool Reports(Doc other, Doc d, int k)
    {
        var f = d.Facts[k];
        switch (f.Kind)
        {
            case "name":
                if (other.Keys.Contains((f.Kind, f.Key))) return true;
                // Names that are the same share a word: only those are candidates.
                var a = d.NameWords[k]!;
                foreach (var x in a)
                    if (other.NamesByWord.TryGetValue(x, out var candidates))
                        foreach (var g in candidates)
                            if (SameName(a, other.NameWords[g]!)) return true;
                return false;
            case "quote":
                // The same words match in full (unless they weigh nothing): an outlet's copy of the quote is found at once.
                var q = d.QuoteWords[k]!;
                if (q.Weighs && other.QuoteTexts.Contains(f.Text)) return true;
                for (int g = 0; g < other.Facts.Count; g++)
                    if (other.QuoteWords[g] is { } r && q.Match(r) >= 0.5) return true;
                return false;
            default:
                return other.Keys.Contains((f.Kind, f.Key));
        }
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
        // The entities layer when there is one; otherwise names from the body's words.
        var names = LayerReader.Entities(a) ?? StoryText.Names(a, StoryText.ArticleWords(a, headline: false));
        foreach (var n in names)
            if (a.Body.Any(b => b.Contains(n.Start)) && n.Text.Length > 1)
                Add("name", n.Text, n.Text.ToLowerInvariant(), n.Start, n.End);
        foreach (var b in a.Body)
        {
            var dates = StoryText.Dates(a.Text, b.Start, b.End).ToList();
            foreach (var dm in dates) Add("date", dm.Text, dm.Key, dm.Start, dm.End);
            foreach (var nm in StoryText.Numbers(a.Text, b.Start, b.End))
                if (!dates.Any(d => nm.Start < d.End && d.Start < nm.End)) Add("number", nm.Text, $"{nm.Value} {nm.Unit}".Trim(), nm.Start, nm.End);
        }
        var quotes = new List<(Fact Fact, LayerReader.QuoteItem? Layer)>();
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
        // Facts are the names, dates and numbers (keyed), then the quotes.
        var quoteWords = quotes.Select(q => QuoteWords.Of(q.Fact.Text, idf)).ToList();
        var nameWords = facts.Select(f => f.Kind == "name" ? NameWords(f.Key) : null).ToList();
        var noQuoteWords = facts.Select(_ => (QuoteWords?)null).ToList();
        facts.AddRange(quotes.Select(q => q.Fact));
        return new Doc
        {
            Article = a, Sentences = sentences, Facts = facts, Quotes = quotes.Select((q, i) => (q.Fact, q.Layer, quoteWords[i])).ToList(),
            NameWords = nameWords.Concat(quotes.Select(_ => (HashSet<string>?)null)).ToList(),
            QuoteWords = noQuoteWords.Concat(quoteWords).ToList(),
            Keys = keys,
            AllNameWords = nameWords.OfType<HashSet<string>>().SelectMany(w => w).ToHashSet(),
            QuoteTexts = quotes.Select(q => q.Fact.Text).ToHashSet(StringComparer.Ordinal),
            SpeakerWords = quotes.Select(q => q.Layer?.Speaker is { } sp ? NameWords(sp.ToLowerInvariant()) : null).ToList(),
            NamesByWord = nameWords.SelectMany((w, k) => (w ?? []).Select(x => (x, k))).GroupBy(p => p.x).ToDictionary(g => g.Key, g => g.Select(p => p.k).ToList()),
        };
    }

    /// <summary>
    /// Two names name the same thing when one's words are all in the other ("Blinken" is "Antony Blinken"), or when they
    /// share a word and differ by a spelling variant. (Equal keys, checked first by the caller, have equal words.)
    /// </summary>
    private static bool SameName(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return false;
        return a.IsSubsetOf(b) || b.IsSubsetOf(a) || a.Count + b.Count > 2 && a.Overlaps(b) && a.Any(x => b.Any(y => IsSpellingVariant(x, y)));
    }

    private static HashSet<string> NameWords(string key) =>
        key.Split([' ', '(', ')', ','], StringSplitOptions.RemoveEmptyEntries).Where(StoryText.IsContent).ToHashSet(StringComparer.Ordinal);

    /// <summary>Share of the shorter quote's content (IDF-weighted) found in the other: a cut quote still matches.</summary>
    public static double QuoteMatch(string x, string y, TermStatistics idf) => QuoteWords.Of(x, idf).Match(QuoteWords.Of(y, idf));

    /// <summary><see cref="QuoteMatch(string, string, TermStatistics)"/> for many pairs: each text's words are read once.</summary>
    public static Func<string, string, double> QuoteMatcher(TermStatistics idf)
    {
        var words = new Dictionary<string, QuoteWords>(StringComparer.Ordinal);
        QuoteWords Of(string text) => words.TryGetValue(text, out var w) ? w : words[text] = QuoteWords.Of(text, idf);
        return (x, y) => Of(x).Match(Of(y));
    }

    /// <summary>Two words that differ by a few letters and not by an ending (Pakistan / Pakistani is not a spelling).</summary>
    public static bool IsSpellingVariant(string x, string y)
    {
        if (x.Length < 5 || y.Length < 5 || string.Equals(x, y, StringComparison.OrdinalIgnoreCase)) return false;
        x = x.ToLowerInvariant(); y = y.ToLowerInvariant();
        if (x[0] != y[0] || x.StartsWith(y, StringComparison.Ordinal) || y.StartsWith(x, StringComparison.Ordinal)) return false;
        // Short names differ by one substituted letter at most (Blinken / Blinkon, not Price / Prince).
        if (Math.Max(x.Length, y.Length) < 8) return x.Length == y.Length && Levenshtein(x, y) == 1;
        // The distance is at least the difference in length: skip the distance when that alone is too much.
        if (1 - (double)Math.Abs(x.Length - y.Length) / Math.Max(x.Length, y.Length) < SpellingSimilarity) return false;
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

    private static List<Disagreement> Disagreements(List<Doc> docs, List<(int Doc, int Sentence, double Sim)>[][] aligned)
    {
        var result = new List<Disagreement>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < docs.Count; i++)
            for (int j = i + 1; j < docs.Count; j++)
            {
                Spellings(docs[i], docs[j], i, j, aligned, result, seen);
                InAlignedSentences(docs, i, j, aligned, result, seen);
                Speakers(docs[i], docs[j], result, seen);
            }
        return result;
    }

    private static void Spellings(Doc a, Doc b, int ia, int ib, List<(int Doc, int Sentence, double Sim)>[][] aligned,
        List<Disagreement> result, HashSet<string> seen)
    {
        // Each outlet uses only its own spelling: the candidate word pairs, found once per pair of articles.
        var variants = new HashSet<(string, string)>();
        foreach (var x in a.AllNameWords)
            if (!b.AllNameWords.Contains(x))
                foreach (var y in b.AllNameWords)
                    if (!a.AllNameWords.Contains(y) && IsSpellingVariant(x, y)) variants.Add((x, y));
        if (variants.Count == 0) return;
        var left = variants.Select(v => v.Item1).ToHashSet();
        var right = variants.Select(v => v.Item2).ToHashSet();
        for (int ka = 0; ka < a.Facts.Count; ka++)
        {
            if (a.NameWords[ka] is not { } na || !na.Overlaps(left)) continue;
            for (int kb = 0; kb < b.Facts.Count; kb++)
            {
                if (b.NameWords[kb] is not { } nb || !nb.Overlaps(right)) continue;
                var fa = a.Facts[ka]; var fb = b.Facts[kb];
                foreach (var x in na)
                    foreach (var y in nb)
                    {
                        // The two names stand in the same context: they share another word ("… Pakistan"), or sit in
                        // sentences aligned with each other.
                        if (!variants.Contains((x, y))) continue;
                        bool context = na.Overlaps(nb) || SentencesAligned(a, b, ia, ib, fa.Start, fb.Start, aligned);
                        if (!context || !seen.Add("spelling:" + string.Join("|", new[] { x, y }.Order(StringComparer.Ordinal)))) continue;
                        result.Add(new Disagreement("spelling", $"the name {fa.Text} / {fb.Text}", [fa, fb]));
                    }
            }
        }
    }

    private static bool SentencesAligned(Doc a, Doc b, int ia, int ib, int posA, int posB, List<(int Doc, int Sentence, double Sim)>[][] aligned)
    {
        int sa = a.Sentences.FindIndex(s => s.Span.Contains(posA));
        int sb = b.Sentences.FindIndex(s => s.Span.Contains(posB));
        return sa >= 0 && sb >= 0 && aligned[ia][sa].Any(x => x.Doc == ib && x.Sentence == sb);
    }

    private static void InAlignedSentences(List<Doc> docs, int ia, int ib, List<(int Doc, int Sentence, double Sim)>[][] aligned,
        List<Disagreement> result, HashSet<string> seen)
    {
        var a = docs[ia]; var b = docs[ib];
        for (int s = 0; s < a.Sentences.Count; s++)
            foreach (var (doc, t, _) in aligned[ia][s])
            {
                if (doc != ib) continue;
                var na = a.Numbers(s);
                var nb = b.Numbers(t);
                foreach (var x in na)
                    foreach (var y in nb)
                        if (x.Unit == y.Unit && x.Value != y.Value && !nb.Any(n => n.Value == x.Value && n.Unit == x.Unit)
                            && seen.Add($"number:{x.Unit}:{x.Value}|{y.Value}"))
                            result.Add(new Disagreement("number", $"number of {x.Unit}",
                                [new Fact("number", x.Text, x.Value, a.Article.Id, x.Start, x.End), new Fact("number", y.Text, y.Value, b.Article.Id, y.Start, y.End)]));
                var da = a.Dates(s);
                var db = b.Dates(t);
                if (da.Count == 1 && db.Count == 1 && da[0].Key != db[0].Key && seen.Add($"date:{da[0].Key}|{db[0].Key}"))
                    result.Add(new Disagreement("date", "date of the same event",
                        [new Fact("date", da[0].Text, da[0].Key, a.Article.Id, da[0].Start, da[0].End), new Fact("date", db[0].Text, db[0].Key, b.Article.Id, db[0].Start, db[0].End)]));
            }
    }

    private static void Speakers(Doc a, Doc b, List<Disagreement> result, HashSet<string> seen)
    {
        for (int i = 0; i < a.Quotes.Count; i++)
        {
            if (a.SpeakerWords[i] is not { } speakerA) continue;
            var (qa, la, wa) = a.Quotes[i];
            for (int j = 0; j < b.Quotes.Count; j++)
            {
                // Speakers that share a word are the same person: no disagreement, whatever the quotes (checked first, it is cheap).
                if (b.SpeakerWords[j] is not { } speakerB || speakerA.Overlaps(speakerB)) continue;
                var (qb, lb, wb) = b.Quotes[j];
                if (wa.Match(wb) < 0.5 || !seen.Add($"speaker:{qa.Start}:{qb.Start}")) continue;
                result.Add(new Disagreement("speaker", $"who said \"{Shorten(qa.Text)}\"", [qa with { Key = la!.Speaker! }, qb with { Key = lb!.Speaker! }]));
            }
        }
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "…";
}
