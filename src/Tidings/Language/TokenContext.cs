namespace Tidings.Language;

/// <summary>
/// Per-sentence scratch holding each token's hashes (form, lower-case form, shape, affixes) computed once, so
/// feature extraction combines integers only. One instance per thread; reused across sentences.
/// </summary>
internal sealed class TokenContext
{
    [ThreadStatic] private static TokenContext? _perThread;

    public static TokenContext ForThread() => _perThread ??= new TokenContext();

    public int Count;
    public ulong[] Exact = new ulong[64];
    public ulong[] Lower = new ulong[64];
    public ulong[] Shape = new ulong[64];
    public ulong[] Suffix1 = new ulong[64];
    public ulong[] Suffix2 = new ulong[64];
    public ulong[] Suffix3 = new ulong[64];
    public ulong[] Suffix4 = new ulong[64];
    public ulong[] Prefix1 = new ulong[64];
    public ulong[] Prefix2 = new ulong[64];
    public ulong[] Prefix3 = new ulong[64];
    public byte[] Flags = new byte[64];
    public bool[] AffixesReady = new bool[64];
    private string _text = "";
    private TextSpan[] _spans = new TextSpan[64];
    public ulong[] Ambiguity = new ulong[64];

    public const byte FlagUpperInitial = 1, FlagAllUpper = 2, FlagHasDigit = 4, FlagHasHyphen = 8, FlagAllLetters = 16, FlagPunct = 32;

    public static readonly ulong Padding = FeatureHash.Chars("<pad>");

    public void Load(string text, ReadOnlySpan<TextSpan> tokens)
    {
        Count = tokens.Length;
        if (Exact.Length < Count) Grow(Count);
        _text = text;
        tokens.CopyTo(_spans);
        for (int i = 0; i < tokens.Length; i++)
        {
            var w = text.AsSpan(tokens[i].Start, tokens[i].Length);
            Exact[i] = FeatureHash.Chars(w);
            Lower[i] = FeatureHash.LowerFolded(w);
            Shape[i] = FeatureHash.Shape(w);
            int n = w.Length;
            Suffix3[i] = n >= 3 ? FeatureHash.LowerFolded(w[(n - 3)..]) : Padding;
            AffixesReady[i] = false;
            Flags[i] = ComputeFlags(w);
        }
    }

    /// <summary>
    /// Computes the remaining affix hashes of token i. They feed only word-level features, which are cached
    /// per word form, so most tokens never need them.
    /// </summary>
    public void EnsureAffixes(int i)
    {
        if (AffixesReady[i]) return;
        var w = _text.AsSpan(_spans[i].Start, _spans[i].Length);
        int n = w.Length;
        Suffix1[i] = FeatureHash.LowerFolded(w[Math.Max(0, n - 1)..]);
        Suffix2[i] = n >= 2 ? FeatureHash.LowerFolded(w[(n - 2)..]) : Padding;
        Suffix4[i] = n >= 4 ? FeatureHash.LowerFolded(w[(n - 4)..]) : Padding;
        Prefix1[i] = FeatureHash.Chars(w[..1]);
        Prefix2[i] = n >= 2 ? FeatureHash.LowerFolded(w[..2]) : Padding;
        Prefix3[i] = n >= 3 ? FeatureHash.LowerFolded(w[..3]) : Padding;
        AffixesReady[i] = true;
    }

    /// <summary>Fills each token's ambiguity class (the set of tags its lower-case form had in training).</summary>
    public void LoadAmbiguity(Dictionary<ulong, ulong> lexicon)
    {
        for (int i = 0; i < Count; i++) Ambiguity[i] = lexicon.TryGetValue(Lower[i], out var a) ? a : 0;
    }

    public ulong AmbiguityAt(int i) => i < 0 ? Padding : i >= Count ? Padding + 1 : Ambiguity[i];

    private static byte ComputeFlags(ReadOnlySpan<char> w)
    {
        byte f = 0;
        if (char.IsUpper(w[0])) f |= FlagUpperInitial;
        bool allUpper = true, allLetters = true, anyLetterOrDigit = false;
        foreach (char c in w)
        {
            if (char.IsDigit(c)) f |= FlagHasDigit;
            if (c == '-') f |= FlagHasHyphen;
            if (!char.IsLetter(c)) allLetters = false;
            else if (!char.IsUpper(c)) allUpper = false;
            if (char.IsLetterOrDigit(c)) anyLetterOrDigit = true;
        }
        if (allUpper && allLetters) f |= FlagAllUpper;
        if (allLetters) f |= FlagAllLetters;
        if (!anyLetterOrDigit) f |= FlagPunct;
        return f;
    }

    private void Grow(int n)
    {
        int size = Math.Max(n, Exact.Length * 2);
        Array.Resize(ref Exact, size); Array.Resize(ref Lower, size); Array.Resize(ref Shape, size);
        Array.Resize(ref Suffix1, size); Array.Resize(ref Suffix2, size); Array.Resize(ref Suffix3, size); Array.Resize(ref Suffix4, size);
        Array.Resize(ref Prefix1, size); Array.Resize(ref Prefix2, size); Array.Resize(ref Prefix3, size);
        Array.Resize(ref Flags, size); Array.Resize(ref Ambiguity, size);
        Array.Resize(ref AffixesReady, size); Array.Resize(ref _spans, size);
    }

    public ulong LowerAt(int i) => i < 0 ? Padding : i >= Count ? Padding + 1 : Lower[i];
    public ulong ShapeAt(int i) => i < 0 ? Padding : i >= Count ? Padding + 1 : Shape[i];
    public ulong Suffix3At(int i) => i < 0 ? Padding : i >= Count ? Padding + 1 : Suffix3[i];
}

/// <summary>Feature templates of the POS tagger (words, shapes, affixes, neighbouring words and tags).</summary>
internal static class PosFeatures
{
    public const int MaxFeatures = 40;

    public static int Extract(TokenContext c, int i, int prev1, int prev2, Span<ulong> f)
    {
        int n = ExtractStatic(c, i, f);
        return n + ExtractContext(c, i, prev1, prev2, f[n..]);
    }

    /// <summary>Features of the word alone (cacheable per word form).</summary>
    public static int ExtractStatic(TokenContext c, int i, Span<ulong> f)
    {
        c.EnsureAffixes(i);
        int n = 0;
        f[n++] = FeatureHash.Feature(0, 0);
        f[n++] = FeatureHash.Feature(1, c.Lower[i]);
        f[n++] = FeatureHash.Feature(2, c.Suffix1[i]);
        f[n++] = FeatureHash.Feature(3, c.Suffix2[i]);
        f[n++] = FeatureHash.Feature(4, c.Suffix3[i]);
        f[n++] = FeatureHash.Feature(5, c.Suffix4[i]);
        f[n++] = FeatureHash.Feature(6, c.Prefix1[i]);
        f[n++] = FeatureHash.Feature(7, c.Prefix2[i]);
        f[n++] = FeatureHash.Feature(8, c.Prefix3[i]);
        f[n++] = FeatureHash.Feature(9, c.Shape[i]);
        f[n++] = FeatureHash.Feature(24, c.Exact[i]);
        f[n++] = FeatureHash.Feature(29, c.Ambiguity[i]);
        return n;
    }

    /// <summary>Features of the neighbourhood: surrounding words, shapes and the previous tags.</summary>
    public static int ExtractContext(TokenContext c, int i, int prev1, int prev2, Span<ulong> f)
    {
        int n = 0;
        ulong t1 = (ulong)(prev1 + 2), t2 = (ulong)(prev2 + 2);
        f[n++] = FeatureHash.Feature(10, c.LowerAt(i - 1));
        f[n++] = FeatureHash.Feature(11, c.LowerAt(i - 2));
        f[n++] = FeatureHash.Feature(12, c.LowerAt(i + 1));
        f[n++] = FeatureHash.Feature(13, c.LowerAt(i + 2));
        f[n++] = FeatureHash.Feature(14, c.Suffix3At(i - 1));
        f[n++] = FeatureHash.Feature(15, c.Suffix3At(i + 1));
        f[n++] = FeatureHash.Feature(16, t1);
        f[n++] = FeatureHash.Feature(17, t2);
        f[n++] = FeatureHash.Feature(18, t1, t2);
        f[n++] = FeatureHash.Feature(19, t1, c.Lower[i]);
        f[n++] = FeatureHash.Feature(20, c.ShapeAt(i - 1), c.Shape[i]);
        f[n++] = FeatureHash.Feature(21, c.Shape[i], c.ShapeAt(i + 1));
        f[n++] = FeatureHash.Feature(22, c.Lower[i], c.LowerAt(i + 1));
        f[n++] = FeatureHash.Feature(23, c.LowerAt(i - 1), c.Lower[i]);
        f[n++] = FeatureHash.Feature(25, (ulong)(i == 0 ? 1 : 0), c.Flags[i]);
        f[n++] = FeatureHash.Feature(26, t1, c.ShapeAt(i + 1));
        f[n++] = FeatureHash.Feature(27, c.LowerAt(i + 1), c.LowerAt(i + 2));
        f[n++] = FeatureHash.Feature(28, t1, c.Suffix3[i]);
        f[n++] = FeatureHash.Feature(30, c.AmbiguityAt(i + 1));
        f[n++] = FeatureHash.Feature(31, c.AmbiguityAt(i + 2));
        f[n++] = FeatureHash.Feature(32, t1, c.Ambiguity[i]);
        f[n++] = FeatureHash.Feature(33, c.Ambiguity[i], c.AmbiguityAt(i + 1));
        f[n++] = FeatureHash.Feature(34, c.AmbiguityAt(i - 1), c.Ambiguity[i]);
        return n;
    }
}
