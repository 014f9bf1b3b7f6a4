using System.Globalization;
using System.Text;

namespace Tidings.Extract.Entities;

/// <summary>
/// The keys names are compared by. <see cref="Exact"/> folds case, accents, hyphens and a leading article
/// ("the Tehrik-i-Taliban" = "Tehrik i Taliban"); <see cref="Skeleton"/> also drops vowels and doubled letters, so
/// transliterations and one-vowel misspellings meet ("Tehrik" / "Tehreek" → "thrk"; "Blinken" / "Blinkon" → "blnkn").
/// </summary>
public static class NameKeys
{
    private static readonly string[] Articles = ["the ", "a ", "an "];

    public static string Exact(string name)
    {
        var folded = Fold(name);
        foreach (var a in Articles)
            if (folded.StartsWith(a, StringComparison.Ordinal)) return folded[a.Length..];
        return folded;
    }

    public static string Skeleton(string name)
    {
        var exact = Exact(name);
        var sb = new StringBuilder(exact.Length);
        foreach (var word in exact.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (sb.Length > 0) sb.Append(' ');
            int start = sb.Length;
            // The first letter stays even when a vowel: "Islamabad" and "Slamabad" are not one name.
            for (int i = 0; i < word.Length; i++)
            {
                char c = word[i];
                if (i > 0 && "aeiouy".Contains(c)) continue;
                if (sb.Length > start && sb[^1] == c) continue;
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>Lower case, accents removed, every run of non-letters/digits one space.</summary>
    private static string Fold(string name)
    {
        // Accents are split off only where there are any: most names are ASCII.
        var decomposed = System.Text.Ascii.IsValid(name) ? name : name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        bool space = true;
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) { sb.Append(char.ToLowerInvariant(c)); space = false; }
            else if (c is '\'' or '’') continue; // "Qur'an" = "Quran"
            else if (!space) { sb.Append(' '); space = true; }
        }
        if (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb.ToString();
    }

    /// <summary>"Ned price" → "Ned Price": all-lower-case words of a name get their capital back.</summary>
    public static string RepairCapitals(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w =>
            w.Length > 1 && w.All(char.IsLower) ? char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..] : w));

    public static bool IsAcronym(string w) => w.Length is >= 2 and <= 6 && w.All(char.IsUpper);

    /// <summary>The last word of a person's name ("Ned Price" → "price"), folded.</summary>
    public static string Surname(string name)
    {
        var exact = Exact(name);
        int space = exact.LastIndexOf(' ');
        return space < 0 ? exact : exact[(space + 1)..];
    }

    /// <summary>The first word of a multi-word person name, folded; null for a single name.</summary>
    public static string? GivenName(string name)
    {
        var exact = Exact(name);
        int space = exact.IndexOf(' ');
        return space < 0 ? null : exact[..space];
    }

    /// <summary>Whether two words differ by at most one letter (substituted, inserted or deleted).</summary>
    public static bool OneEditApart(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { i++; j++; continue; }
            if (++edits > 1) return false;
            if (a.Length > b.Length) i++;
            else if (b.Length > a.Length) j++;
            else { i++; j++; }
        }
        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }
}
