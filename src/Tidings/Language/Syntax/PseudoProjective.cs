namespace Tidings.Language.Syntax;

/// <summary>
/// Pseudo-projective parsing (Nivre &amp; Nilsson 2005, "head" encoding). Training trees are made projective
/// by lifting each non-projective arc to the grandparent until none is left; a lifted word's relation becomes
/// "rel↑headrel" (its own relation, then its original head's). After parsing, a word with such a relation is
/// lowered to the first word with relation headrel found breadth-first under its head, which restores most
/// non-projective arcs (English: "What did you say he wanted ___").
/// </summary>
public static class PseudoProjective
{
    public const char LiftMark = '↑';

    /// <summary>Lifts non-projective arcs in place (heads 1-based, index 0 unused; relations parallel).</summary>
    public static int Projectivize(int[] heads, string[] relations)
    {
        int lifts = 0;
        while (SmallestNonProjective(heads) is var d and > 0)
        {
            int h = heads[d];
            if (!relations[d].Contains(LiftMark)) relations[d] = relations[d] + LiftMark + BaseRelation(relations[h]);
            heads[d] = heads[h];
            lifts++;
        }
        return lifts;
    }

    /// <summary>Lowers lifted words (see the class summary) and strips the marks; in place.</summary>
    public static void Deprojectivize(int[] heads, string[] relations)
    {
        int n = heads.Length - 1;
        var queue = new Queue<int>();
        for (int d = 1; d <= n; d++)
        {
            int mark = relations[d].IndexOf(LiftMark);
            if (mark < 0) continue;
            string wanted = relations[d][(mark + 1)..];
            relations[d] = relations[d][..mark];
            int found = FindBelow(heads, relations, heads[d], d, wanted, queue);
            if (found > 0) heads[d] = found;
        }
    }

    private static string BaseRelation(string relation)
    {
        int mark = relation.IndexOf(LiftMark);
        return mark < 0 ? relation : relation[..mark];
    }

    /// <summary>Breadth-first, left to right, under head (excluding the subtree of word): a word with relation wanted.</summary>
    private static int FindBelow(int[] heads, string[] relations, int head, int word, string wanted, Queue<int> queue)
    {
        queue.Clear();
        queue.Enqueue(head);
        while (queue.Count > 0)
        {
            int node = queue.Dequeue();
            for (int c = 1; c < heads.Length; c++)
            {
                if (heads[c] != node || c == word) continue;
                if (BaseRelation(relations[c]) == wanted) return c;
                queue.Enqueue(c);
            }
        }
        return -1;
    }

    /// <summary>The dependent of the shortest non-projective arc, or 0 when the tree is projective.</summary>
    public static int SmallestNonProjective(int[] heads)
    {
        int best = 0, bestLength = int.MaxValue;
        for (int d = 1; d < heads.Length; d++)
        {
            int h = heads[d];
            if (h <= 0) continue;
            int lo = Math.Min(h, d), hi = Math.Max(h, d);
            if (hi - lo >= bestLength) continue;
            for (int k = lo + 1; k < hi; k++)
            {
                if (Dominates(heads, h, k)) continue;
                best = d; bestLength = hi - lo;
                break;
            }
        }
        return best;
    }

    private static bool Dominates(int[] heads, int ancestor, int word)
    {
        for (int steps = 0; word > 0 && steps < heads.Length; steps++)
        {
            word = heads[word];
            if (word == ancestor) return true;
        }
        return false;
    }
}
