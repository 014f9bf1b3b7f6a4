using System.Globalization;
using Tidings.Documents;
using Tidings.Extract.Quotes;
using Tidings.Pipeline;

namespace Tidings.Evaluation;

/// <summary>A gold attribution from brat standoff: content, cue and source spans (source or cue may be missing).</summary>
public sealed record GoldAttribution(IReadOnlyList<(int Start, int End)> Content, (int Start, int End)? Cue, (int Start, int End)? Source, bool Direct);

public sealed record AttributionScore(PrfScore Detection, int SpeakerRight, int CueRight)
{
    public double SpeakerShare => Detection.TruePositives == 0 ? 0 : (double)SpeakerRight / Detection.TruePositives;
    public double CueShare => Detection.TruePositives == 0 ? 0 : (double)CueRight / Detection.TruePositives;
    public override string ToString() => $"{Detection}  speaker right {100 * SpeakerShare:0.0} %  cue right {100 * CueShare:0.0} %";
}

public sealed record AttributionReport(int Documents, AttributionScore Direct, AttributionScore All, double Seconds);

/// <summary>
/// Scores quotations and reported speech against brat attribution annotations (PolNeAR: Source, Cue, Content
/// linked by an Attribution event). A found attribution matches a gold one when their contents overlap by at
/// least half of the longer; then its speaker is right when it overlaps the gold source (or names the same
/// person), its cue when it overlaps the gold cue. Direct quotations are gold contents inside quotation marks.
/// </summary>
public static class BratAttributionEvaluator
{
    public static AttributionReport Evaluate(string dir, Action<string>? log = null)
    {
        var (textDir, annDir) = (Path.Combine(dir, "text"), Path.Combine(dir, "attributions"));
        if (!Directory.Exists(textDir) || !Directory.Exists(annDir))
            throw new ArgumentException($"{dir} must hold text/ and attributions/ (brat standoff, as PolNeAR)");
        var pipeline = ArticlePipeline.CreateDefault();
        var direct = new Counts();
        var all = new Counts();
        int docs = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // One annotation per text: where a text was annotated twice, the first file counts.
        foreach (var group in Directory.EnumerateFiles(annDir, "*.ann").Order(StringComparer.Ordinal)
                     .GroupBy(f => TextName(Path.GetFileNameWithoutExtension(f))))
        {
            var textPath = Path.Combine(textDir, group.Key + ".txt");
            if (!File.Exists(textPath)) continue;
            docs++;
            var text = File.ReadAllText(textPath);
            var gold = ReadAnn(group.First(), text);
            var article = pipeline.Process(new Article(text, textPath, ArticleFormat.PlainText) { HeadlineInText = true });
            var found = AsAnnotated(article.Layers.Get<Quote>(QuoteStage.Layer) ?? []);
            Match(found, gold, text, all, null);
            Match(found.Where(q => q.Quote.Kind == "direct").ToList(), gold.Where(g => g.Direct).ToList(), text, direct, log);
        }
        return new AttributionReport(docs, direct.Score(), all.Score(), clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Brings Tidings' output to the corpus's conventions: one attribution per cue (`"A," she said. "B"` is one
    /// content from A to B there), and no separate record for a fragment inside reported speech it is part of.
    /// </summary>
    private static List<(Quote Quote, List<(int Start, int End)> Parts)> AsAnnotated(IReadOnlyList<Quote> quotes)
    {
        var speech = quotes.Where(q => q.Kind != "scare").ToList();
        var merged = new List<(Quote Quote, List<(int Start, int End)> Parts)>();
        foreach (var group in speech.GroupBy(q => q.Cue?.Start ?? -1 - q.Start))
        {
            var direct = group.Where(p => p.Kind == "direct").OrderBy(q => q.Start).ToList();
            if (direct.Count > 0) merged.Add((direct[0], direct.Select(p => (p.Start, p.End)).ToList()));
            merged.AddRange(group.Where(p => p.Kind != "direct").Select(p => (p, new List<(int, int)> { (p.Start, p.End) })));
        }
        return merged.Where(m => m.Quote.Kind != "partial"
                || !merged.Any(o => o.Quote.Kind == "indirect" && o.Quote.Start <= m.Quote.Start && m.Quote.End <= o.Quote.End))
            .OrderBy(m => m.Quote.Start).ToList();
    }

    private sealed class Counts
    {
        public int Matched, Found, Gold, Speaker, Cue;

        public AttributionScore Score() => new(new PrfScore(Matched, Found, Gold), Speaker, Cue);
    }

    private static void Match(List<(Quote Quote, List<(int Start, int End)> Parts)> found, List<GoldAttribution> gold, string text, Counts counts,
        Action<string>? log)
    {
        counts.Found += found.Count;
        counts.Gold += gold.Count;
        var used = new HashSet<int>();
        foreach (var g in gold)
        {
            int goldLength = g.Content.Sum(c => c.End - c.Start);
            int best = -1, bestOverlap = 0;
            for (int i = 0; i < found.Count; i++)
            {
                if (used.Contains(i)) continue;
                int overlap = found[i].Parts.Sum(p => g.Content.Sum(c => Math.Max(0, Math.Min(p.End, c.End) - Math.Max(p.Start, c.Start))));
                int longer = Math.Max(found[i].Parts.Sum(p => p.End - p.Start), goldLength);
                if (overlap * 2 >= longer && overlap > bestOverlap) { best = i; bestOverlap = overlap; }
            }
            if (best < 0)
            {
                log?.Invoke($"MISS  {Show(text, g.Content[0])}");
                continue;
            }
            used.Add(best);
            counts.Matched++;
            var q = found[best].Quote;
            if (q.Speaker is { } s && g.Source is { } src &&
                (Overlaps(s.Start, s.End, src) || text[src.Start..src.End].Contains(s.Name.Split(' ')[^1], StringComparison.OrdinalIgnoreCase)))
                counts.Speaker++;
            else log?.Invoke($"WHO   {Show(text, g.Content[0])} <- ours: {q.Speaker?.Text ?? "none"}; gold: {(g.Source is { } gs ? Show(text, gs) : "none")}");
            if (q.Cue is { } c && g.Cue is { } cue && Overlaps(c.Start, c.End, cue)) counts.Cue++;
        }
        if (log is null) return;
        for (int i = 0; i < found.Count; i++)
            if (!used.Contains(i)) log($"SPUR  {Show(text, (found[i].Quote.Start, found[i].Quote.End))} <- {found[i].Quote.Speaker?.Text}");
    }

    private static string Show(string text, (int Start, int End) span)
    {
        var s = text[span.Start..span.End].Replace('\n', ' ');
        return s.Length > 90 ? s[..90] + "…" : s;
    }

    private static bool Overlaps(int start, int end, (int Start, int End) span) => start < span.End && span.Start < end;

    /// <summary>"politico_…-righ_4e07" → "politico_…-righ": annotation files carry an annotator suffix.</summary>
    private static string TextName(string annName)
    {
        int underscore = annName.LastIndexOf('_');
        return underscore > 0 ? annName[..underscore] : annName;
    }

    public static List<GoldAttribution> ReadAnn(string path, string text)
    {
        var toUtf16 = CodePointMap(text);
        var spans = new Dictionary<string, (string Type, List<(int Start, int End)> Parts)>();
        var events = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split('\t');
            if (parts.Length < 2) continue;
            if (parts[0].StartsWith('T'))
            {
                var head = parts[1].Split(' ', 2);
                if (head.Length < 2) continue;
                // Discontinuous spans ("10 20;30 40") keep their fragments.
                var fragments = head[1].Split(';').Select(f => f.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    .Where(f => f.Length == 2).Select(f => (toUtf16(int.Parse(f[0], CultureInfo.InvariantCulture)), toUtf16(int.Parse(f[1], CultureInfo.InvariantCulture)))).ToList();
                if (fragments.Count > 0) spans[parts[0]] = (head[0], fragments);
            }
            else if (parts[0].StartsWith('E')) events.Add(parts[1]);
        }
        var result = new List<GoldAttribution>();
        foreach (var e in events)
        {
            // A role may repeat (two content spans): the first of each role counts.
            var roles = new Dictionary<string, string>();
            foreach (var r in e.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split(':')).Where(r => r.Length == 2))
                roles.TryAdd(r[0].TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), r[1]);
            if (!roles.TryGetValue("Content", out var contentId) || !spans.TryGetValue(contentId, out var content)) continue;
            (int, int)? Span(string role) => roles.TryGetValue(role, out var id) && spans.TryGetValue(id, out var s)
                ? (s.Parts.Min(p => p.Start), s.Parts.Max(p => p.End)) : null;
            bool direct = content.Parts.All(p => IsQuoted(text, p.Start, p.End));
            result.Add(new GoldAttribution(content.Parts, Span("Cue"), Span("Source"), direct));
        }
        return result;
    }

    /// <summary>
    /// Verbatim content: it opens at a quotation mark (straight, curly, guillemet, single or doubled apostrophe) or
    /// right after a transcript label inside a paragraph that opens with one ("PENCE: …" in a quoted transcript).
    /// </summary>
    private static bool IsQuoted(string text, int start, int end)
    {
        static bool Mark(char c) => c is '"' or '“' or '”' or '«' or '»' or '‘' or '\'';
        int from = Math.Max(0, start - 2);
        for (int i = from; i <= Math.Min(start, text.Length - 1); i++)
            if (Mark(text[i])) return true;
        int paragraph = text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        return paragraph < text.Length && Mark(text[paragraph]) && start - paragraph < 40;
    }

    /// <summary>brat counts code points; .NET strings count UTF-16 units. Identity when the text has no surrogate pairs.</summary>
    private static Func<int, int> CodePointMap(string text)
    {
        if (!text.Any(char.IsSurrogate)) return cp => Math.Min(cp, text.Length);
        var map = new List<int>(text.Length + 1);
        for (int i = 0; i < text.Length; i++)
        {
            map.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length) i++;
        }
        map.Add(text.Length);
        return cp => cp < map.Count ? map[cp] : text.Length;
    }
}
