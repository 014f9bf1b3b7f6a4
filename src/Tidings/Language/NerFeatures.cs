namespace Tidings.Language;

/// <summary>Emission feature templates of the entity recognizer (none depends on the previous label).</summary>
internal static class NerFeatures
{
    public const int MaxFeatures = 64;

    public static int Extract(TokenContext c, NerScratch s, int i, Span<ulong> f)
    {
        int n = ExtractStatic(c, i, s.Word[i], f);
        return NeedsContext(c, s, i) ? n + ExtractContext(c, s, i, f[n..]) : n;
    }

    /// <summary>
    /// Whether token i gets context features: it or a neighbour is capitalised or has a digit, it matches a
    /// name list, or the tagger's lexicon has never seen it. Other tokens (most lower-case words) are scored
    /// from their cached word features alone, in training and tagging alike: that halves the recognizer's cost.
    /// </summary>
    public static bool NeedsContext(TokenContext c, NerScratch s, int i)
    {
        const byte signal = TokenContext.FlagUpperInitial | TokenContext.FlagHasDigit;
        if ((c.Flags[i] & signal) != 0 || s.Gazetteer[i] != 0 || c.Ambiguity[i] == 0) return true;
        return i > 0 && (c.Flags[i - 1] & signal) != 0 || i + 1 < c.Count && (c.Flags[i + 1] & signal) != 0;
    }

    /// <summary>Features of the word alone (cacheable per word form).</summary>
    public static int ExtractStatic(TokenContext c, int i, byte word, Span<ulong> f)
    {
        c.EnsureAffixes(i);
        int n = 0;
        f[n++] = FeatureHash.Feature(0, 0);
        f[n++] = FeatureHash.Feature(1, c.Lower[i]);
        f[n++] = FeatureHash.Feature(2, c.Exact[i]);
        f[n++] = FeatureHash.Feature(3, c.Shape[i]);
        f[n++] = FeatureHash.Feature(4, c.Suffix3[i]);
        f[n++] = FeatureHash.Feature(5, c.Suffix4[i]);
        f[n++] = FeatureHash.Feature(6, c.Prefix3[i]);
        f[n++] = FeatureHash.Feature(21, c.Suffix2[i]);
        f[n++] = FeatureHash.Feature(22, c.Ambiguity[i] == 0 ? 1UL : 0UL, c.Flags[i]);
        f[n++] = FeatureHash.Feature(23, c.Ambiguity[i]);
        ulong caseFlags = (ulong)(c.Flags[i] & (TokenContext.FlagUpperInitial | TokenContext.FlagAllUpper));
        f[n++] = FeatureHash.Feature(42, word);
        f[n++] = FeatureHash.Feature(43, (ulong)WordStats.Capitalisation(word), caseFlags);
        f[n++] = FeatureHash.Feature(44, (ulong)WordStats.ProperShare(word), caseFlags);
        return n;
    }

    /// <summary>Features of the neighbourhood: surrounding words and shapes, predicted UPOS, gazetteer matches.</summary>
    public static int ExtractContext(TokenContext c, NerScratch s, int i, Span<ulong> f)
    {
        int n = 0;
        ulong upos = s.Upos[i];
        ulong uposPrev = i > 0 ? s.Upos[i - 1] : TokenContext.Padding;
        ulong uposNext = i + 1 < c.Count ? s.Upos[i + 1] : TokenContext.Padding + 1;
        f[n++] = FeatureHash.Feature(7, c.LowerAt(i - 1));
        f[n++] = FeatureHash.Feature(8, c.LowerAt(i + 1));
        f[n++] = FeatureHash.Feature(9, c.LowerAt(i - 2));
        f[n++] = FeatureHash.Feature(10, c.LowerAt(i + 2));
        f[n++] = FeatureHash.Feature(11, c.ShapeAt(i - 1), c.Shape[i]);
        f[n++] = FeatureHash.Feature(12, c.Shape[i], c.ShapeAt(i + 1));
        f[n++] = FeatureHash.Feature(13, upos);
        f[n++] = FeatureHash.Feature(14, uposPrev, upos);
        f[n++] = FeatureHash.Feature(15, upos, uposNext);
        f[n++] = FeatureHash.Feature(16, (ulong)(i == 0 ? 1 : 0), c.Flags[i]);
        f[n++] = FeatureHash.Feature(17, c.LowerAt(i - 1), c.Shape[i]);
        f[n++] = FeatureHash.Feature(18, c.ShapeAt(i - 1));
        f[n++] = FeatureHash.Feature(19, c.ShapeAt(i + 1));
        f[n++] = FeatureHash.Feature(20, c.Shape[i], c.LowerAt(i + 1));
        f[n++] = FeatureHash.Feature(24, c.LowerAt(i - 1), c.Lower[i]);
        f[n++] = FeatureHash.Feature(25, c.Lower[i], c.LowerAt(i + 1));
        f[n++] = FeatureHash.Feature(26, CapitalisedRun(c, i));
        f[n++] = FeatureHash.Feature(27, c.Shape[i], upos);
        f[n++] = FeatureHash.Feature(45, WordCase(c, s, i - 1), WordCase(c, s, i), WordCase(c, s, i + 1));
        f[n++] = FeatureHash.Feature(46, WordCase(c, s, i), upos);
        uint gaz = s.Gazetteer[i];
        while (gaz != 0 && n < MaxFeatures - 12)
        {
            int bit = System.Numerics.BitOperations.TrailingZeroCount(gaz);
            gaz &= gaz - 1;
            f[n++] = FeatureHash.Feature(40, (ulong)bit);
            f[n++] = FeatureHash.Feature(41, (ulong)bit, c.Flags[i]);
        }
        return n;
    }

    /// <summary>The token's case in the text combined with how its form is usually written (see <see cref="WordStats"/>).</summary>
    private static ulong WordCase(TokenContext c, NerScratch s, int i)
    {
        if (i < 0) return 100;
        if (i >= c.Count) return 101;
        return (ulong)(c.Flags[i] & (TokenContext.FlagUpperInitial | TokenContext.FlagAllUpper)) * 8 + (ulong)WordStats.Capitalisation(s.Word[i]);
    }

    /// <summary>Position and length (capped) of the run of capitalised tokens containing i, linking over "-" and "of".</summary>
    private static ulong CapitalisedRun(TokenContext c, int i)
    {
        if ((c.Flags[i] & TokenContext.FlagUpperInitial) == 0) return 0;
        int start = i, end = i;
        while (start > 0 && (c.Flags[start - 1] & TokenContext.FlagUpperInitial) != 0) start--;
        while (end + 1 < c.Count && (c.Flags[end + 1] & TokenContext.FlagUpperInitial) != 0) end++;
        ulong before = (ulong)Math.Min(i - start, 3), after = (ulong)Math.Min(end - i, 3);
        return 1 + before * 4 + after;
    }
}

/// <summary>First-order Viterbi over BILOU labels with hard constraints (no I after O, every B closed by L).</summary>
internal static class Viterbi
{
    // For each label, the labels allowed before it (computed once: the constraint check is off the hot loop).
    private static readonly int[][] Predecessors = BuildPredecessors(EntityRecognizer.LabelCount);

    private static int[][] BuildPredecessors(int l)
    {
        var result = new int[l][];
        for (int y = 0; y < l; y++) result[y] = Enumerable.Range(0, l).Where(p => Allowed(p, y)).ToArray();
        return result;
    }

    public static void Decode(float[] emissions, float[] transitions, int n, int l, Span<int> output, NerScratch s)
    {
        var best = s.Best;
        var back = s.Back;
        for (int y = 0; y < l; y++)
            best[y] = Allowed(-1, y) ? emissions[y] + transitions[y] : float.NegativeInfinity;
        for (int i = 1; i < n; i++)
        {
            int row = i * l, prevRow = (i - 1) * l;
            for (int y = 0; y < l; y++)
            {
                float bestScore = float.NegativeInfinity;
                int arg = 0;
                foreach (int p in Predecessors[y])
                {
                    float score = best[prevRow + p] + transitions[(p + 1) * l + y];
                    if (score > bestScore) { bestScore = score; arg = p; }
                }
                best[row + y] = bestScore + emissions[row + y];
                back[row + y] = arg;
            }
        }
        int last = 0;
        float top = float.NegativeInfinity;
        for (int y = 0; y < l; y++)
        {
            if (!CanEnd(y)) continue;
            float v = best[(n - 1) * l + y];
            if (v > top) { top = v; last = y; }
        }
        for (int i = n - 1; i >= 0; i--)
        {
            output[i] = last;
            if (i > 0) last = back[i * l + last];
        }
    }

    // Labels: 0 = O, then per type B, I, L, U.
    private static bool Allowed(int prev, int cur)
    {
        bool prevOpen = prev > 0 && (prev - 1) % 4 is 0 or 1;
        if (cur == 0) return !prevOpen;
        int pos = (cur - 1) % 4;
        bool curContinues = pos is 1 or 2;
        if (!curContinues) return !prevOpen;
        return prevOpen && (prev - 1) / 4 == (cur - 1) / 4;
    }

    private static bool CanEnd(int y) => y == 0 || (y - 1) % 4 is 2 or 3;
}
