namespace Tidings.Language;

/// <summary>
/// Document-level repairs of entity spans that follow from how news writes names, not from one sentence's words:
/// a title alone is not a person ("President"), an editor's bracketed first name belongs to the name
/// ("President (Joe) Biden"), a programme's name runs on over "and" ("Military Education and Training"), a
/// broadcaster is a name plus a media word ("Geo TV"), a listed organisation or place is not a person ("the
/// Taliban", "Washington said"), and a function word that opens a sentence is not a name ("Amid rising…").
/// Labels are BILOU indices as in <see cref="EntityRecognizer"/>.
/// </summary>
internal static class NameShapeRules
{
    private static int Person => 0;
    private static readonly int Organization = Array.IndexOf(EntityRecognizer.Types, "ORG");
    private static readonly int Location = Array.IndexOf(EntityRecognizer.Types, "LOC");

    private static int TypeOf(int label) => (label - 1) / 4;
    private static int PositionOf(int label) => (label - 1) % 4; // 0 B, 1 I, 2 L, 3 U
    private static int Label(int type, int position) => 1 + type * 4 + position;
    private static ReadOnlySpan<char> Word(string text, TextSpan t) => text.AsSpan(t.Start, t.Length);

    /// <summary>Words that name a news medium when they close a capitalised name: "Geo TV", "Dawn News", "The Post".</summary>
    private static readonly HashSet<string> MediaHeads = new(StringComparer.Ordinal)
    {
        "TV", "Television", "News", "Radio", "Times", "Post", "Tribune", "Herald", "Gazette", "Journal", "Network", "Channel",
        "Broadcasting", "Telegraph", "Chronicle", "Observer", "Express",
    };

    /// <summary>Relabels the span [first, last] (inclusive) as one entity of the given type.</summary>
    private static void Relabel(int[] labels, int first, int last, int type)
    {
        if (first == last) { labels[first] = Label(type, 3); return; }
        labels[first] = Label(type, 0);
        for (int k = first + 1; k < last; k++) labels[k] = Label(type, 1);
        labels[last] = Label(type, 2);
    }

    /// <summary>The last token of the entity that starts at <paramref name="first"/> (a B or U label).</summary>
    private static int EndOf(int[] labels, int first)
    {
        if (PositionOf(labels[first]) == 3) return first;
        int k = first + 1;
        while (k < labels.Length && labels[k] != 0 && PositionOf(labels[k]) == 1) k++;
        return k < labels.Length && labels[k] != 0 && PositionOf(labels[k]) == 2 ? k : first;
    }

    /// <summary>"President" alone, or "the Minister" tagged as a person: a span made of title words only is no name.</summary>
    public static void DropBareTitles(string text, IReadOnlyList<TextSpan> tokens, int[] labels, HashSet<string> titleWords)
    {
        var lookup = titleWords.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < tokens.Count; i++)
        {
            if (labels[i] == 0 || TypeOf(labels[i]) != Person || PositionOf(labels[i]) is not (0 or 3)) continue;
            int end = EndOf(labels, i);
            bool allTitles = true;
            for (int k = i; k <= end && allTitles; k++) allTitles = lookup.Contains(Word(text, tokens[k]));
            if (allTitles) for (int k = i; k <= end; k++) labels[k] = 0;
            i = end;
        }
    }

    /// <summary>"(Joe) Biden": a bracketed first name right before a surname is one person "(Joe) Biden".</summary>
    public static void JoinBracketedFirstNames(string text, IReadOnlyList<TextSpan> tokens, int[] labels)
    {
        for (int i = 0; i + 3 < tokens.Count; i++)
        {
            if (Word(text, tokens[i]) is not "(" || Word(text, tokens[i + 2]) is not ")") continue;
            if (labels[i + 1] == 0 || TypeOf(labels[i + 1]) != Person || PositionOf(labels[i + 1]) != 3) continue;
            if (labels[i + 3] == 0 || TypeOf(labels[i + 3]) != Person || PositionOf(labels[i + 3]) is not (0 or 3)) continue;
            Relabel(labels, i, EndOf(labels, i + 3), Person);
        }
    }

    /// <summary>
    /// "the International Military Education and Training programme": an organisation whose name runs on over
    /// "and" / "&amp;" into capitalised words nobody labelled is one name.
    /// </summary>
    public static void ExtendOrganizationsOverConjunctions(string text, IReadOnlyList<TextSpan> tokens, int[] labels, Gazetteer? gazetteer)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            if (labels[i] == 0 || TypeOf(labels[i]) != Organization || PositionOf(labels[i]) is not (0 or 3)) continue;
            int end = EndOf(labels, i);
            int last = end;
            while (last + 2 < tokens.Count && Word(text, tokens[last + 1]) is "and" or "&" && labels[last + 1] == 0)
            {
                int k = last + 2;
                while (k < tokens.Count && labels[k] == 0 && IsCapitalisedWord(Word(text, tokens[k]))) k++;
                if (k == last + 2) break;
                string tail = text[tokens[last + 2].Start..tokens[k - 1].End];
                if (gazetteer != null && gazetteer.Contains(tail, Gazetteer.Location | Gazetteer.Person | Gazetteer.Organization)) break;
                last = k - 1;
            }
            if (last != end) Relabel(labels, i, last, Organization);
            i = last;
        }
    }

    /// <summary>"an email to Geo TV": capitalised words closed by a media word, not at a sentence start, name an outlet.</summary>
    public static void LabelMediaOutlets(string text, IReadOnlyList<TextSpan> tokens, IReadOnlyList<(int First, int Count)> sentences, int[] labels)
    {
        var lookup = MediaHeads.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (first, count) in sentences)
        {
            for (int i = first + 1; i < first + count; i++)
            {
                if (labels[i] != 0 || !lookup.Contains(Word(text, tokens[i]))) continue;
                int start = i;
                while (start - 1 > first && i - start < 3 && IsCapitalisedWord(Word(text, tokens[start - 1])))
                {
                    int previous = start - 1;
                    // A whole entity inside the run is absorbed ("New York" + "Times"); one the model left open is not.
                    if (labels[previous] != 0 && PositionOf(labels[previous]) == 2)
                        while (previous > first && PositionOf(labels[previous]) != 0) previous--;
                    else if (labels[previous] != 0 && PositionOf(labels[previous]) != 3) break;
                    start = previous;
                }
                if (start == i) continue;
                Relabel(labels, start, i, Organization);
            }
        }
    }

    /// <summary>
    /// A person span that is a listed organisation ("Taliban", "Afghan Taliban") is that organisation; a one-word
    /// person that is a listed place and no part of a longer name in the document ("Washington said") is the place.
    /// </summary>
    public static void CorrectListedPersons(string text, IReadOnlyList<TextSpan> tokens, int[] labels, Gazetteer gazetteer)
    {
        var nameParts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < tokens.Count; i++)
            if (labels[i] != 0 && TypeOf(labels[i]) == Person && PositionOf(labels[i]) != 3) nameParts.Add(Word(text, tokens[i]).ToString());
        for (int i = 0; i < tokens.Count; i++)
        {
            if (labels[i] == 0 || TypeOf(labels[i]) != Person || PositionOf(labels[i]) is not (0 or 3)) continue;
            int end = EndOf(labels, i);
            int nameStart = i;
            if (end > i && gazetteer.Contains(Word(text, tokens[i]).ToString(), Gazetteer.Demonym)) nameStart++;
            string name = text[tokens[nameStart].Start..tokens[end].End];
            if (gazetteer.Contains(name, Gazetteer.Person)) { i = end; continue; }
            // Only one-word names: the lists hold some people as organisations' members ("Ayman al-Zawahiri").
            if (nameStart == end && gazetteer.Contains(name, Gazetteer.Organization)) Relabel(labels, i, end, Organization);
            else if (i == end && gazetteer.Contains(name, Gazetteer.Location) && !nameParts.Contains(name)) labels[i] = Label(Location, 3);
            i = end;
        }
    }

    /// <summary>
    /// "Amid rising attacks…": a one-word name at the start of a sentence whose lower-case form is never
    /// capitalised inside sentences and never a proper noun in the treebanks is a capitalised common word.
    /// </summary>
    public static void DropCapitalisedCommonWords(string text, IReadOnlyList<TextSpan> tokens, IReadOnlyList<(int First, int Count)> sentences,
        int[] labels, WordStats stats, Gazetteer? gazetteer)
    {
        var functionWords = FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (first, count) in sentences)
        {
            for (int i = first; i < first + count; i++)
            {
                if (!OpensClause(text, tokens, first, i)) continue;
                if (labels[i] == 0 || PositionOf(labels[i]) != 3) continue;
                var word = Word(text, tokens[i]);
                byte cls = stats.Class(FeatureHash.LowerFolded(word));
                bool commonWord = cls != 0 && WordStats.Capitalisation(cls) == 0 && WordStats.ProperShare(cls) == 0;
                if (!commonWord && !functionWords.Contains(word)) continue;
                if (gazetteer != null && gazetteer.Contains(word.ToString(), Gazetteer.Location | Gazetteer.Person | Gazetteer.Organization)) continue;
                labels[i] = 0;
            }
        }
    }

    /// <summary>
    /// A clause opens at the sentence start and after a colon, a dash or an opening quote ("WASHINGTON: Amid…",
    /// "“Amid…"), where any word is capitalised; not after a closing quote ("…region," Price added).
    /// </summary>
    private static bool OpensClause(string text, IReadOnlyList<TextSpan> tokens, int sentenceFirst, int i)
    {
        if (i == sentenceFirst) return true;
        var previous = Word(text, tokens[i - 1]);
        if (previous is ":" or "-" or "—" or "–" or "“" or "‘") return true;
        if (previous is not ("\"" or "'")) return false;
        return i - 1 == sentenceFirst || tokens[i - 1].Start > tokens[i - 2].End; // a straight quote after a space opens
    }

    /// <summary>
    /// "Price added" after "the department's Spokesperson Ned price": a surname the document uses for a person
    /// names that person wherever it stands capitalised, except where a clause opens and any word is capitalised.
    /// </summary>
    public static void PropagatePersonNames(string text, IReadOnlyList<TextSpan> tokens, IReadOnlyList<(int First, int Count)> sentences, int[] labels)
    {
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < tokens.Count; i++)
        {
            if (labels[i] == 0 || TypeOf(labels[i]) != Person || PositionOf(labels[i]) is not (2 or 3)) continue;
            var w = Word(text, tokens[i]);
            if (w.Length >= 3 && IsCapitalisedWord(w)) surnames.Add(w.ToString());
            else if (w.Length >= 3 && char.IsLower(w[0]) && PositionOf(labels[i]) == 2) surnames.Add(char.ToUpperInvariant(w[0]) + w[1..].ToString());
        }
        if (surnames.Count == 0) return;
        var lookup = surnames.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (first, count) in sentences)
            for (int i = first; i < first + count; i++)
                if (labels[i] == 0 && lookup.Contains(Word(text, tokens[i])) && !OpensClause(text, tokens, first, i)
                    && (i + 1 == first + count || labels[i + 1] == 0) && (i == first || labels[i - 1] == 0))
                    labels[i] = Label(Person, 3);
    }

    /// <summary>English closed-class words (prepositions, conjunctions, determiners, pronouns), rare in the treebanks' statistics.</summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "amid", "amidst", "among", "amongst", "despite", "during", "following", "notwithstanding", "regarding", "concerning",
        "throughout", "towards", "toward", "unlike", "upon", "versus", "via", "within", "without", "whereas", "whilst", "while",
        "although", "though", "unless", "until", "since", "because", "whether", "meanwhile", "moreover", "furthermore",
        "nevertheless", "nonetheless", "however", "therefore", "thus", "hence", "besides", "beyond", "beneath",
        "across", "against", "along", "alongside", "around", "behind", "below", "between", "inside", "outside", "over", "under",
        "after", "before", "about", "above", "according", "this", "that", "these", "those", "such", "each", "every", "both",
        "either", "neither", "several", "many", "most", "some", "any", "all", "it", "its", "they", "their", "we", "our",
    };

    private static bool IsCapitalisedWord(ReadOnlySpan<char> w) => w.Length > 1 && char.IsUpper(w[0]) && char.IsLetter(w[^1]);
}
