using Tidings.Language;

namespace Tidings.Extract.Quotes;

/// <summary>
/// Finds the noun phrase that names the speaker next to a cue word, over tagged tokens: to the left of the
/// cue (its subject, skipping a parenthetical such as ", in an email to Geo TV,") or to its right ("said Price").
/// </summary>
internal sealed class SpeakerPhrases(string text, IReadOnlyList<Token> tokens)
{
    private static readonly HashSet<string> NpTags = ["PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM"];
    private static readonly HashSet<string> InnerPrepositions = new(StringComparer.OrdinalIgnoreCase) { "of", "for", "at", "from", "with" };

    public string Word(int i) => text.Substring(tokens[i].Start, tokens[i].End - tokens[i].Start);

    private bool IsNpToken(int i)
    {
        var t = tokens[i];
        if (NpTags.Contains(t.Upos) || t.Ner != "O") return true; // inside a recognized name, any token belongs
        // A capitalized word inside the sentence is a name whatever the tagger guessed ("Spokesperson Ned price").
        if (i > 0 && char.IsUpper(text[t.Start]) && t.Upos is "VERB" or "ADJ" or "X" or "ADV" && !IsSentenceStart(i)) return true;
        var w = Word(i);
        return w is "'s" or "’s" or "-" || t.Xpos == "POS";
    }

    /// <summary>The subject phrase ending just before token <paramref name="cue"/>, within [<paramref name="floor"/>, cue).</summary>
    public (int First, int Last)? Left(int cue, int floor, out (int Start, int End)? parenthetical)
    {
        parenthetical = null;
        int j = cue - 1;
        while (j >= floor && tokens[j].Upos is "ADV" or "AUX" or "PART" && Word(j) is not ("'s" or "’s")) j--; // "has also said", "did not say"
        // "X, in an email to Geo TV, said": skip back over the parenthetical to the phrase before it.
        if (j >= floor && Word(j) == ",")
        {
            int k = j - 1;
            while (k >= floor && Word(k) != "," && tokens[cue - 1].Start - tokens[k].Start < 120) k--;
            bool hasVerb = false;
            for (int v = k + 1; v < j; v++) hasVerb |= tokens[v].Upos is "VERB";
            // ", in an email to Geo TV," is a parenthetical; ", the spokesperson said," is another clause.
            if (hasVerb) return null;
            if (k >= floor && Word(k) == "," && k > floor)
            {
                parenthetical = (tokens[k + 1].Start, tokens[j - 1].End);
                j = k - 1;
            }
            else return null;
        }
        int last = j;
        while (j >= floor && (IsNpToken(j) || (InnerPrepositions.Contains(Word(j)) && j - 1 >= floor && tokens[j - 1].Upos is "NOUN" or "PROPN" && j + 1 <= last)))
            j--;
        int first = j + 1;
        while (first <= last && tokens[first].Upos is "ADJ" or "NUM" && !IsCapitalized(first)) first++;
        if (first > last || !HasHead(first, last)) return null;
        return (first, last);
    }

    /// <summary>The phrase right after the cue: "said Price", "said the spokesperson", "said he".</summary>
    public (int First, int Last)? Right(int cue, int ceiling)
    {
        int first = cue + 1;
        if (first >= ceiling) return null;
        if (tokens[first].Upos == "PRON") return IsPersonalPronoun(Word(first)) ? (first, first) : null;
        int j = first;
        while (j < ceiling)
        {
            if (IsNpToken(j) && tokens[j].Upos != "PRON") { j++; continue; }
            // "the Inter-Services Intelligence (ISI) agency", "the ISI and other authorities"
            if (Word(j) == "(" && j + 2 < ceiling && Word(j + 2) == ")") { j += 3; continue; }
            if (Word(j) is "and" or "or" && j + 1 < ceiling && IsNpToken(j + 1) && j > first) { j++; continue; }
            break;
        }
        int last = j - 1;
        if (last < first || !HasHead(first, last)) return null;
        return (first, last);
    }

    private bool IsSentenceStart(int i)
    {
        int p = tokens[i].Start - 1;
        while (p >= 0 && text[p] is ' ' or '"' or '“' or '\'' or '‘') p--;
        return p < 0 || text[p] is '.' or '\n' or '!' or '?' or ':';
    }

    private bool IsCapitalized(int i) => char.IsUpper(text[tokens[i].Start]);

    private bool HasHead(int first, int last)
    {
        for (int i = first; i <= last; i++)
            if (tokens[i].Upos is "PROPN" or "NOUN" || (tokens[i].Upos == "PRON" && IsPersonalPronoun(Word(i)))) return true;
        return false;
    }

    public static bool IsPersonalPronoun(string w) => w.ToLowerInvariant() is "he" or "she" or "they" or "we" or "i" or "it";
}
