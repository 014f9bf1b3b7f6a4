using System.IO.Compression;
using System.Reflection;

namespace Tidings.Stories;

/// <summary>
/// Document frequencies for TF-IDF: a small prior table shipped with the library (word document frequencies
/// counted over a news corpus by <c>tidings train idf</c>), plus the frequencies of the stream seen so far.
/// Only the counts are stored, not the texts, and at most <see cref="MaxSeenTerms"/> of them: when the stream's
/// vocabulary outgrows that (names, typos and numbers keep arriving), every count and the document total are halved
/// and the terms left at zero dropped, so memory stays bounded and old frequencies fade (deterministically).
/// </summary>
public sealed class TermStatistics
{
    public const string ResourceName = "Tidings.Stories.idf.tsv.gz";

    private readonly Dictionary<ulong, int> _prior;
    private readonly int _priorDocs;
    public const int MaxSeenTerms = 1 << 20;

    private readonly Dictionary<ulong, int> _seen = new();
    private readonly int _maxSeen;
    private int _seenDocs;

    public int SeenTerms => _seen.Count;

    private TermStatistics(Dictionary<ulong, int> prior, int priorDocs, int maxSeen = MaxSeenTerms)
    {
        _prior = prior;
        _priorDocs = priorDocs;
        _maxSeen = maxSeen;
    }

    private static readonly Lazy<(Dictionary<ulong, int>, int)> Shipped = new(LoadShipped);

    /// <summary>A fresh counter on top of the shipped table.</summary>
    public static TermStatistics CreateDefault(int maxSeenTerms = MaxSeenTerms)
    {
        var (prior, n) = Shipped.Value;
        return new TermStatistics(prior, n, maxSeenTerms);
    }

    public static TermStatistics Empty() => new(new Dictionary<ulong, int>(), 0);

    private static (Dictionary<ulong, int>, int) LoadShipped()
    {
        using var stream = typeof(TermStatistics).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null) return (new Dictionary<ulong, int>(), 0);
        using var gz = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        return Read(reader);
    }

    public static (Dictionary<ulong, int> Df, int Docs) Read(TextReader reader)
    {
        var df = new Dictionary<ulong, int>();
        int docs = 0;
        while (reader.ReadLine() is { } line)
        {
            int tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            int n = int.Parse(line.AsSpan(tab + 1), System.Globalization.CultureInfo.InvariantCulture);
            if (line.AsSpan(0, tab).SequenceEqual("#documents")) docs = n;
            else df[StoryText.Hash(line.AsSpan(0, tab))] = n;
        }
        return (df, docs);
    }

    /// <summary>Counts a document's distinct terms (called in stream order, so the weights are deterministic).</summary>
    public void Add(ReadOnlySpan<ulong> distinctTerms)
    {
        _seenDocs++;
        foreach (var t in distinctTerms) _seen[t] = _seen.GetValueOrDefault(t) + 1;
        if (_seen.Count > _maxSeen) Halve();
    }

    private void Halve()
    {
        _seenDocs /= 2;
        foreach (var t in _seen.Keys.ToList())
        {
            int n = _seen[t] / 2;
            if (n == 0) _seen.Remove(t);
            else _seen[t] = n;
        }
        _seen.TrimExcess();
    }

    public float Idf(ulong term)
    {
        int docs = _priorDocs + _seenDocs;
        int df = _prior.GetValueOrDefault(term) + _seen.GetValueOrDefault(term);
        return (float)Math.Log((docs + 1.0) / (df + 0.5));
    }

    /// <summary>Writes a table of document frequencies over plain-text documents (terms in ≥ <paramref name="minDf"/> documents).</summary>
    public static int WriteTable(IEnumerable<string> documents, TextWriter output, int minDf = 2)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        int docs = 0;
        foreach (var text in documents)
        {
            docs++;
            var distinct = new HashSet<string>(StringComparer.Ordinal);
            foreach (var w in StoryText.Words(text, 0, text.Length))
                if (StoryText.IsContent(w.Lower)) distinct.Add(w.Lower);
            foreach (var t in distinct) df[t] = df.GetValueOrDefault(t) + 1;
        }
        output.WriteLine($"#documents\t{docs}");
        int written = 0;
        foreach (var (t, n) in df.Where(kv => kv.Value >= minDf).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{t}\t{n}");
            written++;
        }
        return written;
    }
}
