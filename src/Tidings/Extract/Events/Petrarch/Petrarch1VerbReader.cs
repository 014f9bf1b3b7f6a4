namespace Tidings.Extract.Events.Petrarch;

/// <summary>
/// PETRARCH-1 verb files (CAMEO.verbpatterns.*, PETR.Validate.verbs.txt), read as PETRreader.read_verb_dictionary:
/// verb lines `VERB {IRREGULAR FORMS} [CODE]` (without braces the regular -S/-ES, -ED/-D and -ING forms are made),
/// multi-word verbs joined by '_' with '+' on the verb, and patterns `- UPPER * LOWER [CODE]` whose words are
/// joined by '_' (consecutive) or ' ' (other words may come between).
/// </summary>
internal sealed class Petrarch1VerbReader(VerbDictionary dictionary, DictionaryFile file, List<DictionaryProblem> problems)
    : VerbFileReader(dictionary, file, problems)
{
    protected override void ReadVerb(string text, int line)
    {
        string? own = DictionaryFile.Bracketed(text, out int open);
        if (open >= 0 && own is null) { Problem(line, "missing ']' in the verb's code; line skipped"); return; }
        string code = string.IsNullOrEmpty(own) ? Block!.Code : own;
        string body = (open >= 0 ? text[..open] : text).Trim();
        int brace = body.IndexOf('{');
        string primary = (brace >= 0 ? body[..brace] : body).Trim();
        if (brace >= 0 && body.IndexOf('}', brace) < 0) { Problem(line, "missing '}' in the irregular forms; line skipped"); return; }
        if (primary.Length == 0) { Problem(line, "verb line without a verb; line skipped"); return; }
        if (!primary.Contains('_')) primary = primary.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        else if (!primary.Contains('+')) { Problem(line, $"multi-word verb '{primary}' needs a '+' before the word that is the verb; line skipped"); return; }

        AddForm(primary, code, line);
        if (brace >= 0)
        {
            // Irregular forms given: they are all the forms (nothing is generated).
            foreach (var form in body[(brace + 1)..body.IndexOf('}', brace)].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                AddForm(form, code, line);
            return;
        }
        bool multiWord = primary.Contains('_');
        foreach (var form in RegularForms(primary.ToUpperInvariant(), multiWord)) AddForm(form, code, line);
    }

    /// <summary>make_verb_forms (S→ES after S/X/Z; E → D and drops E before ING) and store_multi_word_verb (always +S).</summary>
    private static IEnumerable<string> RegularForms(string primary, bool multiWord)
    {
        yield return ReplaceVerbWord(primary, v => !multiWord && v[^1] is 'S' or 'X' or 'Z' ? v + "ES" : v + "S");
        yield return ReplaceVerbWord(primary, v => v[^1] == 'E' ? v + "D" : v + "ED");
        yield return ReplaceVerbWord(primary, v => v[^1] == 'E' ? v[..^1] + "ING" : v + "ING");
    }

    protected override VerbPattern? ReadPattern(string text, int line)
    {
        string? code = DictionaryFile.Bracketed(text, out int open);
        if (code is null) { Problem(line, open < 0 ? "pattern without a [CODE]; line skipped" : "missing ']' in the pattern's code; line skipped"); return null; }
        if (code.Length == 0) { Problem(line, "empty code in a pattern; line skipped"); return null; }
        string body = text[..open];
        if (body.Contains('{')) { Problem(line, "disjunctive sets {…} in patterns are TABARI syntax and not supported; line skipped"); return null; }
        body = body.Replace("_ ", " ", StringComparison.Ordinal).Trim();
        if (body.EndsWith('_')) body = body[..^1];
        int star = body.IndexOf('*');
        if (star < 0 || body.IndexOf('*', star + 1) >= 0) { Problem(line, "a pattern needs exactly one '*' for the verb; line skipped"); return null; }

        string upper = body[..star];
        string lower = body[(star + 1)..];
        var (upperWords, upperJoined) = PhraseIndex.Split(upper);
        var (lowerWords, lowerJoined) = PhraseIndex.Split(lower);
        var before = new PatternElement[upperWords.Length];
        for (int k = 0; k < upperWords.Length; k++)
        {
            // Nearest the verb first; an element touches its right neighbour when that one was joined to it by '_'.
            int source = upperWords.Length - 1 - k;
            bool adjacent = k == 0 ? upper.EndsWith('_') : upperJoined[source + 1];
            before[k] = Element(upperWords[source], adjacent);
        }
        var after = new PatternElement[lowerWords.Length];
        for (int k = 0; k < lowerWords.Length; k++)
            after[k] = Element(lowerWords[k], k == 0 ? lower.StartsWith('_') : lowerJoined[k]);
        return new VerbPattern { Code = code, Text = "- " + text.Trim(), File = File.Name, Line = line, Before = before, After = after };
    }
}
