namespace Tidings.Extract.Events.Petrarch;

/// <summary>
/// Actor, agent and discard phrases keyed on their first word, matched against upper-cased words. In a phrase,
/// '_' joins words that must be consecutive and ' ' lets other words come between (PETRARCH's connectors,
/// make_noun_list/actor_phrase_match). PETRARCH matches inside one noun phrase; over a whole sentence a gap is
/// limited to <see cref="MaxGap"/> words and never crosses punctuation or a conjunction.
/// </summary>
internal sealed class PhraseIndex
{
    public const int MaxGap = 3;

    private sealed record Phrase(string[] Rest, bool[] Adjacent, int Payload);

    private readonly Dictionary<string, List<Phrase>> _byFirst = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    /// <summary>Splits a phrase ("HAMAS_MILITARY COMMAND") into words and whether each follows the previous one directly.</summary>
    public static (string[] Words, bool[] Adjacent) Split(string phrase)
    {
        var words = new List<string>();
        var adjacent = new List<bool>();
        bool joined = false;
        int start = 0;
        for (int i = 0; i <= phrase.Length; i++)
        {
            if (i < phrase.Length && phrase[i] is not (' ' or '_' or '\t')) continue;
            bool underscore = i < phrase.Length && phrase[i] == '_';
            if (i > start)
            {
                words.Add(phrase[start..i].ToUpperInvariant());
                adjacent.Add(joined);
                joined = underscore;
            }
            else joined = joined && underscore; // "_ " (TABARI's open-ended word) reads as a plain space
            start = i + 1;
        }
        return (words.ToArray(), adjacent.ToArray());
    }

    /// <summary>Adds a phrase; false when it has no word.</summary>
    public bool Add(string phrase, int payload)
    {
        var (words, adjacent) = Split(phrase);
        if (words.Length == 0) return false;
        if (!_byFirst.TryGetValue(words[0], out var list)) _byFirst[words[0]] = list = [];
        list.Add(new Phrase(words[1..], adjacent[1..], payload));
        Count++;
        return true;
    }

    public bool ContainsFirst(string word) => _byFirst.ContainsKey(word);

    /// <summary>
    /// The phrase with most words that starts at words[start] and ends before <paramref name="end"/>; ties go to the
    /// shorter span, then to the phrase added first. Returns the payload and the number of words covered.
    /// </summary>
    public bool TryMatch(IReadOnlyList<string> words, int start, int end, out int payload, out int length)
    {
        payload = -1;
        length = 0;
        if (start < 0 || start >= end || !_byFirst.TryGetValue(words[start], out var phrases)) return false;
        int bestWords = -1;
        foreach (var phrase in phrases)
        {
            int covered = Covered(phrase, words, start, end);
            if (covered <= 0) continue;
            int count = phrase.Rest.Length + 1;
            if (count > bestWords || (count == bestWords && covered < length))
            {
                bestWords = count;
                length = covered;
                payload = phrase.Payload;
            }
        }
        return bestWords > 0;
    }

    /// <summary>True when some phrase matches starting at any word of the list (discards).</summary>
    public bool MatchesAnywhere(IReadOnlyList<string> words)
    {
        for (int i = 0; i < words.Count; i++)
            if (TryMatch(words, i, words.Count, out _, out _)) return true;
        return false;
    }

    private static int Covered(Phrase phrase, IReadOnlyList<string> words, int start, int end)
    {
        int pos = start + 1;
        for (int k = 0; k < phrase.Rest.Length; k++)
        {
            if (phrase.Adjacent[k])
            {
                if (pos >= end || !string.Equals(words[pos], phrase.Rest[k], StringComparison.Ordinal)) return 0;
                pos++;
                continue;
            }
            int limit = Math.Min(end, pos + MaxGap + 1);
            int found = -1;
            for (int p = pos; p < limit; p++)
            {
                if (string.Equals(words[p], phrase.Rest[k], StringComparison.Ordinal)) { found = p; break; }
                if (IsBoundary(words[p])) break;
            }
            if (found < 0) return 0;
            pos = found + 1;
        }
        return pos - start;
    }

    private static bool IsBoundary(string word)
    {
        if (word is "AND" or "OR" or "BUT" or "NOR") return true;
        foreach (char c in word) if (char.IsLetterOrDigit(c)) return false;
        return true;
    }
}
