namespace Tidings.Stories;

/// <summary>
/// MinHash signatures over word k-shingles of the clean body (the headline is left out: copies get new ones).
/// Calibration (see <c>tidings eval dedup</c>): 4-word shingles; a copy with a new 25-word header and 3 % of its
/// words changed keeps a Jaccard similarity of about 0.64 for a 90-word lead and 0.77 for a 600-word article.
/// 120 hash functions in 40 bands of 3 rows make such a pair a candidate with probability ≥ 0.995 at
/// J = 0.5 (1 − (1 − 0.5³)⁴⁰), while unrelated articles (J &lt; 0.02) collide in fewer than 1 in 3,000 pairs;
/// candidates are confirmed by the signature's Jaccard estimate (≥ <see cref="ConfirmThreshold"/>).
/// </summary>
public static class MinHash
{
    public const int ShingleSize = 4;
    public const int Bands = 40;
    public const int Rows = 3;
    public const int Size = Bands * Rows;
    public const double ConfirmThreshold = 0.45;

    private static readonly ulong[] A = new ulong[Size];
    private static readonly ulong[] B = new ulong[Size];

    static MinHash()
    {
        // Fixed seeds: signatures are the same on every run and machine.
        ulong state = 0x9E3779B97F4A7C15UL;
        for (int i = 0; i < Size; i++)
        {
            A[i] = SplitMix(ref state) | 1UL;
            B[i] = SplitMix(ref state);
        }
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The signature of a word sequence (word hashes in text order); null when it is too short to shingle.</summary>
    public static uint[]? Signature(ReadOnlySpan<ulong> words)
    {
        if (words.Length < ShingleSize) return null;
        var sig = new uint[Size];
        Array.Fill(sig, uint.MaxValue);
        var seen = new HashSet<ulong>(words.Length);
        for (int i = 0; i + ShingleSize <= words.Length; i++)
        {
            ulong h = Shingle(words, i);
            if (!seen.Add(h)) continue;
            for (int j = 0; j < Size; j++)
            {
                uint v = (uint)((A[j] * h + B[j]) >> 32);
                if (v < sig[j]) sig[j] = v;
            }
        }
        return sig;
    }

    private static ulong Shingle(ReadOnlySpan<ulong> words, int i)
    {
        ulong h = 0xCBF29CE484222325UL;
        for (int k = 0; k < ShingleSize; k++) h = (h ^ words[i + k]) * 0x100000001B3UL + (ulong)k;
        return h ^ (h >> 29);
    }

    /// <summary>The distinct shingles of a word sequence, sorted (for exact Jaccard similarity in evaluation).</summary>
    public static ulong[] Shingles(ReadOnlySpan<ulong> words)
    {
        var set = new HashSet<ulong>();
        for (int i = 0; i + ShingleSize <= words.Length; i++) set.Add(Shingle(words, i));
        var arr = set.ToArray();
        Array.Sort(arr);
        return arr;
    }

    /// <summary>The exact Jaccard similarity of two sorted shingle sets.</summary>
    public static double Jaccard(ulong[] a, ulong[] b)
    {
        if (a.Length == 0 && b.Length == 0) return 0;
        int i = 0, j = 0, both = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { both++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)both / (a.Length + b.Length - both);
    }

    public static double Estimate(uint[] a, uint[] b)
    {
        int same = 0;
        for (int i = 0; i < Size; i++) if (a[i] == b[i]) same++;
        return (double)same / Size;
    }

    public static ulong BandKey(uint[] sig, int band)
    {
        ulong h = 0xCBF29CE484222325UL ^ (ulong)band;
        for (int r = 0; r < Rows; r++) h = (h ^ sig[band * Rows + r]) * 0x100000001B3UL;
        return h;
    }
}

/// <summary>
/// Finds near-duplicates in a stream: an LSH index (one table per band) over the signatures of articles inside
/// the time window. Articles older than the window are evicted so memory stays bounded.
/// </summary>
public sealed class NearDuplicateIndex
{
    private sealed class Entry(int serial, string id, uint[] sig, DateTimeOffset? when, string root, ulong[]? shingles)
    {
        public ulong[]? Shingles { get; } = shingles;
        public int Serial { get; } = serial;
        public string Id { get; } = id;
        public uint[] Signature { get; } = sig;
        public DateTimeOffset? When { get; } = when;
        public string Root { get; } = root;
        public bool Evicted { get; set; }
    }

    private readonly Dictionary<ulong, List<Entry>>[] _bands = Enumerable.Range(0, MinHash.Bands).Select(_ => new Dictionary<ulong, List<Entry>>()).ToArray();
    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly Queue<Entry> _order = new();
    private readonly Queue<(string Hash, DateTimeOffset? When)> _exactOrder = new();
    private readonly TimeSpan _window;
    private readonly double _threshold;
    private int _serial;

    public NearDuplicateIndex(TimeSpan window, double threshold = MinHash.ConfirmThreshold)
    {
        _window = window;
        _threshold = threshold;
    }

    /// <summary>How far below the threshold an estimate may fall and still be checked exactly (over 3 standard errors).</summary>
    private const double ExactMargin = 0.15;

    /// <summary>How many candidates, best estimates first, are checked exactly.</summary>
    private const int ExactChecks = 4;

    public int Count => _order.Count;

    /// <summary>
    /// Looks the article up and adds it. Returns the id of the earliest version it copies (exact body or near
    /// duplicate), or null for an original, with the Jaccard similarity. With the article's shingle set (sorted, from
    /// <see cref="MinHash.Shingles"/>), a candidate that also has one is confirmed by the exact Jaccard similarity,
    /// not the signature's estimate (whose standard error, about 0.045 at 120 hashes, lets pairs at 0.40 pass a 0.45
    /// threshold); the sets are kept only for articles inside the window.
    /// </summary>
    public (string? CopyOf, double Similarity) Add(string id, string contentHash, uint[]? signature, DateTimeOffset? when, ulong[]? shingles = null)
    {
        if (when is { } now) Evict(now);
        if (!string.IsNullOrEmpty(contentHash) && _exact.TryGetValue(contentHash, out var root)) return (root, 1.0);
        Entry? best = null;
        double bestSim = 0;
        if (signature is not null)
        {
            var seen = new HashSet<int>();
            var near = new List<(Entry E, double Estimate)>();
            for (int b = 0; b < MinHash.Bands; b++)
            {
                if (!_bands[b].TryGetValue(MinHash.BandKey(signature, b), out var bucket)) continue;
                foreach (var e in bucket)
                {
                    if (e.Evicted || !seen.Add(e.Serial)) continue;
                    double sim = MinHash.Estimate(signature, e.Signature);
                    if (sim >= _threshold - ExactMargin) near.Add((e, sim));
                }
            }
            // The exact check costs a merge of two shingle sets: only the few best estimates get it.
            near.Sort((x, y) => x.Estimate != y.Estimate ? y.Estimate.CompareTo(x.Estimate) : x.E.Serial.CompareTo(y.E.Serial));
            for (int i = 0; i < near.Count; i++)
            {
                var (e, sim) = near[i];
                bool exact = shingles is not null && e.Shingles is not null;
                if (exact && i >= ExactChecks) break;
                if (exact) sim = MinHash.Jaccard(shingles!, e.Shingles!);
                if (sim >= _threshold && (sim > bestSim || (sim == bestSim && e.Serial < best!.Serial))) { best = e; bestSim = sim; }
            }
        }
        string myRoot = best?.Root ?? id;
        if (!string.IsNullOrEmpty(contentHash))
        {
            _exact[contentHash] = myRoot;
            _exactOrder.Enqueue((contentHash, when));
        }
        if (signature is not null)
        {
            var entry = new Entry(_serial++, id, signature, when, myRoot, shingles);
            _order.Enqueue(entry);
            for (int b = 0; b < MinHash.Bands; b++)
            {
                ulong key = MinHash.BandKey(signature, b);
                if (!_bands[b].TryGetValue(key, out var bucket)) _bands[b][key] = bucket = new List<Entry>(1);
                bucket.Add(entry);
            }
        }
        return (best?.Root, best is null ? 0 : bestSim);
    }

    private void Evict(DateTimeOffset now)
    {
        var limit = now - _window;
        while (_order.TryPeek(out var e) && e.When is { } w && w < limit)
        {
            _order.Dequeue();
            e.Evicted = true;
            for (int b = 0; b < MinHash.Bands; b++)
            {
                ulong key = MinHash.BandKey(e.Signature, b);
                if (!_bands[b].TryGetValue(key, out var bucket)) continue;
                bucket.Remove(e);
                if (bucket.Count == 0) _bands[b].Remove(key);
            }
        }
        while (_exactOrder.TryPeek(out var x) && x.When is { } w2 && w2 < limit)
        {
            _exactOrder.Dequeue();
            _exact.Remove(x.Hash);
        }
    }
}
