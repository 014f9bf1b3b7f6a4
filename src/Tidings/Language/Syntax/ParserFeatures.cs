namespace Tidings.Language.Syntax;

/// <summary>
/// Hashes of the words of one sentence as the parser sees them, index 0 being the root. Reused per thread.
/// </summary>
internal sealed class ParserWords
{
    public static readonly ulong RootHash = FeatureHash.Chars("<root>");
    public static readonly ulong NoneHash = FeatureHash.Chars("<none>");

    public int Length;
    public ulong[] Word = new ulong[64];
    public ulong[] Tag = new ulong[64];
    public ulong[] Coarse = new ulong[64];
    public bool[] Punct = new bool[64];
    public int[] PunctBefore = new int[64];   // punctuation tokens before each word, for "a comma in between"
    public ulong[] Suffix = new ulong[64];

    public void Load(string text, ReadOnlySpan<TextSpan> tokens, ReadOnlySpan<string> xpos, ReadOnlySpan<string> upos)
    {
        Length = tokens.Length;
        if (Word.Length < Length + 1)
        {
            int size = (Length + 1) * 2;
            Word = new ulong[size]; Tag = new ulong[size]; Coarse = new ulong[size]; Punct = new bool[size];
            PunctBefore = new int[size]; Suffix = new ulong[size];
        }
        Word[0] = Tag[0] = Coarse[0] = Suffix[0] = RootHash;
        PunctBefore[0] = PunctBefore[1] = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            var form = text.AsSpan(tokens[i].Start, tokens[i].Length);
            Word[i + 1] = FeatureHash.LowerFolded(form);
            Suffix[i + 1] = FeatureHash.LowerFolded(form.Length > 3 ? form[^3..] : form);
            Tag[i + 1] = FeatureHash.Chars(xpos[i]);
            Coarse[i + 1] = FeatureHash.Chars(upos[i]);
            Punct[i + 1] = upos[i] == "PUNCT";
            if (i + 2 <= Length) PunctBefore[i + 2] = PunctBefore[i + 1] + (Punct[i + 1] ? 1 : 0);
        }
    }
}

/// <summary>
/// Feature templates of the transition classifier (Zhang &amp; Nivre 2011 for arc-eager: words, tags,
/// distance, valency, second- and third-order children and heads, label sets) and of the relation classifier.
/// Each feature is one hash of a template id and its atoms; nothing is allocated.
/// </summary>
internal static class ParserFeatures
{
    public const int MaxActionFeatures = 96;
    public const int MaxLabelFeatures = 40;

    /// <summary>The atoms of one position (word, tag, relation); a missing position (-1) has its own value.</summary>
    private readonly struct Node
    {
        public readonly int Index;
        public readonly ulong W, P, L;

        public Node(ParserWords words, ArcEagerState state, int index)
        {
            Index = index;
            if (index < 0) { W = P = L = ParserWords.NoneHash; return; }
            W = words.Word[index];
            P = words.Tag[index];
            L = state.Label[index] < 0 ? ParserWords.NoneHash : (ulong)state.Label[index] + 1;
        }
    }

    private static int Child(int[] children, int index) => index < 0 ? -1 : children[index];

    public static int ExtractAction(ParserWords words, ArcEagerState st, Span<ulong> f)
    {
        int s0i = st.S0, n0i = st.N(0);
        var s0 = new Node(words, st, s0i);
        var n0 = new Node(words, st, n0i);
        var n1 = new Node(words, st, st.N(1));
        var n2 = new Node(words, st, st.N(2));
        var s1 = new Node(words, st, st.S1);
        var s0h = new Node(words, st, s0i > 0 ? st.Head[s0i] : -1);
        var s0h2 = new Node(words, st, s0h.Index > 0 ? st.Head[s0h.Index] : -1);
        var s0l = new Node(words, st, Child(st.LeftMost, s0i));
        var s0l2 = new Node(words, st, Child(st.LeftSecond, s0i));
        var s0r = new Node(words, st, Child(st.RightMost, s0i));
        var s0r2 = new Node(words, st, Child(st.RightSecond, s0i));
        var n0l = new Node(words, st, Child(st.LeftMost, n0i));
        var n0l2 = new Node(words, st, Child(st.LeftSecond, n0i));
        ulong dist = n0i < 0 ? 99 : (ulong)Math.Min(n0i - s0i, 6);
        ulong s0vl = (ulong)st.LeftCount[s0i], s0vr = (ulong)st.RightCount[s0i];
        ulong n0vl = n0i < 0 ? 99 : (ulong)st.LeftCount[n0i];
        ulong s0sl = st.LeftLabels[s0i], s0sr = st.RightLabels[s0i];
        ulong n0sl = n0i < 0 ? 0 : st.LeftLabels[n0i];
        int k = 0;
        // single words
        f[k++] = FeatureHash.Feature(1, s0.W, s0.P);
        f[k++] = FeatureHash.Feature(2, s0.W);
        f[k++] = FeatureHash.Feature(3, s0.P);
        f[k++] = FeatureHash.Feature(4, n0.W, n0.P);
        f[k++] = FeatureHash.Feature(5, n0.W);
        f[k++] = FeatureHash.Feature(6, n0.P);
        f[k++] = FeatureHash.Feature(7, n1.W, n1.P);
        f[k++] = FeatureHash.Feature(8, n1.W);
        f[k++] = FeatureHash.Feature(9, n1.P);
        f[k++] = FeatureHash.Feature(10, n2.W, n2.P);
        f[k++] = FeatureHash.Feature(11, n2.W);
        f[k++] = FeatureHash.Feature(12, n2.P);
        // word pairs
        f[k++] = FeatureHash.Feature(13, s0.W * 31 + s0.P, n0.W, n0.P);
        f[k++] = FeatureHash.Feature(14, s0.W, s0.P, n0.W);
        f[k++] = FeatureHash.Feature(15, s0.W, n0.W, n0.P);
        f[k++] = FeatureHash.Feature(16, s0.W, s0.P, n0.P);
        f[k++] = FeatureHash.Feature(17, s0.P, n0.W, n0.P);
        f[k++] = FeatureHash.Feature(18, s0.W, n0.W);
        f[k++] = FeatureHash.Feature(19, s0.P, n0.P);
        f[k++] = FeatureHash.Feature(20, n0.P, n1.P);
        // three words
        f[k++] = FeatureHash.Feature(21, n0.P, n1.P, n2.P);
        f[k++] = FeatureHash.Feature(22, s0.P, n0.P, n1.P);
        f[k++] = FeatureHash.Feature(23, s0h.P, s0.P, n0.P);
        f[k++] = FeatureHash.Feature(24, s0.P, s0l.P, n0.P);
        f[k++] = FeatureHash.Feature(25, s0.P, s0r.P, n0.P);
        f[k++] = FeatureHash.Feature(26, s0.P, n0.P, n0l.P);
        // distance
        f[k++] = FeatureHash.Feature(27, s0.W, dist);
        f[k++] = FeatureHash.Feature(28, s0.P, dist);
        f[k++] = FeatureHash.Feature(29, n0.W, dist);
        f[k++] = FeatureHash.Feature(30, n0.P, dist);
        f[k++] = FeatureHash.Feature(31, s0.W * 31 + n0.W, dist);
        f[k++] = FeatureHash.Feature(32, s0.P, n0.P, dist);
        // valency
        f[k++] = FeatureHash.Feature(33, s0.W, s0vr);
        f[k++] = FeatureHash.Feature(34, s0.P, s0vr);
        f[k++] = FeatureHash.Feature(35, s0.W, s0vl);
        f[k++] = FeatureHash.Feature(36, s0.P, s0vl);
        f[k++] = FeatureHash.Feature(37, n0.W, n0vl);
        f[k++] = FeatureHash.Feature(38, n0.P, n0vl);
        // second order: head and outermost children
        f[k++] = FeatureHash.Feature(39, s0h.W);
        f[k++] = FeatureHash.Feature(40, s0h.P);
        f[k++] = FeatureHash.Feature(41, s0.L);
        f[k++] = FeatureHash.Feature(42, s0l.W);
        f[k++] = FeatureHash.Feature(43, s0l.P);
        f[k++] = FeatureHash.Feature(44, s0l.L);
        f[k++] = FeatureHash.Feature(45, s0r.W);
        f[k++] = FeatureHash.Feature(46, s0r.P);
        f[k++] = FeatureHash.Feature(47, s0r.L);
        f[k++] = FeatureHash.Feature(48, n0l.W);
        f[k++] = FeatureHash.Feature(49, n0l.P);
        f[k++] = FeatureHash.Feature(50, n0l.L);
        // third order
        f[k++] = FeatureHash.Feature(51, s0h2.W);
        f[k++] = FeatureHash.Feature(52, s0h2.P);
        f[k++] = FeatureHash.Feature(53, s0h.L);
        f[k++] = FeatureHash.Feature(54, s0l2.W);
        f[k++] = FeatureHash.Feature(55, s0l2.P);
        f[k++] = FeatureHash.Feature(56, s0l2.L);
        f[k++] = FeatureHash.Feature(57, s0r2.W);
        f[k++] = FeatureHash.Feature(58, s0r2.P);
        f[k++] = FeatureHash.Feature(59, s0r2.L);
        f[k++] = FeatureHash.Feature(60, n0l2.W);
        f[k++] = FeatureHash.Feature(61, n0l2.P);
        f[k++] = FeatureHash.Feature(62, n0l2.L);
        f[k++] = FeatureHash.Feature(63, s0.P, s0l.P, s0l2.P);
        f[k++] = FeatureHash.Feature(64, s0.P, s0r.P, s0r2.P);
        f[k++] = FeatureHash.Feature(65, s0.P, s0h.P, s0h2.P);
        f[k++] = FeatureHash.Feature(66, n0.P, n0l.P, n0l2.P);
        // label sets
        f[k++] = FeatureHash.Feature(67, s0.W, s0sr);
        f[k++] = FeatureHash.Feature(68, s0.P, s0sr);
        f[k++] = FeatureHash.Feature(69, s0.W, s0sl);
        f[k++] = FeatureHash.Feature(70, s0.P, s0sl);
        f[k++] = FeatureHash.Feature(71, n0.W, n0sl);
        f[k++] = FeatureHash.Feature(72, n0.P, n0sl);
        // beyond Zhang & Nivre: the word below s0, whether s0 is attached, coarse tags, punctuation between
        f[k++] = FeatureHash.Feature(73, s1.P, s0.P, n0.P);
        f[k++] = FeatureHash.Feature(74, s1.W, s1.P);
        f[k++] = FeatureHash.Feature(75, s0.P, n0.P, s0i > 0 && st.Head[s0i] >= 0 ? 1UL : 0UL);
        f[k++] = FeatureHash.Feature(76, s0.L, s0.P, n0.P);
        f[k++] = FeatureHash.Feature(77, s0.P, n0.P, st.RootChild < 0 ? 1UL : 0UL);
        f[k++] = FeatureHash.Feature(78, n0.P, n1.W);
        f[k++] = FeatureHash.Feature(79, s0.P, n0.P, n1.W);
        // punctuation between s0 and n0 (clause and apposition boundaries), and n0's suffix for unknown words
        ulong between = n0i < 0 ? 9UL : (ulong)Math.Min(words.PunctBefore[n0i] - words.PunctBefore[Math.Min(s0i + 1, n0i)], 3);
        f[k++] = FeatureHash.Feature(81, s0.P, n0.P, between);
        f[k++] = FeatureHash.Feature(82, s0.W, n0.P, between);
        f[k++] = FeatureHash.Feature(83, s0.P, n0.W, between);
        f[k++] = FeatureHash.Feature(84, s0.P, n0i < 0 ? ParserWords.NoneHash : words.Suffix[n0i]);
        f[k++] = FeatureHash.Feature(80, 1);
        return k;
    }

    /// <summary>Features for the relation of a new arc head → dependent (leftArc: dependent precedes the head).</summary>
    public static int ExtractLabel(ParserWords words, ArcEagerState st, int head, int dependent, Span<ulong> f)
    {
        var h = new Node(words, st, head);
        var d = new Node(words, st, dependent);
        var dl = new Node(words, st, st.LeftMost[dependent]);
        var dr = new Node(words, st, st.RightMost[dependent]);
        var hl = new Node(words, st, st.LeftMost[head]);
        var hh = new Node(words, st, head > 0 ? st.Head[head] : -1);
        ulong dir = dependent < head ? 1UL : 2UL;
        ulong dist = dir * 16 + (ulong)Math.Min(Math.Abs(head - dependent), 8);
        ulong dPrev = dependent > 1 ? words.Tag[dependent - 1] : ParserWords.NoneHash;
        ulong dNext = dependent < words.Length ? words.Tag[dependent + 1] : ParserWords.NoneHash;
        ulong dsl = st.LeftLabels[dependent], dsr = st.RightLabels[dependent], hsl = st.LeftLabels[head];
        int k = 0;
        f[k++] = FeatureHash.Feature(101, dir, d.W);
        f[k++] = FeatureHash.Feature(102, dir, d.P);
        f[k++] = FeatureHash.Feature(103, dir, h.W);
        f[k++] = FeatureHash.Feature(104, dir, h.P);
        f[k++] = FeatureHash.Feature(105, dir, d.W, h.P);
        f[k++] = FeatureHash.Feature(106, dir, d.P, h.W);
        f[k++] = FeatureHash.Feature(107, dir, d.P, h.P);
        f[k++] = FeatureHash.Feature(108, d.W * 31 + h.W, dir);
        f[k++] = FeatureHash.Feature(109, dist, d.P, h.P);
        f[k++] = FeatureHash.Feature(110, dir, d.P, dl.W);
        f[k++] = FeatureHash.Feature(111, dir, dl.W, h.P);
        f[k++] = FeatureHash.Feature(112, dir, d.P, dl.L);
        f[k++] = FeatureHash.Feature(113, dir, d.P, dr.L);
        f[k++] = FeatureHash.Feature(114, dir, d.P, dsl);
        f[k++] = FeatureHash.Feature(115, dir, d.P, dsr);
        f[k++] = FeatureHash.Feature(116, dir, h.P, hsl);
        f[k++] = FeatureHash.Feature(117, dir, h.P, hl.W);
        f[k++] = FeatureHash.Feature(118, dir, h.L, d.P);
        f[k++] = FeatureHash.Feature(119, dir, hh.P, h.P * 31 + d.P);
        f[k++] = FeatureHash.Feature(120, dir, dPrev, d.P);
        f[k++] = FeatureHash.Feature(121, dir, d.P, dNext);
        f[k++] = FeatureHash.Feature(122, dir, words.Coarse[dependent], words.Coarse[head]);
        f[k++] = FeatureHash.Feature(123, dir, d.P, h.P * 31 + dl.P);
        f[k++] = FeatureHash.Feature(124, dir, h.W, hl.L);
        f[k++] = FeatureHash.Feature(125, dir, d.W, dl.W);
        f[k++] = FeatureHash.Feature(126, dir, st.RootChild < 0 ? 1UL : 0UL, d.P);
        ulong between = (ulong)Math.Min(words.PunctBefore[Math.Max(head, dependent)] - words.PunctBefore[Math.Min(head, dependent) + 1], 3);
        f[k++] = FeatureHash.Feature(128, dir, d.P, h.P * 31 + between);
        f[k++] = FeatureHash.Feature(129, dir, words.Suffix[dependent], h.P);
        f[k++] = FeatureHash.Feature(130, dir, d.P, dr.W);
        f[k++] = FeatureHash.Feature(131, dir, h.W, dl.W);
        f[k++] = FeatureHash.Feature(127, dir);
        return k;
    }
}
