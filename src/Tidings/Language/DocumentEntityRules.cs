namespace Tidings.Language;

/// <summary>
/// Document-level fixes applied after per-sentence entity decoding. News names an organisation once in full
/// with its acronym ("Tehreek-i-Taliban Pakistan (TTP)") and then uses the acronym; it writes a surname in
/// lower case by mistake ("Ned price") but correctly elsewhere ("Price added"). A sentence-level model cannot
/// see that, so these rules carry evidence across the document. Labels are BILOU indices as in
/// <see cref="EntityRecognizer"/>.
/// </summary>
internal static class DocumentEntityRules
{
    private const int Person = 0;

    public static void Apply(string text, IReadOnlyList<TextSpan> tokens, IReadOnlyList<(int First, int Count)> sentences, int[] labels)
    {
        StripLeadingDeterminers(text, tokens, labels);
        var acronymTypes = new Dictionary<string, int>(StringComparer.Ordinal);
        DefineAcronyms(text, tokens, labels, acronymTypes);
        CollectAcronymEntities(text, tokens, labels, acronymTypes);
        PropagateAcronyms(text, tokens, labels, acronymTypes);
        ExtendPersonsOverLowerCaseSurnames(text, tokens, sentences, labels);
    }

    private static int TypeOf(int label) => (label - 1) / 4;
    private static int PositionOf(int label) => (label - 1) % 4; // 0 B, 1 I, 2 L, 3 U
    private static int Label(int type, int position) => 1 + type * 4 + position;
    private static ReadOnlySpan<char> Word(string text, TextSpan t) => text.AsSpan(t.Start, t.Length);

    /// <summary>"The Federal Bureau of Investigation" → "Federal Bureau of Investigation" (names exclude articles).</summary>
    private static void StripLeadingDeterminers(string text, IReadOnlyList<TextSpan> tokens, int[] labels)
    {
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            if (labels[i] == 0 || PositionOf(labels[i]) != 0) continue;
            var w = Word(text, tokens[i]);
            if (!(w is "The" or "the" or "THE")) continue;
            int type = TypeOf(labels[i]);
            labels[i] = 0;
            labels[i + 1] = PositionOf(labels[i + 1]) == 2 ? Label(type, 3) : Label(type, 0);
        }
    }

    /// <summary>"Inter-Services Intelligence (ISI)": an all-caps word in brackets right after an entity whose initials it spells.</summary>
    private static void DefineAcronyms(string text, IReadOnlyList<TextSpan> tokens, int[] labels, Dictionary<string, int> acronymTypes)
    {
        for (int i = 1; i + 2 < tokens.Count; i++)
        {
            if (Word(text, tokens[i]) is not "(" || Word(text, tokens[i + 2]) is not ")") continue;
            int prev = labels[i - 1];
            if (prev == 0 || PositionOf(prev) < 2) continue;
            var acronym = Word(text, tokens[i + 1]);
            if (!IsAcronym(acronym)) continue;
            int start = i - 1;
            while (start > 0 && PositionOf(labels[start]) != 0 && PositionOf(labels[start]) != 3) start--;
            if (!SpellsInitials(text, tokens, start, i - 1, acronym)) continue;
            int type = TypeOf(prev);
            if (type == Person)
            {
                // People do not come with acronyms: "Tehrik-i-Taliban Pakistan (TTP)" is an organisation.
                type = Array.IndexOf(EntityRecognizer.Types, "ORG");
                for (int k = start; k <= i - 1; k++) labels[k] = Label(type, PositionOf(labels[k]));
            }
            labels[i + 1] = Label(type, 3);
            acronymTypes[acronym.ToString()] = type;
        }
    }

    /// <summary>Acronyms the model itself labelled are evidence too ("the TTP" tagged ORG in one sentence).</summary>
    private static void CollectAcronymEntities(string text, IReadOnlyList<TextSpan> tokens, int[] labels, Dictionary<string, int> acronymTypes)
    {
        var votes = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (int i = 0; i < tokens.Count; i++)
        {
            if (labels[i] == 0 || PositionOf(labels[i]) != 3) continue;
            var w = Word(text, tokens[i]);
            if (!IsAcronym(w)) continue;
            string key = w.ToString();
            if (!votes.TryGetValue(key, out var v)) votes[key] = v = new int[EntityRecognizer.Types.Length];
            v[TypeOf(labels[i])]++;
        }
        foreach (var (acronym, v) in votes)
            if (!acronymTypes.ContainsKey(acronym)) acronymTypes[acronym] = Array.IndexOf(v, v.Max());
    }

    private static void PropagateAcronyms(string text, IReadOnlyList<TextSpan> tokens, int[] labels, Dictionary<string, int> acronymTypes)
    {
        if (acronymTypes.Count == 0) return;
        var lookup = acronymTypes.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < tokens.Count; i++)
        {
            if (lookup.TryGetValue(Word(text, tokens[i]), out int type) && (labels[i] == 0 || PositionOf(labels[i]) == 3))
                labels[i] = Label(type, 3);
        }
    }

    /// <summary>"Ned price" → PERSON "Ned price" when "Price" is part of a person's name elsewhere in the document.</summary>
    private static void ExtendPersonsOverLowerCaseSurnames(string text, IReadOnlyList<TextSpan> tokens, IReadOnlyList<(int First, int Count)> sentences, int[] labels)
    {
        var personWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < tokens.Count; i++)
            if (labels[i] != 0 && TypeOf(labels[i]) == Person && char.IsUpper(text[tokens[i].Start]))
                personWords.Add(Word(text, tokens[i]).ToString());
        if (personWords.Count == 0) return;
        var lookup = personWords.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (first, count) in sentences)
        {
            for (int i = first; i + 1 < first + count; i++)
            {
                int y = labels[i];
                if (y == 0 || TypeOf(y) != Person || PositionOf(y) < 2 || labels[i + 1] != 0) continue;
                var next = Word(text, tokens[i + 1]);
                if (!char.IsLower(next[0]) || tokens[i + 1].Start != tokens[i].End + 1 || !lookup.Contains(next)) continue;
                labels[i] = PositionOf(y) == 3 ? Label(Person, 0) : Label(Person, 1);
                labels[i + 1] = Label(Person, 2);
            }
        }
    }

    private static bool IsAcronym(ReadOnlySpan<char> w)
    {
        if (w.Length < 2 || w.Length > 6) return false;
        foreach (char c in w) if (!char.IsUpper(c)) return false;
        return true;
    }

    /// <summary>Whether the acronym's letters are, in order, initials of the span's parts (hyphen parts count).</summary>
    private static bool SpellsInitials(string text, IReadOnlyList<TextSpan> tokens, int start, int end, ReadOnlySpan<char> acronym)
    {
        var initials = new List<char>();
        for (int k = start; k <= end; k++)
        {
            var w = Word(text, tokens[k]);
            for (int p = 0; p < w.Length; p++)
                if (char.IsUpper(w[p]) && (p == 0 || w[p - 1] == '-')) initials.Add(w[p]);
        }
        int j = 0;
        foreach (char c in initials) if (j < acronym.Length && c == acronym[j]) j++;
        return j == acronym.Length && initials.Count > 0 && initials[0] == acronym[0];
    }
}
