namespace Tidings.Language.Syntax;

/// <summary>The four arc-eager moves; the relation of an arc is chosen separately by the label model.</summary>
public enum ParserAction { Shift = 0, Reduce = 1, LeftArc = 2, RightArc = 3 }

/// <summary>
/// Arc-eager configuration (Nivre 2003) over words 1..n with the artificial root 0 at the bottom of the stack,
/// plus the bookkeeping the features read (outermost children, valencies, label sets). Only one word may
/// attach to the root. One instance is reused across sentences.
/// </summary>
public sealed class ArcEagerState
{
    public const int None = -1;
    public const int ActionCount = 4;

    public int Length;          // n, the number of words
    public int[] Stack = new int[64];
    public int StackSize;
    public int Next;            // first word of the buffer; the buffer is empty when Next > Length
    public int[] Head = new int[64];
    public int[] Label = new int[64];
    public int[] LeftMost = new int[64], LeftSecond = new int[64];
    public int[] RightMost = new int[64], RightSecond = new int[64];
    public int[] LeftCount = new int[64], RightCount = new int[64];
    public ulong[] LeftLabels = new ulong[64], RightLabels = new ulong[64];
    public int RootChild;

    public void Reset(int length)
    {
        Length = length;
        if (Head.Length < length + 1) Grow(length + 1);
        for (int i = 0; i <= length; i++)
        {
            Head[i] = None; Label[i] = None;
            LeftMost[i] = LeftSecond[i] = RightMost[i] = RightSecond[i] = None;
            LeftCount[i] = RightCount[i] = 0;
            LeftLabels[i] = RightLabels[i] = 0;
        }
        Stack[0] = 0;
        StackSize = 1;
        Next = 1;
        RootChild = None;
    }

    private void Grow(int size)
    {
        size = Math.Max(size, Head.Length * 2);
        Stack = new int[size]; Head = new int[size]; Label = new int[size];
        LeftMost = new int[size]; LeftSecond = new int[size]; RightMost = new int[size]; RightSecond = new int[size];
        LeftCount = new int[size]; RightCount = new int[size]; LeftLabels = new ulong[size]; RightLabels = new ulong[size];
    }

    public bool IsTerminal => Next > Length;
    public int S0 => Stack[StackSize - 1];
    public int S1 => StackSize > 1 ? Stack[StackSize - 2] : None;
    public int N(int k) => Next + k <= Length ? Next + k : None;

    public bool IsValid(ParserAction action)
    {
        int s0 = S0;
        return action switch
        {
            ParserAction.Shift => Next <= Length,
            ParserAction.Reduce => s0 != 0 && Head[s0] != None,
            ParserAction.LeftArc => Next <= Length && s0 != 0 && Head[s0] == None,
            _ => Next <= Length && (s0 != 0 || RootChild == None),
        };
    }

    /// <summary>Applies an action; for arcs, label is the relation index given to the new dependent.</summary>
    public void Apply(ParserAction action, int label)
    {
        switch (action)
        {
            case ParserAction.Shift:
                Stack[StackSize++] = Next++;
                break;
            case ParserAction.Reduce:
                StackSize--;
                break;
            case ParserAction.LeftArc:
                AddArc(Next, Stack[--StackSize], label);
                break;
            default:
                AddArc(S0, Next, label);
                Stack[StackSize++] = Next++;
                break;
        }
    }

    private void AddArc(int head, int dependent, int label)
    {
        Head[dependent] = head;
        Label[dependent] = label;
        ulong bit = 1UL << (label & 63);
        if (head == 0) RootChild = dependent;
        if (dependent < head)
        {
            LeftCount[head]++;
            LeftLabels[head] |= bit;
            if (LeftMost[head] == None || dependent < LeftMost[head]) { LeftSecond[head] = LeftMost[head]; LeftMost[head] = dependent; }
            else if (LeftSecond[head] == None || dependent < LeftSecond[head]) LeftSecond[head] = dependent;
        }
        else
        {
            RightCount[head]++;
            RightLabels[head] |= bit;
            if (RightMost[head] == None || dependent > RightMost[head]) { RightSecond[head] = RightMost[head]; RightMost[head] = dependent; }
            else if (RightSecond[head] == None || dependent > RightSecond[head]) RightSecond[head] = dependent;
        }
    }

    /// <summary>
    /// Dynamic oracle (Goldberg &amp; Nivre 2012): the number of gold arcs an action makes unreachable, given
    /// the gold heads (1-based, 0 = root). An action of cost 0 keeps the best reachable tree reachable.
    /// </summary>
    public int Cost(ParserAction action, ReadOnlySpan<int> gold)
    {
        int s0 = S0, b = Next, cost = 0;
        switch (action)
        {
            case ParserAction.Shift:
                // b leaves its heads and dependents on the stack behind for good.
                for (int i = 0; i < StackSize; i++)
                {
                    int k = Stack[i];
                    if (gold[b] == k || (k != 0 && gold[k] == b && Head[k] == None)) cost++;
                }
                return cost;
            case ParserAction.Reduce:
                for (int k = b; k <= Length; k++) if (gold[k] == s0) cost++;
                return cost;
            case ParserAction.LeftArc:
                if (gold[s0] != b && gold[s0] > b) cost++;
                for (int k = b; k <= Length; k++) if (gold[k] == s0) cost++;
                return cost;
            default:
                // b takes s0 as head: it loses a head elsewhere on the stack or in the buffer, and dependents on the stack.
                if (gold[b] != s0 && (gold[b] > b || InStack(gold[b]))) cost++;
                for (int i = 0; i < StackSize; i++)
                {
                    int k = Stack[i];
                    if (k != 0 && gold[k] == b && Head[k] == None) cost++;
                }
                return cost;
        }
    }

    private bool InStack(int word)
    {
        for (int i = 0; i < StackSize; i++) if (Stack[i] == word) return true;
        return false;
    }

    /// <summary>
    /// Completes the tree once the buffer is empty: words left without a head attach to the root's child
    /// (or the first of them becomes the root when there is none). isPunct is indexed by word (1-based).
    /// </summary>
    public void Finish(int rootLabel, int fallbackLabel, int punctLabel, bool[] isPunct)
    {
        for (int i = 1; i <= Length; i++)
        {
            if (Head[i] != None) continue;
            if (RootChild == None && !isPunct[i]) AddArc(0, i, rootLabel);
        }
        for (int i = 1; i <= Length; i++)
        {
            if (Head[i] != None) continue;
            if (RootChild == None) AddArc(0, i, rootLabel);
            else AddArc(RootChild, i, isPunct[i] ? punctLabel : fallbackLabel);
        }
    }
}
