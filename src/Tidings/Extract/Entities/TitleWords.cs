using Tidings.Language;

namespace Tidings.Extract.Entities;

/// <summary>The title written right before a name: "Spokesperson Ned price", "Foreign Minister Bilawal Bhutto-Zardari".</summary>
public static class TitleWords
{
    /// <summary>Up to three capitalised nouns right before <paramref name="start"/>, lower-cased ("foreign minister"); null when none.</summary>
    public static string? Before(string text, IReadOnlyList<Token> tokens, int start)
    {
        int lo = 0, hi = tokens.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (tokens[mid].Start < start) lo = mid + 1; else hi = mid - 1;
        }
        int i = lo - 1;
        var words = new List<string>();
        while (i >= 0 && words.Count < 3 && tokens[i].Upos is "NOUN" or "PROPN" or "ADJ" && char.IsUpper(text[tokens[i].Start])
               && tokens[i].Ner == "O")
        {
            words.Insert(0, text[tokens[i].Start..tokens[i].End]);
            i--;
        }
        return words.Count > 0 ? string.Join(' ', words).ToLowerInvariant() : null;
    }
}
