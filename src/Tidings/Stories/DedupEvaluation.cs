using System.Text;

namespace Tidings.Stories;

/// <summary>Recall of planted copies at one edit rate.</summary>
public sealed record DedupRate(string Edit, int Planted, int Found)
{
    public double Recall => Planted == 0 ? 0 : (double)Found / Planted;
}

/// <summary>An original the index reported as a copy: the similarity the index saw and the exact Jaccard similarity of its shingles
/// with the nearest earlier original of the same family (a genuine near-duplicate when the exact one reaches the
/// copy threshold).</summary>
public sealed record DedupFlag(string Id, string CopyOf, double Reported, double Exact)
{
    public bool Genuine => Exact >= MinHash.ConfirmThreshold;
}

public sealed record DedupReport(IReadOnlyList<DedupRate> Rates, int Originals, IReadOnlyList<DedupFlag> Flagged)
{
    /// <summary>Originals reported as copies whose exact Jaccard similarity is below the copy threshold: the index's errors.</summary>
    public int FalsePositives => Flagged.Count(f => !f.Genuine);

    /// <summary>Originals that are near-identical to an earlier one (exact Jaccard ≥ the copy threshold): re-editions
    /// and re-publications in the corpus itself, rightly reported as copies.</summary>
    public int GenuineCopies => Flagged.Count(f => f.Genuine);

    public double FalsePositiveRate => Originals == 0 ? 0 : (double)FalsePositives / Originals;
}

/// <summary>
/// Plants edited copies of real articles and measures how many the near-duplicate index finds: each copy gets a
/// new 25-word header (words of another article) and a share of its words replaced by words of other articles;
/// one variant also drops a paragraph. A false positive is an original reported as a copy of another original
/// although the exact Jaccard similarity of their shingle sets is below the copy threshold (the estimate erred):
/// distinct articles that are genuinely near-identical (a wire service's successive updates, re-publications) are
/// copies by the definition the index implements, so they are counted apart, not as errors.
/// </summary>
public static class DedupEvaluation
{
    public static readonly double[] Rates = [0, 0.01, 0.03, 0.05, 0.10];
    public const int HeaderWords = 25;

    public static DedupReport Evaluate(IReadOnlyList<(string Id, string Body)> originals)
    {
        var index = new NearDuplicateIndex(TimeSpan.FromDays(36500));
        var flagged = new List<DedupFlag>();
        var shingles = new Dictionary<string, ulong[]>(StringComparer.Ordinal);
        var family = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        // A copy of an original that is itself a re-edition of an earlier one is rightly reported as a copy of the
        // earliest version (its family's root), and counts as found.
        var rootOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, body) in originals)
        {
            shingles[id] = Shingles(body);
            var (copyOf, sim) = index.Add(id, "", Signature(body), null, shingles[id]);
            rootOf[id] = copyOf ?? id;
            if (copyOf is null) { family[id] = [id]; continue; }
            // The nearest earlier original of the family the index put it in (the root or one of its copies).
            double exact = family[copyOf].Max(m => MinHash.Jaccard(shingles[id], shingles[m]));
            family[copyOf].Add(id);
            flagged.Add(new DedupFlag(id, copyOf, sim, exact));
        }
        var pool = originals.SelectMany(o => StoryText.Words(o.Body, 0, o.Body.Length).Select(w => o.Body[w.Start..w.End]))
            .Where(w => w.Length > 2).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var results = new List<DedupRate>();
        var variants = Rates.Select(r => ($"{100 * r:0}% words changed + header", r, false)).Append(("3% words changed + header + paragraph dropped", 0.03, true));
        int v = 0;
        foreach (var (name, rate, drop) in variants)
        {
            int planted = 0, found = 0;
            for (int i = 0; i < originals.Count; i++)
            {
                var rng = new Random(1000 * v + i);
                var (id, body) = originals[i];
                var other = originals[(i + 1 + rng.Next(originals.Count - 1)) % originals.Count].Body;
                string copy = Edit(body, other, rate, drop, pool, rng);
                var (copyOf, _) = index.Add($"{id}~{v}", "", Signature(copy), null, Shingles(copy));
                planted++;
                if (copyOf == rootOf[id]) found++;
            }
            results.Add(new DedupRate(name, planted, found));
            v++;
        }
        return new DedupReport(results, originals.Count, flagged);
    }

    public static ulong[] Shingles(string body)
    {
        var words = StoryText.Words(body, 0, body.Length);
        var hashes = new ulong[words.Count];
        for (int i = 0; i < words.Count; i++) hashes[i] = StoryText.Hash(words[i].Lower);
        return MinHash.Shingles(hashes);
    }

    public static uint[]? Signature(string body)
    {
        var words = StoryText.Words(body, 0, body.Length);
        var hashes = new ulong[words.Count];
        for (int i = 0; i < words.Count; i++) hashes[i] = StoryText.Hash(words[i].Lower);
        return MinHash.Signature(hashes);
    }

    /// <summary>A copy: a header of words from another article, a paragraph dropped, words replaced.</summary>
    public static string Edit(string body, string other, double rate, bool dropParagraph, string[] pool, Random rng)
    {
        var paragraphs = body.Split("\n\n").ToList();
        if (dropParagraph && paragraphs.Count >= 3) paragraphs.RemoveAt(1 + rng.Next(paragraphs.Count - 1));
        string text = string.Join("\n\n", paragraphs);
        var words = StoryText.Words(text, 0, text.Length);
        int changes = (int)Math.Round(rate * words.Count);
        var positions = Enumerable.Range(0, words.Count).OrderBy(_ => rng.Next()).Take(changes).Order().ToList();
        var sb = new StringBuilder(text.Length + 256);
        var otherWords = StoryText.Words(other, 0, other.Length);
        int take = Math.Min(HeaderWords, otherWords.Count);
        for (int k = 0; k < take; k++) sb.Append(other, otherWords[k].Start, otherWords[k].End - otherWords[k].Start).Append(' ');
        for (int k = take; k < HeaderWords; k++) sb.Append(pool[rng.Next(pool.Length)]).Append(' ');
        sb.Append("\n\n");
        int at = 0;
        foreach (int p in positions)
        {
            sb.Append(text, at, words[p].Start - at).Append(pool[rng.Next(pool.Length)]);
            at = words[p].End;
        }
        sb.Append(text, at, text.Length - at);
        return sb.ToString();
    }
}
