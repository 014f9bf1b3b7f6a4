namespace Tidings.Extract.Events.Petrarch;

/// <summary>
/// PETRARCH-2 verb files (CAMEO.2.0.txt), read as petrarch2's PETRreader.read_verb_dictionary: verb lines whose
/// forms are generated unless several are listed (S/X/Z → ES, Y → IES; E → D; ING drops an E after a consonant),
/// patterns `- NOUNS (PREP NOUNS) * NOUNS (PREP {MODIFIER HEAD}) [CODE]` with '(…)' prepositional phrases and
/// '{…}' noun phrases. PETRARCH-2 matches them on the parse tree; here their words are matched in order, with
/// other words allowed between (PETRARCH-1's linear matching), which is what a dependency parse supports.
/// </summary>
internal sealed class Petrarch2VerbReader(VerbDictionary dictionary, DictionaryFile file, List<DictionaryProblem> problems)
    : VerbFileReader(dictionary, file, problems)
{
    protected override void ReadVerb(string text, int line)
    {
        var words = text.Replace("{", " ", StringComparison.Ordinal).Replace("}", " ", StringComparison.Ordinal)
            .Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
        string code = Block!.Code;
        if (words.Count > 0 && words[^1].StartsWith('['))
        {
            string last = words[^1];
            if (!last.EndsWith(']')) { Problem(line, "missing ']' in the verb's code; line skipped"); return; }
            code = last[1..^1].Trim();
            words.RemoveAt(words.Count - 1);
            if (code.Length == 0) code = Block.Code;
        }
        if (words.Count == 0) { Problem(line, "verb line without a verb; line skipped"); return; }
        string stem = words[0].ToUpperInvariant();
        if (stem.Contains('_') && !stem.Contains('+')) { Problem(line, $"multi-word verb '{stem}' needs a '+' before the word that is the verb; line skipped"); return; }
        foreach (var form in words) AddForm(form, code, line);
        if (words.Count > 1 || text.Contains('{')) return;
        AddForm(ReplaceVerbWord(stem, v => v[^1] is 'S' or 'X' or 'Z' ? v + "ES" : v[^1] == 'Y' ? v[..^1] + "IES" : v + "S"), code, line);
        AddForm(ReplaceVerbWord(stem, v => v[^1] == 'E' ? v + "D" : v + "ED"), code, line);
        AddForm(ReplaceVerbWord(stem, v => v[^1] == 'E' && v.Length > 1 && !"AEIOU".Contains(v[^2]) ? v[..^1] + "ING" : v + "ING"), code, line);
    }

    protected override VerbPattern? ReadPattern(string text, int line)
    {
        int open = text.LastIndexOf('[');
        int close = open < 0 ? -1 : text.IndexOf(']', open);
        if (open < 0 || close < 0) { Problem(line, open < 0 ? "pattern without a [CODE]; line skipped" : "missing ']' in the pattern's code; line skipped"); return null; }
        string code = text[(open + 1)..close].Trim();
        if (code.Length == 0) { Problem(line, "empty code in a pattern; line skipped"); return null; }
        string body = text[..open];
        int star = body.IndexOf('*');
        if (star < 0 || body.IndexOf('*', star + 1) >= 0) { Problem(line, "a pattern needs exactly one '*' for the verb; line skipped"); return null; }
        if (Depth(body, '(', ')') != 0 || Depth(body, '{', '}') != 0) { Problem(line, "unbalanced '(' or '{' in the pattern; line skipped"); return null; }
        var upper = Tokens(body[..star]);
        var lower = Tokens(body[(star + 1)..]);
        var before = new PatternElement[upper.Length];
        for (int k = 0; k < upper.Length; k++) before[k] = Element(upper[upper.Length - 1 - k], false);
        var after = new PatternElement[lower.Length];
        for (int k = 0; k < lower.Length; k++) after[k] = Element(lower[k], false);
        return new VerbPattern { Code = code, Text = "- " + text.Trim(), File = File.Name, Line = line, Before = before, After = after };
    }

    private static string[] Tokens(string side) =>
        side.Split((char[])[' ', '\t', '(', ')', '{', '}'], StringSplitOptions.RemoveEmptyEntries);

    private static int Depth(string text, char open, char close)
    {
        int depth = 0;
        foreach (char c in text)
        {
            if (c == open) depth++;
            else if (c == close && --depth < 0) return -1;
        }
        return depth;
    }
}
