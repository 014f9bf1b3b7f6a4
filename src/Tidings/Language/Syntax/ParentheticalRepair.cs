namespace Tidings.Language.Syntax;

/// <summary>
/// Repairs one frequent greedy-parser error in news: a fronted subject, then a parenthetical reporting
/// clause, then the predicate ("The Taliban, he said, was unable …"). The parser, reaching "said" first,
/// gives it both subjects and takes the real predicate as its complement. A predicate never has two nominal
/// subjects, so when a word has a subject right before it, set off by commas, plus another subject before
/// the first comma and a clausal dependent after the second, the clause is rebuilt as UD annotates it: the
/// complement becomes the head, the fronted subject its subject, the reporting clause a parataxis.
/// </summary>
public static class ParentheticalRepair
{
    /// <summary>heads are 1-based (0 = root), parallel to relations and punct (0-based word positions).</summary>
    public static void Apply(Span<int> heads, Span<string> relations, ReadOnlySpan<bool> punct)
    {
        int n = heads.Length;
        for (int v = 2; v < n - 1; v++)
        {
            int near = v - 1, verb = v + 1; // 0-based position → 1-based id
            if (heads[near] != verb || relations[near] != "nsubj" || !punct[v - 2] || !punct[v + 1]) continue;
            int fronted = FirstChild(heads, relations, verb, 0, v - 2, FrontedRelations);
            int complement = FirstChild(heads, relations, verb, v + 2, n, "ccomp", "xcomp", "conj", "advcl");
            if (fronted < 0 || complement < 0 || HasChild(heads, relations, fronted + 1, "case")
                || HasChild(heads, relations, complement + 1, "nsubj", "nsubj:pass", "csubj", "expl")) continue;
            relations[fronted] = HasChild(heads, relations, complement + 1, "aux:pass") ? "nsubj:pass" : "nsubj";
            int newHead = complement + 1;
            heads[complement] = heads[v];
            relations[complement] = relations[v];
            heads[v] = newHead;
            relations[v] = "parataxis";
            // Everything of the old head outside "he said ," now belongs to the new head.
            for (int i = 0; i < n; i++)
                if (heads[i] == verb && i != near && (i < v - 2 || i > v + 1)) heads[i] = newHead;
            heads[v - 2] = heads[v + 1] = verb;
            relations[v - 2] = relations[v + 1] = "punct";
        }
    }

    // How the parser attaches the fronted subject to the reporting verb: as a second subject, or as a bare noun phrase.
    private static readonly string[] FrontedRelations = ["nsubj", "obl:unmarked", "obl:npmod", "dislocated", "obj", "dep"];

    private static bool HasChild(Span<int> heads, Span<string> relations, int head, params string[] wanted)
        => FirstChild(heads, relations, head, 0, heads.Length, wanted) >= 0;

    private static int FirstChild(Span<int> heads, Span<string> relations, int head, int from, int to, params string[] wanted)
    {
        for (int i = from; i < to; i++) if (heads[i] == head && Array.IndexOf(wanted, relations[i]) >= 0) return i;
        return -1;
    }
}
