using Tidings.Language.Syntax;

namespace Tidings.Extract.Events.Petrarch;

/// <summary>
/// Codes a predicate with PETRARCH verb patterns, matched linearly as TABARI and PETRARCH-1 do: the elements before
/// '*' must precede the verb (nearest first), those after must follow it within the predicate's subtree; '_' asks
/// for adjacency; $, + and % bind a noun phrase (its head token); ^ skips one. Every matching pattern is returned,
/// the most specific first (most elements, then file order), then the verb's default code; "---" means no event.
/// The verb is found by its upper-cased surface word, else its lemma, among primary, regular and irregular forms;
/// multi-word verbs (CORDON_+OFF) are tried before single words.
/// </summary>
public sealed class VerbPatternCoder(VerbDictionary dictionary) : IVerbPatternCoder
{
    private readonly record struct NounRun(int Start, int End, int Head);

    /// <summary>Per-thread state of the sentence being coded, reused across the predicates of one sentence.</summary>
    private sealed class Sentence
    {
        public VerbDictionary? Dictionary;
        public DependencyTree? Tree;
        public IReadOnlyList<string>? Words;
        public int[] Ids = new int[64];
        public int Count;
        public readonly List<NounRun> Runs = [];
        public readonly List<NounRun> Compounds = [];
        public int[] Seen = [];
        public int Serial;
        public readonly List<int> Present = [];
        public readonly List<int> Candidates = [];
        public int Limit;
        public int Source;
        public int Target;
    }

    [ThreadStatic] private static Sentence? t_sentence;

    public VerbDictionary Dictionary { get; } = dictionary;

    public bool Knows(string upperWord) => Dictionary.Knows(upperWord);

    /// <summary>
    /// TABARI/PETRARCH paired codes: "013:012" codes source→target as 013 and target→source as 012 (make_event_strings;
    /// when one actor is "---" PETRARCH uses the other for both). Reverse is null for a plain code; either part may be
    /// empty ("[:075]": only the reverse event).
    /// </summary>
    public static (string Forward, string? Reverse) SplitPaired(string cameo)
    {
        int colon = cameo.IndexOf(':');
        return colon < 0 ? (cameo, null) : (cameo[..colon], cameo[(colon + 1)..]);
    }

    public IReadOnlyList<VerbPatternMatch> Match(DependencyTree tree, int predicate, IReadOnlyList<string> upperWords)
    {
        if (predicate < 0 || predicate >= upperWords.Count) return [];
        var forms = Dictionary.FormsOf(upperWords[predicate]);
        string lemma = tree[predicate].Lemma;
        if (forms is null && lemma.Length > 0) forms = Dictionary.FormsOf(lemma.ToUpperInvariant());
        if (forms is null) return [];

        var s = Prepare(tree, upperWords);
        // Multi-word verbs first: if one matches, the single-word readings of the same word are not used.
        bool anyMultiWord = false;
        foreach (var form in forms)
            if (form.IsMultiWord && Span(s, form, predicate, out _, out _)) { anyMultiWord = true; break; }

        var found = new List<(VerbPatternMatch Match, int Weight, int Order)>();
        var defaults = new List<VerbPatternMatch>();
        VerbBlock? previous = null;
        int order = 0, subtreeLast = -1;
        foreach (var form in forms)
        {
            if (form.IsMultiWord != anyMultiWord || !Span(s, form, predicate, out int first, out int last)) continue;
            if (!ReferenceEquals(form.Block, previous))
            {
                if (subtreeLast < 0) subtreeLast = tree.Subtree(predicate).Last;
                s.Limit = Math.Min(s.Count, Math.Max(subtreeLast, last) + 1);
                foreach (int index in Candidates(s, form.Block))
                {
                    var pattern = form.Block.Patterns[index];
                    if (!Matches(s, pattern, first, last)) continue;
                    found.Add((new VerbPatternMatch(pattern.Code, Slot(s.Source), Slot(s.Target), pattern.Text, pattern.Line), pattern.Weight, order + index));
                }
                order += form.Block.Patterns.Count;
                previous = form.Block;
            }
            if (!HasCode(defaults, form.Code)) defaults.Add(new VerbPatternMatch(form.Code, null, null, "* " + form.Text, form.Line));
        }
        found.Sort((a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : a.Order.CompareTo(b.Order));
        var result = new List<VerbPatternMatch>(found.Count + defaults.Count);
        foreach (var f in found) result.Add(f.Match);
        result.AddRange(defaults);
        return result;
    }

    /// <summary>The block's patterns whose words are all in the sentence, in file order.</summary>
    private List<int> Candidates(Sentence s, VerbBlock block)
    {
        var candidates = s.Candidates;
        candidates.Clear();
        foreach (int index in block.WithoutWords)
            if (SynsetsPossible(s, block.Patterns[index])) candidates.Add(index);
        foreach (int word in s.Present)
            if (block.WithWord(word) is { } list)
                foreach (int index in list)
                    if (AllPresent(s, block.Patterns[index].Words)) candidates.Add(index);
        candidates.Sort();
        return candidates;
    }

    /// <summary>False when a synset of the pattern cannot match: none of its phrases' first words is in the sentence.</summary>
    private bool SynsetsPossible(Sentence s, VerbPattern pattern)
    {
        foreach (int synset in pattern.Synsets)
        {
            bool any = false;
            foreach (var phrase in Dictionary.Synset(synset))
                if (s.Seen[phrase[0]] == s.Serial) { any = true; break; }
            if (!any) return false;
        }
        return true;
    }

    private static bool AllPresent(Sentence s, int[] words)
    {
        foreach (int w in words)
            if (s.Seen[w] != s.Serial) return false;
        return true;
    }

    private static bool HasCode(List<VerbPatternMatch> matches, string code)
    {
        foreach (var m in matches)
            if (m.Cameo == code) return true;
        return false;
    }

    private static int? Slot(int token) => token >= 0 ? token : null;

    /// <summary>The tokens a (multi-word) verb form covers around the predicate, or false when its words are not there.</summary>
    private static bool Span(Sentence s, VerbForm form, int predicate, out int first, out int last)
    {
        first = last = predicate;
        for (int k = 0; k < form.Preceding.Length; k++)
            if (--first < 0 || s.Ids[first] != form.Preceding[k]) return false;
        for (int k = 0; k < form.Following.Length; k++)
            if (++last >= s.Count || s.Ids[last] != form.Following[k]) return false;
        return true;
    }

    private Sentence Prepare(DependencyTree tree, IReadOnlyList<string> words)
    {
        var s = t_sentence ??= new Sentence();
        if (ReferenceEquals(s.Tree, tree) && ReferenceEquals(s.Words, words) && ReferenceEquals(s.Dictionary, Dictionary)) return s;
        s.Dictionary = Dictionary;
        s.Tree = tree;
        s.Words = words;
        s.Count = words.Count;
        if (s.Ids.Length < s.Count) s.Ids = new int[Math.Max(s.Count, s.Ids.Length * 2)];
        if (s.Seen.Length < Dictionary.VocabularySize) { s.Seen = new int[Dictionary.VocabularySize]; s.Serial = 0; }
        s.Serial++;
        s.Present.Clear();
        for (int i = 0; i < s.Count; i++)
        {
            int id = s.Ids[i] = Dictionary.LookupWord(words[i]);
            if (id < 0 || s.Seen[id] == s.Serial) continue;
            s.Seen[id] = s.Serial;
            s.Present.Add(id);
        }
        FindNounRuns(s, tree);
        return s;
    }

    private static bool IsNominal(string upos) => upos is "NOUN" or "PROPN" or "PRON";

    private static bool InNounPhrase(string upos) => upos is "NOUN" or "PROPN" or "PRON" or "DET" or "ADJ" or "NUM";

    /// <summary>Noun phrases as runs of nominal tokens with their syntactic head; compounds are runs joined by 'conj'.</summary>
    private static void FindNounRuns(Sentence s, DependencyTree tree)
    {
        s.Runs.Clear();
        s.Compounds.Clear();
        int n = Math.Min(tree.Count, s.Count);
        int i = 0;
        while (i < n)
        {
            if (!InNounPhrase(tree[i].Upos)) { i++; continue; }
            int start = i;
            while (i < n && InNounPhrase(tree[i].Upos)) i++;
            int end = i - 1, head = -1;
            for (int k = start; k <= end; k++)
            {
                if (!IsNominal(tree[k].Upos)) continue;
                int h = tree.Head(k);
                if (h < start || h > end || head < 0) head = k;
            }
            if (head >= 0) s.Runs.Add(new NounRun(start, end, head));
        }
        foreach (var run in s.Runs)
        {
            int end = run.End;
            foreach (int child in tree.Children(run.Head))
                if (tree.BaseRelation(child) == "conj" && IsNominal(tree[child].Upos))
                    foreach (var other in s.Runs)
                        if (other.Start <= child && child <= other.End) end = Math.Max(end, other.End);
            if (end > run.End) s.Compounds.Add(new NounRun(run.Start, end, run.Head));
        }
    }

    /// <summary>Whether both sides match around the verb's tokens [first, last] (s.Limit set for the predicate).</summary>
    private bool Matches(Sentence s, VerbPattern pattern, int first, int last)
    {
        s.Source = s.Target = -1;
        return After(s, pattern.After, 0, last + 1, last + 1) && Before(s, pattern.Before, 0, first - 1, first - 1);
    }

    /// <summary>Matches elements[k..] after the verb: gap-allowed elements from <paramref name="cursor"/>, adjacent ones at <paramref name="next"/>.</summary>
    private bool After(Sentence s, PatternElement[] elements, int k, int cursor, int next)
    {
        if (k == elements.Length) return true;
        var e = elements[k];
        int from = e.Adjacent ? next : cursor, to = e.Adjacent ? next : s.Limit - 1;
        switch (e.Kind)
        {
            case ElementKind.Word:
                for (int p = from; p <= to && p < s.Limit; p++)
                    if (s.Ids[p] == e.Id && After(s, elements, k + 1, p + 1, p + 1)) return true;
                return false;
            case ElementKind.Synset:
                foreach (var phrase in Dictionary.Synset(e.Id))
                    for (int p = from; p <= to && p + phrase.Length <= s.Limit; p++)
                        if (PhraseAt(s, phrase, p) && After(s, elements, k + 1, p + phrase.Length, p + phrase.Length)) return true;
                return false;
            default:
                foreach (var run in e.Kind == ElementKind.Compound ? s.Compounds : s.Runs)
                {
                    if (run.Start < from || run.Start > to || run.End >= s.Limit) continue;
                    int source = s.Source, target = s.Target;
                    Bind(s, e.Kind, run.Head);
                    // Later words may fall inside the phrase (PETRARCH stays in the NE after binding it).
                    if (After(s, elements, k + 1, run.Start + 1, run.End + 1)) return true;
                    s.Source = source;
                    s.Target = target;
                }
                return false;
        }
    }

    /// <summary>Mirror of <see cref="After"/> leftwards from the verb.</summary>
    private bool Before(Sentence s, PatternElement[] elements, int k, int cursor, int next)
    {
        if (k == elements.Length) return true;
        var e = elements[k];
        int from = e.Adjacent ? next : cursor, to = e.Adjacent ? next : 0;
        switch (e.Kind)
        {
            case ElementKind.Word:
                for (int p = from; p >= to && p >= 0; p--)
                    if (s.Ids[p] == e.Id && Before(s, elements, k + 1, p - 1, p - 1)) return true;
                return false;
            case ElementKind.Synset:
                foreach (var phrase in Dictionary.Synset(e.Id))
                    for (int p = from; p >= to && p - phrase.Length + 1 >= 0; p--)
                        if (PhraseAt(s, phrase, p - phrase.Length + 1) && Before(s, elements, k + 1, p - phrase.Length, p - phrase.Length)) return true;
                return false;
            default:
                var runs = e.Kind == ElementKind.Compound ? s.Compounds : s.Runs;
                for (int r = runs.Count - 1; r >= 0; r--)
                {
                    var run = runs[r];
                    if (run.End > from || run.End < to) continue;
                    int source = s.Source, target = s.Target;
                    Bind(s, e.Kind, run.Head);
                    if (Before(s, elements, k + 1, run.End - 1, run.Start - 1)) return true;
                    s.Source = source;
                    s.Target = target;
                }
                return false;
        }
    }

    private static void Bind(Sentence s, ElementKind kind, int head)
    {
        if (kind is ElementKind.Source or ElementKind.Compound) s.Source = head;
        if (kind is ElementKind.Target or ElementKind.Compound) s.Target = head;
    }

    private static bool PhraseAt(Sentence s, int[] phrase, int p)
    {
        if (p < 0) return false;
        for (int j = 0; j < phrase.Length; j++)
            if (s.Ids[p + j] != phrase[j]) return false;
        return true;
    }
}
