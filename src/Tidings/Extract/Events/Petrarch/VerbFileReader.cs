namespace Tidings.Extract.Events.Petrarch;

/// <summary>
/// What PETRARCH-1 and PETRARCH-2 verb files share: `&amp;SYNSET` blocks of `+member` lines (nested synsets allowed,
/// plurals generated unless the label or the member ends with '_'), `--- NAME [CODE] ---` block headers, `- …`
/// pattern lines and verb lines. The formats differ in how verb lines generate forms and how patterns are written.
/// </summary>
internal abstract class VerbFileReader(VerbDictionary dictionary, DictionaryFile file, List<DictionaryProblem> problems)
{
    protected VerbDictionary Dictionary { get; } = dictionary;
    protected DictionaryFile File { get; } = file;

    private readonly Dictionary<string, int> _synsetIds = new(StringComparer.Ordinal);
    private readonly List<SynsetDefinition> _definitions = [];
    private readonly List<(VerbBlock Block, VerbPattern Pattern)> _patterns = [];

    private sealed record SynsetDefinition(string Name, int Id, bool NoPlural, int Line, List<(string Member, int Line)> Members);

    protected VerbBlock? Block { get; private set; }

    protected void Problem(int line, string reason) => problems.Add(new DictionaryProblem(File.Name, line, reason));

    public void Read()
    {
        SynsetDefinition? synset = null;
        foreach (var (number, raw) in File.Lines)
        {
            string text = raw.Trim();
            if (synset is not null && text.StartsWith('+'))
            {
                synset.Members.Add((text[1..].Trim(), number));
                continue;
            }
            synset = null;
            if (text.StartsWith("---", StringComparison.Ordinal)) ReadHeader(text, number);
            else if (text.StartsWith('-'))
            {
                if (Block is null) { Problem(number, "pattern outside a verb block; line skipped"); continue; }
                var pattern = ReadPattern(text[1..].Trim(), number);
                if (pattern is not null) _patterns.Add((Block, pattern));
            }
            else if (text.StartsWith('&')) synset = Define(text, number);
            else if (text.StartsWith('~')) Problem(number, "verb transformations ('~' lines) are not supported; line ignored");
            else if (Block is null) Problem(number, "verb outside a verb block (no '--- NAME [CODE] ---' before it); line skipped");
            else ReadVerb(text, number);
        }
        ResolveSynsets();
        foreach (var (block, pattern) in _patterns)
        {
            var undefined = pattern.Before.Concat(pattern.After).FirstOrDefault(e => e.Kind == ElementKind.Synset && !Dictionary.IsDefined(e.Id));
            if (undefined.Kind == ElementKind.Synset && !Dictionary.IsDefined(undefined.Id))
                Problem(pattern.Line, $"synset &{_synsetIds.First(kv => kv.Value == undefined.Id).Key} is not defined; pattern skipped");
            else block.Patterns.Add(pattern);
        }
        foreach (var block in Dictionary.Blocks) if (block.File == File.Name) block.Index();
    }

    private void ReadHeader(string text, int line)
    {
        string inner = text.Trim('-', ' ', '\t');
        string? code = DictionaryFile.Bracketed(inner, out int open);
        if (open >= 0 && code is null) { Problem(line, "missing ']' in the block header; block read with the null code"); code = null; }
        string name = (open >= 0 ? inner[..open] : inner).Trim();
        if (name.Length == 0) name = "(unnamed)";
        Block = new VerbBlock(name, string.IsNullOrEmpty(code) ? PetrarchActorDictionary.NullCode : code, File.Name, line);
        Dictionary.Blocks.Add(Block);
    }

    private SynsetDefinition Define(string text, int line)
    {
        string label = text.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[0];
        bool noPlural = label.EndsWith('_');
        string name = SynsetName(label);
        int id = SynsetId(name);
        var definition = new SynsetDefinition(name, id, noPlural, line, []);
        if (_definitions.Any(d => d.Id == id)) Problem(line, $"synset &{name} defined again; the later definition is used");
        _definitions.Add(definition);
        return definition;
    }

    private static string SynsetName(string token) => token.TrimStart('&').TrimEnd('_').ToUpperInvariant();

    protected int SynsetId(string name)
    {
        if (!_synsetIds.TryGetValue(name, out int id)) _synsetIds[name] = id = Dictionary.NewSynset();
        return id;
    }

    /// <summary>Flattens members (nested synsets included) into word-id phrases; plurals as PETRARCH's make_plural.</summary>
    private void ResolveSynsets()
    {
        var latest = new Dictionary<int, SynsetDefinition>();
        foreach (var d in _definitions) latest[d.Id] = d;
        var resolving = new HashSet<int>();

        int[][]? Resolve(SynsetDefinition d)
        {
            if (Dictionary.IsDefined(d.Id)) return Dictionary.Synset(d.Id);
            if (!resolving.Add(d.Id)) { Problem(d.Line, $"synset &{d.Name} contains itself; nested member ignored"); return null; }
            var phrases = new List<int[]>();
            foreach (var (member, line) in d.Members)
            {
                if (member.StartsWith('&'))
                {
                    if (latest.TryGetValue(SynsetId(SynsetName(member)), out var inner) && Resolve(inner) is { } nested) phrases.AddRange(nested);
                    else if (!latest.ContainsKey(SynsetId(SynsetName(member)))) Problem(line, $"synset {member} is not defined; member skipped");
                    continue;
                }
                string phrase = member.Replace('_', ' ').Trim().ToUpperInvariant();
                if (phrase.Length == 0) { Problem(line, "empty synset member; line skipped"); continue; }
                AddWithHyphenSplit(phrases, phrase);
                if (!d.NoPlural && !member.EndsWith('_')) AddWithHyphenSplit(phrases, NounPlural(phrase));
            }
            resolving.Remove(d.Id);
            var result = phrases.ToArray();
            Dictionary.DefineSynset(d.Id, result);
            return result;
        }

        foreach (var d in latest.Values) Resolve(d);
    }

    private int[] Ids(string phrase) =>
        phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Dictionary.WordId).ToArray();

    /// <summary>The phrase, and when it holds a hyphenated word also its hyphen-split tokens (see PhraseIndex.Add).</summary>
    private void AddWithHyphenSplit(List<int[]> phrases, string phrase)
    {
        phrases.Add(Ids(phrase));
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (Array.Exists(words, PhraseIndex.IsHyphenated))
            phrases.Add(words.SelectMany(PhraseIndex.HyphenParts).Select(Dictionary.WordId).ToArray());
    }

    private readonly Dictionary<string, int> _hyphenated = new(StringComparer.Ordinal);

    /// <summary>A hyphenated pattern word matches as one token or as its split tokens: an unnamed two-phrase synset.</summary>
    private int HyphenatedWord(string word)
    {
        if (_hyphenated.TryGetValue(word, out int id)) return id;
        id = Dictionary.NewSynset();
        Dictionary.DefineSynset(id, [[Dictionary.WordId(word)], PhraseIndex.HyphenParts(word).Select(Dictionary.WordId).ToArray()]);
        _hyphenated[word] = id;
        return id;
    }

    /// <summary>PETRARCH's make_plural for synset nouns: Y → IES, S → SES (it drops the S and adds ES), else +S.</summary>
    internal static string NounPlural(string phrase) => phrase[^1] switch
    {
        'Y' => phrase[..^1] + "IES",
        'S' => phrase[..^1] + "ES",
        _ => phrase + "S",
    };

    /// <summary>A pattern element for a token ($, +, %, ^, &amp;SYNSET or a word).</summary>
    protected PatternElement Element(string token, bool adjacent) => token switch
    {
        "$" => new PatternElement(ElementKind.Source, 0, adjacent),
        "+" => new PatternElement(ElementKind.Target, 0, adjacent),
        "%" => new PatternElement(ElementKind.Compound, 0, adjacent),
        "^" => new PatternElement(ElementKind.Skip, 0, adjacent),
        _ when token.StartsWith('&') => new PatternElement(ElementKind.Synset, SynsetId(SynsetName(token)), adjacent),
        _ when PhraseIndex.IsHyphenated(token) => new PatternElement(ElementKind.Synset, HyphenatedWord(token.ToUpperInvariant()), adjacent),
        _ => new PatternElement(ElementKind.Word, Dictionary.WordId(token.ToUpperInvariant()), adjacent),
    };

    /// <summary>
    /// Stores one form ("GIVE", "+CORDON_OFF", "RE_+ARREST"): the word marked '+' is the verb the parser will tag,
    /// the others must directly precede or follow it.
    /// </summary>
    protected void AddForm(string form, string code, int line)
    {
        form = form.Trim().ToUpperInvariant();
        var words = form.Split('_', StringSplitOptions.RemoveEmptyEntries);
        int verb = words.Length == 1 ? 0 : Array.FindIndex(words, w => w.StartsWith('+'));
        if (words.Length == 0 || verb < 0)
        {
            Problem(line, $"multi-word verb '{form}' needs a '+' before the word that is the verb; form skipped");
            return;
        }
        string head = words[verb].TrimStart('+');
        if (head.Length == 0) { Problem(line, $"empty verb in '{form}'; form skipped"); return; }
        var preceding = words[..verb].Reverse().Select(Dictionary.WordId).ToArray();
        var following = words[(verb + 1)..].Select(Dictionary.WordId).ToArray();
        Dictionary.AddForm(head, new VerbForm(Block!, code, preceding, following, form, line));
    }

    /// <summary>Replaces the '+'-marked word of a multi-word form (or the single word) by another word.</summary>
    protected static string ReplaceVerbWord(string form, Func<string, string> change)
    {
        var words = form.Split('_');
        int verb = words.Length == 1 ? 0 : Array.FindIndex(words, w => w.StartsWith('+'));
        if (verb < 0) return form;
        bool plus = words[verb].StartsWith('+');
        words[verb] = (plus ? "+" : "") + change(words[verb].TrimStart('+'));
        return string.Join('_', words);
    }

    protected abstract VerbPattern? ReadPattern(string text, int line);

    protected abstract void ReadVerb(string text, int line);
}
