namespace Tidings.Extract.Events.Petrarch;

/// <summary>What a pattern element stands for: a word, a synset, or a noun-phrase slot ($ source, + target, % compound actor, ^ skipped phrase).</summary>
internal enum ElementKind : byte { Word, Synset, Source, Target, Compound, Skip }

/// <summary>
/// One element of a pattern side. <see cref="Adjacent"/>: it must touch the previous element on its side (the
/// verb for the first one) — PETRARCH-1's '_' connector.
/// </summary>
internal readonly record struct PatternElement(ElementKind Kind, int Id, bool Adjacent);

/// <summary>A verb pattern: its code, the elements before the verb (nearest first) and after it (nearest first).</summary>
public sealed class VerbPattern
{
    public required string Code { get; init; }
    public required string Text { get; init; }
    public required string File { get; init; }
    public required int Line { get; init; }
    internal PatternElement[] Before { get; init; } = [];
    internal PatternElement[] After { get; init; } = [];

    /// <summary>The literal words of the pattern (ids): all must be in the sentence for it to match.</summary>
    internal int[] Words => _words ??= Before.Concat(After).Where(e => e.Kind == ElementKind.Word).Select(e => e.Id).Distinct().ToArray();

    private int[]? _words;

    /// <summary>The synsets of the pattern (ids).</summary>
    internal int[] Synsets => _synsets ??= Before.Concat(After).Where(e => e.Kind == ElementKind.Synset).Select(e => e.Id).Distinct().ToArray();

    private int[]? _synsets;

    /// <summary>
    /// Specificity: longer patterns first (TABARI's order), a word or synset counting twice a noun-phrase slot, so
    /// that `- * PEACE [---]` beats `- * + [193]`.
    /// </summary>
    public int Weight => Weigh(Before) + Weigh(After);

    private static int Weigh(PatternElement[] elements)
    {
        int weight = 0;
        foreach (var e in elements) weight += e.Kind is ElementKind.Word or ElementKind.Synset ? 2 : 1;
        return weight;
    }
}

/// <summary>A verb block (`--- NAME [CODE] ---`): the default code and the patterns shared by its verbs.</summary>
public sealed class VerbBlock(string name, string code, string file, int line)
{
    public string Name { get; } = name;
    public string Code { get; } = code;
    public string File { get; } = file;
    public int Line { get; } = line;
    public List<VerbPattern> Patterns { get; } = [];

    // Patterns by one of their words (the rarest test first: a pattern whose word is not in the sentence is never tried).
    private Dictionary<int, List<int>> _byWord = [];
    private int[] _withoutWords = [];

    internal IReadOnlyList<int> WithoutWords => _withoutWords;

    internal List<int>? WithWord(int word) => _byWord.TryGetValue(word, out var list) ? list : null;

    internal void Index()
    {
        var byWord = new Dictionary<int, List<int>>();
        var without = new List<int>();
        for (int i = 0; i < Patterns.Count; i++)
        {
            var words = Patterns[i].Words;
            if (words.Length == 0) { without.Add(i); continue; }
            if (!byWord.TryGetValue(words[0], out var list)) byWord[words[0]] = list = [];
            list.Add(i);
        }
        _byWord = byWord;
        _withoutWords = without.ToArray();
    }
}

/// <summary>
/// One form of a verb (GIVE, GAVE, GIVING…) pointing to its block, with its own default code, and for multi-word
/// verbs (CORDON_+OFF, RE_+ARREST) the words that must directly precede (nearest first) and follow it.
/// </summary>
internal sealed record VerbForm(VerbBlock Block, string Code, int[] Preceding, int[] Following, string Text, int Line)
{
    public bool IsMultiWord => Preceding.Length + Following.Length > 0;
}

/// <summary>
/// The verb dictionaries read from one directory (PETRARCH-1 and PETRARCH-2 files may be merged): verb forms indexed
/// by upper-cased word, pattern words and synsets as integer ids so that matching compares integers.
/// </summary>
public sealed class VerbDictionary
{
    private readonly Dictionary<string, int> _wordIds = new(StringComparer.Ordinal);
    private readonly List<int[][]?> _synsets = [];
    private readonly Dictionary<string, List<VerbForm>> _forms = new(StringComparer.Ordinal);

    public List<VerbBlock> Blocks { get; } = [];

    public int FormCount => _forms.Count;
    public int PatternCount => Blocks.Sum(b => b.Patterns.Count);
    public int SynsetCount => _synsets.Count(s => s is not null);

    public bool Knows(string upperWord) => _forms.ContainsKey(upperWord);

    /// <summary>The blocks a verb form belongs to (tests and diagnostics).</summary>
    public IEnumerable<VerbBlock> BlocksOf(string upperWord) =>
        _forms.TryGetValue(upperWord, out var forms) ? forms.Select(f => f.Block).Distinct() : [];

    internal int WordId(string upperWord)
    {
        if (!_wordIds.TryGetValue(upperWord, out int id)) _wordIds[upperWord] = id = _wordIds.Count;
        return id;
    }

    internal int VocabularySize => _wordIds.Count;

    internal int LookupWord(string upperWord) => _wordIds.TryGetValue(upperWord, out int id) ? id : -1;

    internal int NewSynset()
    {
        _synsets.Add(null);
        return _synsets.Count - 1;
    }

    internal void DefineSynset(int id, int[][] phrases) => _synsets[id] = phrases;

    internal bool IsDefined(int synset) => _synsets[synset] is not null;

    internal int[][] Synset(int id) => _synsets[id]!;

    internal void AddForm(string upperWord, VerbForm form)
    {
        if (!_forms.TryGetValue(upperWord, out var list)) _forms[upperWord] = list = [];
        list.Add(form);
    }

    internal List<VerbForm>? FormsOf(string upperWord) => _forms.TryGetValue(upperWord, out var list) ? list : null;
}
