using System.Text.RegularExpressions;
using Tidings.Documents;

namespace Tidings.Stories;

/// <summary>A word of an article's text: lower-cased form, position in the original text, and whether it opens a sentence.</summary>
public readonly record struct Word(string Lower, int Start, int End, bool Capitalized, bool SentenceStart);

/// <summary>A named thing found in the text: an entity from the "entities" layer, or a run of capitalized words.</summary>
public sealed record NameMention(string Text, int Start, int End, string Type);

/// <summary>
/// Tokenization shared by near-duplicate detection, clustering and coverage comparison. Words are runs of letters
/// and digits with inner hyphens and apostrophes ("al-Zawahiri", "Tehrik-i-Taliban", "don't"); hashing is
/// FNV-1a over the lower-cased word, stable across runs and machines.
/// </summary>
public static partial class StoryText
{
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex WordRegex();

    public static readonly HashSet<string> Stopwords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he",
        "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
        "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
        "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some",
        "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
        "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where",
        "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "said",
        "says", "say", "told", "according", "mr", "mrs", "ms", "dr", "new", "one", "two", "first", "last", "year",
        "years", "may", "might", "must", "shall", "get", "got", "like", "many", "much", "well", "even", "still", "yet",
        "however", "though", "although", "since", "within", "without", "across", "around", "among", "per", "via",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "day", "days", "today",
        "yesterday", "tomorrow", "time", "amid", "despite", "following", "earlier", "later", "meanwhile", "it's", "don't", "that's", "there's", "he's", "she's", "we're", "they're",
    };

    /// <summary>Capitalized words that open sentences or titles without naming anything.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "dr", "president", "minister", "spokesperson", "spokesman", "spokeswoman", "secretary",
        "chief", "senator", "sen", "rep", "gov", "governor", "prime", "foreign", "interior", "according", "earlier",
        "subsequently", "following", "responding", "meanwhile", "read", "must", "also", "related", "update", "updated",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
    };

    public static ulong Hash(ReadOnlySpan<char> s)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in s)
        {
            h ^= char.ToLowerInvariant(c);
            h *= 1099511628211UL;
        }
        return h;
    }

    public static ulong Hash(string s) => Hash(s.AsSpan());

    /// <summary>Words of <paramref name="text"/> between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public static List<Word> Words(string text, int start, int end, List<Word>? into = null)
    {
        var list = into ?? [];
        bool sentenceStart = true;
        int prevEnd = start;
        foreach (var m in WordRegex().EnumerateMatches(text.AsSpan(start, end - start)))
        {
            int s = start + m.Index, e = s + m.Length;
            if (!sentenceStart && EndsSentence(text, prevEnd, s)) sentenceStart = true;
            // "U.S." style abbreviations keep their dots inside the match; a trailing dot ends the sentence only by the rule above.
            var token = text.AsSpan(s, e - s);
            list.Add(new Word(Lower(token), s, e, char.IsUpper(token[0]), sentenceStart));
            sentenceStart = false;
            prevEnd = e;
        }
        return list;
    }

    /// <summary>A token lower-cased with a typographic apostrophe made plain ("Don’t" is "don't"), in one allocation.</summary>
    private static string Lower(ReadOnlySpan<char> token) => string.Create(token.Length, token, static (dest, t) =>
    {
        t.ToLowerInvariant(dest);
        dest.Replace('’', '\'');
    });

    /// <summary>Words of the headline and the clean body.</summary>
    public static List<Word> ArticleWords(Article a, bool headline = true)
    {
        var list = new List<Word>(512);
        if (headline && a.Headline is { } h) Words(a.Text, h.Start, h.End, list);
        foreach (var s in a.Body) Words(a.Text, s.Start, s.End, list);
        return list;
    }

    private static bool EndsSentence(string text, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            char c = text[i];
            if (c is '.' or '!' or '?' or ':' or '\n' or '"' or '“' or '”' or '—' or '(' or ')') return true;
        }
        return false;
    }

    public static bool IsContent(string lower) => lower.Length > 1 && !Stopwords.Contains(lower);

    /// <summary>
    /// Named things: the "entities" layer when a language stage has added one; otherwise maximal runs of capitalized
    /// words (acronyms included), a sentence-opening common word excluded.
    /// </summary>
    public static List<NameMention> Names(Article a, IReadOnlyList<Word>? words = null)
    {
        var entities = LayerReader.Entities(a);
        if (entities is not null) return entities;
        words ??= ArticleWords(a);
        var names = new List<NameMention>();
        int i = 0;
        while (i < words.Count)
        {
            if (!IsNameWord(words[i])) { i++; continue; }
            int j = i + 1;
            while (j < words.Count && !words[j].SentenceStart && !Gap(a.Text, words[j - 1].End, words[j].Start)
                   && (IsNameWord(words[j]) || (words[j].Lower is "of" or "al" or "bin" or "de" or "van" or "von" && j + 1 < words.Count && IsNameWord(words[j + 1]))))
                j++;
            int s = i;
            // Drop title words in front ("President Joe Biden" -> "Joe Biden"), keep a lone title out.
            while (s < j && NotNames.Contains(words[s].Lower.TrimEnd('.'))) s++;
            if (s < j && !(j - s == 1 && (Stopwords.Contains(words[s].Lower) || NotNames.Contains(words[s].Lower))))
            {
                int end = words[j - 1].End;
                // A possessive is not part of the name: "Washington’s" names Washington.
                if (a.Text.AsSpan(words[s].Start, end - words[s].Start) is var span && (span.EndsWith("’s") || span.EndsWith("'s"))) end -= 2;
                names.Add(new NameMention(a.Text[words[s].Start..end], words[s].Start, end, "NAME"));
            }
            i = j;
        }
        return names;
    }

    private static bool IsNameWord(Word w) => w.Capitalized && !(w.SentenceStart && Stopwords.Contains(w.Lower)) && !char.IsDigit(w.Lower[0]);

    private static bool Gap(string text, int from, int to)
    {
        for (int i = from; i < to; i++)
            if (text[i] is not (' ' or '\u00a0')) return true;
        return false;
    }

    /// <summary>Lower-cased content tokens of names, the unit of name overlap.</summary>
    public static IEnumerable<string> NameTokens(IEnumerable<NameMention> names)
    {
        foreach (var n in names)
            foreach (Match m in WordRegex().Matches(n.Text))
            {
                var t = m.Value.ToLowerInvariant();
                if (IsContent(t) && !NotNames.Contains(t)) yield return t;
            }
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:(?<m>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<y>\d{4}))?|(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?<m>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?:,?\s+(?<y>\d{4}))?|(?<rel>(?:early|mid|late)-?\s?(?:January|February|March|April|May|June|July|August|September|October|November|December))|(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex DateRegex();

    /// <summary>A date the text mentions, with a normalized key ("12-01", "mid-november", "monday").</summary>
    public readonly record struct DateMention(string Text, int Start, int End, string Key);

    public static IEnumerable<DateMention> Dates(string text, int start, int end)
    {
        foreach (Match m in DateRegex().Matches(text[start..end]))
        {
            string key;
            if (m.Groups["rel"].Success) key = Regex.Replace(m.Value.ToLowerInvariant(), @"[-\s]+", "-");
            else if (m.Groups["wd"].Success) key = m.Value.ToLowerInvariant();
            else key = $"{Month(m.Groups["m"].Value):00}-{int.Parse(m.Groups["d"].Value):00}";
            yield return new DateMention(m.Value, start + m.Index, start + m.Index + m.Length, key);
        }
    }

    private static int Month(string m) => m[..3].ToLowerInvariant() switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, _ => 12,
    };

    [GeneratedRegex(@"(?<![\p{L}\p{N}.,])(?<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?<pct>\s?%|\s?percent)?(?:\s+(?<scale>million|billion|trillion|thousand|hundred))?(?:\s+(?<unit>[\p{L}-]+))?|(?<![\p{L}])(?<n>dozens|hundreds|thousands|scores)\s+of\s+(?<unit>[\p{L}-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberRegex();

    /// <summary>A number with the word it counts ("dozens of security", "12 people", "$1.5 billion").</summary>
    public readonly record struct NumberMention(string Text, int Start, int End, string Value, string Unit);

    public static IEnumerable<NumberMention> Numbers(string text, int start, int end)
    {
        foreach (Match m in NumberRegex().Matches(text[start..end]))
        {
            string n = m.Groups["n"].Value.Replace(",", "");
            // Years and days of months are dates, not counts.
            if (n.Length == 4 && n.All(char.IsDigit) && n[0] is '1' or '2' && !m.Groups["pct"].Success && !m.Groups["scale"].Success) continue;
            string unit = m.Groups["pct"].Success ? "percent" : m.Groups["unit"].Value.ToLowerInvariant();
            if (Stopwords.Contains(unit) && unit is not "percent") unit = "";
            string value = n + (m.Groups["scale"].Success ? " " + m.Groups["scale"].Value.ToLowerInvariant() : "");
            yield return new NumberMention(m.Value, start + m.Index, start + m.Index + m.Length, value, unit);
        }
    }
}
