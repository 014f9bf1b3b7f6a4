namespace Tidings.Extract.Events.Petrarch;

/// <summary>
/// Agent dictionaries (PETRreader.read_agent_dictionary): `PHRASE {PLURAL} [~CODE]` lines, where '~' before the
/// code appends it to the actor's code (~GOV) and after prefixes it (NGO~); `{}` means no plural; without braces
/// the plural is generated; `!MARKER! = A, B, C` defines a substitution set used as `CONGRESS!PERSON!`, each
/// substitution stored as is, without plural.
/// </summary>
public sealed class PetrarchAgentDictionary : IAgentDictionary
{
    private readonly PhraseIndex _index = new();
    private readonly List<(string Phrase, string Code)> _forms = [];
    private readonly Dictionary<string, string[]> _substitutions = new(StringComparer.Ordinal);

    /// <summary>Number of phrases stored (singulars, plurals and substitutions).</summary>
    public int PhraseCount => _index.Count;

    /// <summary>The phrases stored, upper-cased, with their codes.</summary>
    public IReadOnlyList<(string Phrase, string Code)> Forms => _forms;

    public AgentDictionaryMatch? Match(IReadOnlyList<string> words, int start) => Match(words, start, words.Count);

    public AgentDictionaryMatch? Match(IReadOnlyList<string> words, int start, int end)
    {
        if (!_index.TryMatch(words, start, end, out int payload, out int length)) return null;
        var (phrase, code) = _forms[payload];
        return new AgentDictionaryMatch(length, code, phrase);
    }

    /// <summary>
    /// PETRARCH's plural (Y → IES, S → SES, else +S) first, then the English one where it differs
    /// (X/Z/CH/SH → ES, vowel+Y → YS, MAN → MEN), so both spellings match.
    /// </summary>
    public static IReadOnlyList<string> Plurals(string phrase)
    {
        string p = phrase.TrimEnd('_', ' ');
        if (p.Length == 0) return [];
        string petrarch = p[^1] switch
        {
            'Y' => p[..^1] + "IES",
            'S' => p + "ES",
            _ => p + "S",
        };
        string english = p.EndsWith("MAN", StringComparison.Ordinal) ? p[..^3] + "MEN"
            : p.EndsWith('X') || p.EndsWith('Z') || p.EndsWith("CH", StringComparison.Ordinal) || p.EndsWith("SH", StringComparison.Ordinal) ? p + "ES"
            : p.Length > 1 && p[^1] == 'Y' && "AEIOU".Contains(p[^2]) ? p + "S"
            : petrarch;
        return english == petrarch ? [petrarch] : [petrarch, english];
    }

    public void Read(DictionaryFile file, List<DictionaryProblem> problems)
    {
        foreach (var (number, text) in file.Lines)
        {
            string line = text.Trim();
            void Problem(string reason) => problems.Add(new DictionaryProblem(file.Name, number, reason + "; line skipped"));
            if (line.Contains('!') && line.Contains('='))
            {
                if (!DefineMarker(line)) Problem("substitution set must read !NAME! = A, B, …");
                continue;
            }
            string? code = DictionaryFile.Bracketed(line, out int open);
            if (open < 0) { Problem("codes are required for agents"); continue; }
            if (code is null) { Problem("missing ']'"); continue; }
            code = code.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            if (code.Length < 2 || !(code[0] == '~' || code[^1] == '~'))
            {
                Problem($"agent code [{code}] needs '~' before it (appended) or after it (prefixed)");
                continue;
            }
            string phrase = line[..open].Trim().ToUpperInvariant();
            if (phrase.Length == 0) { Problem("code without an agent phrase"); continue; }
            if (phrase.Contains('!'))
            {
                int braces = phrase.IndexOf('{');
                if (braces >= 0) phrase = phrase[..braces].Trim(); // substitutions take no plural
                var expanded = new List<string>();
                if (!Substitute(phrase, expanded, out string? error)) { Problem(error!); continue; }
                foreach (var form in expanded) Store(form, code);
                continue;
            }
            int brace = phrase.IndexOf('{');
            if (brace >= 0)
            {
                int close = phrase.IndexOf('}', brace + 1);
                if (close < 0) { Problem("missing '}'"); continue; }
                string plural = phrase[(brace + 1)..close].Trim();
                Store(phrase[..brace].Trim(), code);
                if (plural.Length > 0) Store(plural, code);
                continue;
            }
            Store(phrase, code);
            foreach (var plural in Plurals(phrase)) Store(plural, code);
        }
    }

    private void Store(string phrase, string code)
    {
        phrase = phrase.TrimEnd('_', ' ');
        if (_index.Add(phrase, _forms.Count)) _forms.Add((phrase, code));
    }

    private bool DefineMarker(string line)
    {
        int first = line.IndexOf('!');
        int second = line.IndexOf('!', first + 1);
        int equals = line.IndexOf('=');
        if (second < 0 || equals < second || line[..first].Trim().Length > 0) return false;
        string marker = line[(first + 1)..second].Trim().ToUpperInvariant();
        var items = line[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (marker.Length == 0 || items.Length == 0) return false;
        _substitutions[marker] = items.Select(i => i.ToUpperInvariant()).ToArray();
        return true;
    }

    /// <summary>Expands every !MARKER! of a phrase with its set (all combinations).</summary>
    private bool Substitute(string phrase, List<string> output, out string? error)
    {
        error = null;
        int first = phrase.IndexOf('!');
        if (first < 0) { output.Add(phrase); return true; }
        int second = phrase.IndexOf('!', first + 1);
        if (second < 0) { error = "substitution marker without its closing '!'"; return false; }
        string marker = phrase[(first + 1)..second];
        if (!_substitutions.TryGetValue(marker, out var items)) { error = $"substitution marker !{marker}! is not defined"; return false; }
        foreach (var item in items)
            if (!Substitute(phrase[..first] + item + phrase[(second + 1)..], output, out error)) return false;
        return true;
    }
}
