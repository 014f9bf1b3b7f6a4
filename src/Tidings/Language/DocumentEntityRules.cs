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

    public static void Apply(string text, IReadOnlyList<TextSpan> tokens, IReadOnlyList<(int First, int Count)> sentences, int[] labels,
        Gazetteer? gazetteer = null, WordStats? wordStats = null)
    {
        if (wordStats != null) NameShapeRules.DropCapitalisedCommonWords(text, tokens, sentences, labels, wordStats, gazetteer);
        StripLeadingDeterminers(text, tokens, labels);
        NameShapeRules.DropBareTitles(text, tokens, labels, TitleWords);
        StripLeadingTitles(text, tokens, labels);
        ExtendPersonsBackToTitles(text, tokens, labels);
        NameShapeRules.JoinBracketedFirstNames(text, tokens, labels);
        if (gazetteer != null)
        {
            LabelDatelines(text, tokens, sentences, labels, gazetteer);
            NameShapeRules.CorrectListedPersons(text, tokens, labels, gazetteer);
        }
        NameShapeRules.ExtendOrganizationsOverConjunctions(text, tokens, labels, gazetteer);
        NameShapeRules.LabelMediaOutlets(text, tokens, sentences, labels);
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        CollectAcronymEntities(text, tokens, labels, votes);
        var acronymTypes = new Dictionary<string, int>(StringComparer.Ordinal);
        DefineAcronyms(text, tokens, labels, acronymTypes, votes, gazetteer);
        foreach (var (acronym, type) in votes) acronymTypes.TryAdd(acronym, type);
        PropagateAcronyms(text, tokens, labels, acronymTypes);
        ExtendPersonsOverLowerCaseSurnames(text, tokens, sentences, labels);
        NameShapeRules.PropagatePersonNames(text, tokens, sentences, labels);
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

    /// <summary>"WASHINGTON:" / "ISLAMABAD, (Agency)" opening a sentence is a dateline: a listed place in capitals.</summary>
    private static void LabelDatelines(string text, IReadOnlyList<TextSpan> tokens, IReadOnlyList<(int First, int Count)> sentences, int[] labels, Gazetteer gazetteer)
    {
        int location = Array.IndexOf(EntityRecognizer.Types, "LOC");
        foreach (var (first, count) in sentences)
        {
            if (count < 2) continue;
            var word = Word(text, tokens[first]);
            if (word.Length < 3 || !IsAllCaps(word) || Word(text, tokens[first + 1]) is not (":" or ",")) continue;
            if ((labels[first] == 0 || PositionOf(labels[first]) == 3) && gazetteer.Contains(word.ToString(), Gazetteer.Location))
                labels[first] = Label(location, 3);
        }
    }

    private static bool IsAllCaps(ReadOnlySpan<char> w)
    {
        foreach (char c in w) if (!char.IsUpper(c)) return false;
        return true;
    }

    internal static readonly HashSet<string> TitleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Minister", "President", "Secretary", "Spokesperson", "Spokesman", "Spokeswoman", "Senator", "Governor", "General",
        "Chief", "Commander", "Director", "Chairman", "Chairwoman", "Ambassador", "Judge", "Justice", "King", "Queen", "Prince",
        "Princess", "Premier", "Chancellor", "Envoy", "Mayor", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sen.", "Gov.", "Gen.",
        "Rep.", "Lt.", "Col.", "Capt.", "Sgt.", "Maj.", "Adm.", "Pope", "Sheikh", "Imam", "Emir",
    };

    /// <summary>
    /// "Foreign Minister Bilawal [Bhutto-Zardari]" → PERSON "Bilawal Bhutto-Zardari": capitalised words (at most two)
    /// between a title and a PERSON span the model started late belong to the name.
    /// </summary>
    private static void ExtendPersonsBackToTitles(string text, IReadOnlyList<TextSpan> tokens, int[] labels)
    {
        var lookup = TitleWords.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 1; i < tokens.Count; i++)
        {
            if (labels[i] == 0 || TypeOf(labels[i]) != Person || PositionOf(labels[i]) is not (0 or 3)) continue;
            int first = i;
            while (first > 0 && i - first < 2 && labels[first - 1] == 0 && IsNameWord(Word(text, tokens[first - 1]))
                && !lookup.Contains(Word(text, tokens[first - 1]))) first--;
            if (first == i || first == 0 || !lookup.Contains(Word(text, tokens[first - 1]))) continue;
            bool single = PositionOf(labels[i]) == 3;
            labels[first] = Label(Person, 0);
            for (int k = first + 1; k < i; k++) labels[k] = Label(Person, 1);
            labels[i] = single ? Label(Person, 2) : Label(Person, 1);
        }
    }

    private static bool IsNameWord(ReadOnlySpan<char> w)
    {
        if (w.Length < 2 || !char.IsUpper(w[0])) return false;
        foreach (char c in w) if (!char.IsLetter(c)) return false;
        return true;
    }

    /// <summary>
    /// "Interior Minister Rana Sanaullah Khan" → PERSON "Rana Sanaullah Khan": names exclude titles, so a PERSON
    /// span starts after its last title word (when a name follows it).
    /// </summary>
    private static void StripLeadingTitles(string text, IReadOnlyList<TextSpan> tokens, int[] labels)
    {
        var lookup = TitleWords.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < tokens.Count; i++)
        {
            if (labels[i] == 0 || TypeOf(labels[i]) != Person || PositionOf(labels[i]) != 0) continue;
            int end = i;
            while (end + 1 < tokens.Count && PositionOf(labels[end + 1]) is 1 or 2 && TypeOf(labels[end + 1]) == Person) end++;
            int lastTitle = -1;
            for (int k = i; k < end; k++) if (lookup.Contains(Word(text, tokens[k]))) lastTitle = k;
            if (lastTitle < 0) continue;
            int first = lastTitle + 1;
            if (!char.IsUpper(text[tokens[first].Start])) lastTitle = end; // "Chief of Army": a title, not a name
            for (int k = i; k <= Math.Min(lastTitle, end); k++) labels[k] = 0;
            if (lastTitle == end) { i = end; continue; }
            labels[first] = first == end ? Label(Person, 3) : Label(Person, 0);
            i = end;
        }
    }

    /// <summary>
    /// "Inter-Services Intelligence (ISI)": an all-caps word in brackets right after a name whose initials it
    /// spells. The name is the entity before the bracket or, when the model missed it, the run of capitalised
    /// words there ("Tehreek-i-Taliban Pakistan (TTP)"); its type comes from the entity or from how the model
    /// labelled the acronym elsewhere (organisation by default).
    /// </summary>
    private static void DefineAcronyms(string text, IReadOnlyList<TextSpan> tokens, int[] labels, Dictionary<string, int> acronymTypes,
        Dictionary<string, int> votes, Gazetteer? gazetteer)
    {
        int organization = Array.IndexOf(EntityRecognizer.Types, "ORG");
        int location = Array.IndexOf(EntityRecognizer.Types, "LOC");
        for (int i = 1; i + 2 < tokens.Count; i++)
        {
            if (Word(text, tokens[i]) is not "(" || Word(text, tokens[i + 2]) is not ")") continue;
            var acronym = Word(text, tokens[i + 1]);
            if (!IsAcronym(acronym)) continue;
            // The name: the entity right before the bracket, extended left over unlabelled name words.
            int start = i - 1;
            if (labels[start] != 0 && PositionOf(labels[start]) < 2) continue;
            while (start > 0 && labels[start] != 0 && PositionOf(labels[start]) is 1 or 2) start--;
            while (start > 0 && labels[start - 1] == 0 && IsNameWord(text, tokens[start - 1]) && !(Word(text, tokens[start - 1]) is "The" or "the")) start--;
            while (start < i - 1 && !char.IsUpper(text[tokens[start].Start])) start++;
            if (!char.IsUpper(text[tokens[start].Start]) || !SpellsInitials(text, tokens, start, i - 1, acronym)) continue;
            int type = labels[i - 1] != 0 ? TypeOf(labels[i - 1]) : votes.TryGetValue(acronym.ToString(), out int voted) ? voted : organization;
            // People do not come with acronyms, and a bracketed acronym after a name that is not a listed
            // place marks an organisation: "Tehrik-i-Taliban Pakistan (TTP)".
            string name = text[tokens[start].Start..tokens[i - 1].End];
            if (type == Person || type == location && gazetteer != null && !gazetteer.Contains(name, Gazetteer.Location)) type = organization;
            for (int k = start; k <= i - 1; k++)
                labels[k] = Label(type, start == i - 1 ? 3 : k == start ? 0 : k == i - 1 ? 2 : 1);
            labels[i + 1] = Label(type, 3);
            acronymTypes[acronym.ToString()] = type;
        }
    }

    private static bool IsNameWord(string text, TextSpan t)
    {
        var w = Word(text, t);
        return char.IsUpper(w[0]) || w is "of" or "and" or "for" or "the" or "-" or "&";
    }

    /// <summary>Acronyms the model itself labelled are evidence too ("the TTP" tagged ORG in one sentence).</summary>
    private static void CollectAcronymEntities(string text, IReadOnlyList<TextSpan> tokens, int[] labels, Dictionary<string, int> result)
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
        foreach (var (acronym, v) in votes) result[acronym] = Array.IndexOf(v, v.Max());
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
        var titles = TitleWords.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (first, count) in sentences)
        {
            for (int i = first; i + 1 < first + count; i++)
            {
                var next = Word(text, tokens[i + 1]);
                if (labels[i + 1] != 0 || !char.IsLower(next[0]) || tokens[i + 1].Start != tokens[i].End + 1 || !lookup.Contains(next)) continue;
                int y = labels[i];
                if (y != 0 && TypeOf(y) == Person && PositionOf(y) >= 2)
                    labels[i] = PositionOf(y) == 3 ? Label(Person, 0) : Label(Person, 1);
                // "Spokesperson Ned price": the model saw no name at all, but a title, a first name and a surname
                // known from elsewhere in the document make one.
                else if (y == 0 && i > first && IsNameWord(Word(text, tokens[i])) && titles.Contains(Word(text, tokens[i - 1])))
                    labels[i] = Label(Person, 0);
                else continue;
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
