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

    /// <summary>
    /// Adds a phrase; false when it has no word. A hyphenated word (AL-QAEDA) also matches as the three tokens
    /// AL - QAEDA: PETRARCH's Treebank tokens keep hyphens inside words, the project's tokenizer splits them.
    /// </summary>
    public bool Add(string phrase, int payload)
    {
        var (words, adjacent) = Split(phrase);
        if (words.Length == 0) return false;
        Store(words, adjacent, payload);
        if (Array.Exists(words, IsHyphenated))
        {
            var split = new List<string>();
            var joined = new List<bool>();
            for (int i = 0; i < words.Length; i++)
            {
                var parts = HyphenParts(words[i]);
                for (int k = 0; k < parts.Length; k++)
                {
                    split.Add(parts[k]);
                    joined.Add(k == 0 ? adjacent[i] : true);
                }
            }
            Store(split.ToArray(), joined.ToArray(), payload);
        }
        Count++;
        return true;
    }

    private void Store(string[] words, bool[] adjacent, int payload)
    {
        if (!_byFirst.TryGetValue(words[0], out var list)) _byFirst[words[0]] = list = [];
        list.Add(new Phrase(words[1..], adjacent[1..], payload));
    }

    /// <summary>True for a word with a hyphen between other characters (STATE-OWNED, not "-").</summary>
    public static bool IsHyphenated(string word) => word.Length > 2 && word.IndexOf('-', 1) is > 0 and var i && i < word.Length - 1;

    /// <summary>STATE-OWNED → STATE, -, OWNED (the tokens of a tokenizer that splits hyphens).</summary>
    public static string[] HyphenParts(string word)
    {
        if (!IsHyphenated(word)) return [word];
        var parts = new List<string>();
        int start = 0;
        for (int i = 0; i < word.Length; i++)
        {
            if (word[i] != '-' || i == 0 || i == word.Length - 1) continue;
            if (i > start) parts.Add(word[start..i]);
            parts.Add("-");
            start = i + 1;
        }
        parts.Add(word[start..]);
        return parts.ToArray();
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
