using System.Globalization;
using System.Text;

namespace Tidings.Documents;

/// <summary>
/// A normalized copy of some text for matching and later stages, with a map from every normalized
/// position back to the original, so that anything found in the normalized text can be reported
/// with offsets into the original.
/// </summary>
public sealed class NormalizedText
{
    private readonly int[] _toOriginal;

    internal NormalizedText(string text, int[] toOriginal)
    {
        Text = text;
        _toOriginal = toOriginal;
    }

    public string Text { get; }

    /// <summary>Original offset of normalized position <paramref name="index"/> (0 ≤ index ≤ Text.Length).</summary>
    public int ToOriginal(int index) => _toOriginal[index];

    /// <summary>Original span covering the normalized span [start, end).</summary>
    public TextSpan ToOriginal(int start, int end) =>
        end <= start ? new TextSpan(_toOriginal[start], _toOriginal[start])
                     : new TextSpan(_toOriginal[start], _toOriginal[end - 1] + 1 + ExtraWidth(end - 1));

    // A normalized character may stand for several original ones (mojibake, a composed accent);
    // the span must end after all of them.
    private int ExtraWidth(int index) => Math.Max(0, _toOriginal[index + 1] - _toOriginal[index] - 1);
}

/// <summary>
/// Normalizes text for matching: Unicode NFC, one form of quote, apostrophe and dash, collapsed horizontal
/// white space, CRLF as LF, repaired reversible mojibake ("â€™" → "’" → "'"), and a lone U+FFFD between
/// spaces read as a dash (a dash lost to a bad conversion, as in sample 000).
/// </summary>
public static class TextNormalizer
{
    private static readonly Encoding Windows1252;

    static TextNormalizer()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    public static NormalizedText Normalize(string text) => Normalize(text, 0, text.Length);

    public static NormalizedText Normalize(string text, int start, int end)
    {
        var sb = new StringBuilder(end - start);
        var map = new List<int>(end - start + 1);
        Normalize(text, start, end, sb, map);
        return new NormalizedText(sb.ToString(), map.ToArray());
    }

    /// <summary>Appends the normalized text of [start, end) to <paramref name="sb"/>; records the offset map when one is given.</summary>
    public static void Normalize(string text, int start, int end, StringBuilder sb, List<int>? map)
    {
        bool pendingSpace = false;
        int spaceAt = 0;
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (c == '\r' && i + 1 < end && text[i + 1] == '\n') { i++; continue; }
            if (IsIgnorable(c)) { i++; continue; }
            if (IsHorizontalSpace(c))
            {
                if (!pendingSpace) { pendingSpace = true; spaceAt = i; }
                i++;
                continue;
            }
            if (c == '\n' || c == '\r')
            {
                pendingSpace = false; // trailing spaces before a line break carry no meaning
                Append(sb, map, '\n', i);
                i++;
                continue;
            }
            if (pendingSpace)
            {
                if (sb.Length > 0 && sb[^1] != '\n') Append(sb, map, ' ', spaceAt);
                pendingSpace = false;
            }
            if (map is null && IsPlainAscii(c) && PlainRunEnd(text, i, end) is var run && run > i)
            {
                // Fast path for hashing: printable ASCII with single spaces needs no change.
                sb.Append(text, i, run - i);
                i = run;
                continue;
            }
            if (c >= '\u00C2' && c <= '\u00F4' && TryRepairMojibake(text, i, end, out var repaired, out int used))
            {
                foreach (char r in repaired) Append(sb, map, Fold(r), i);
                i += used;
                continue;
            }
            if (c == '\uFFFD' && IsLoneBetweenSpaces(text, i, start, end))
            {
                Append(sb, map, '-', i);
                i++;
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < end)
            {
                Append(sb, map, c, i);
                Append(sb, map, text[i + 1], i + 1);
                i += 2;
                continue;
            }
            int cluster = ClusterLength(text, i, end);
            if (cluster > 1)
            {
                string composed = text.Substring(i, cluster).Normalize(NormalizationForm.FormC);
                foreach (char r in composed) Append(sb, map, Fold(r), i);
                i += cluster;
                continue;
            }
            Append(sb, map, Fold(c), i);
            i++;
        }
        map?.Add(end);
    }

    private static bool IsPlainAscii(char c) => c >= '!' && c <= '~' && c != '`';

    /// <summary>End of the run of plain ASCII (single spaces allowed) from i; the last character is left out when a combining mark follows it.</summary>
    private static int PlainRunEnd(string text, int i, int end)
    {
        int j = i + 1;
        while (j < end)
        {
            char d = text[j];
            if (IsPlainAscii(d)) { j++; continue; }
            if (d == ' ' && j + 1 < end && IsPlainAscii(text[j + 1])) { j += 2; continue; }
            break;
        }
        if (j < end && text[j] >= '\u0300') j--;
        return j;
    }

    /// <summary>Normalized text of a span, for hashing and comparison.</summary>
    public static string NormalizeForMatch(string text) => Normalize(text).Text.Trim();

    private static void Append(StringBuilder sb, List<int>? map, char c, int original)
    {
        sb.Append(c);
        map?.Add(original);
    }

    /// <summary>One form for quotes, apostrophes and dashes; compatibility spaces handled by the caller.</summary>
    public static char Fold(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' or '`' or '\u00B4' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' or '\u301D' or '\u301E' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D' => '-',
        '\u2026' => '…',
        _ => c,
    };

    private static bool IsHorizontalSpace(char c) =>
        c == ' ' || c == '\t' || c == '\u00A0' || c == '\u202F' || c == '\u3000' ||
        (c >= '\u2000' && c <= '\u200A') || c == '\f' || c == '\v';

    // Zero-width characters and soft hyphens change nothing a reader sees.
    private static bool IsIgnorable(char c) =>
        c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF' || c == '\u00AD' || c == '\u2060';

    private static bool IsLoneBetweenSpaces(string text, int i, int start, int end) =>
        i > start && i + 1 < end && char.IsWhiteSpace(text[i - 1]) && char.IsWhiteSpace(text[i + 1]);

    /// <summary>A base character and the combining marks after it, when NFC would change them.</summary>
    private static int ClusterLength(string text, int i, int end)
    {
        // Combining marks start at U+0300: most text never needs the category lookup.
        if (i + 1 >= end || text[i + 1] < '\u0300') return 1;
        int j = i + 1;
        while (j < end && CharUnicodeInfo.GetUnicodeCategory(text[j]) is UnicodeCategory.NonSpacingMark
                   or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            j++;
        if (j == i + 1) return 1;
        return text.AsSpan(i, j - i).IsNormalized(NormalizationForm.FormC) ? 1 : j - i;
    }

    /// <summary>
    /// UTF-8 bytes that were decoded as Windows-1252 show up as "Ã©" or "â€™". When the characters starting
    /// at <paramref name="i"/> encode back to a valid UTF-8 sequence, the repair is unambiguous.
    /// </summary>
    private static bool TryRepairMojibake(string text, int i, int end, out string repaired, out int used)
    {
        repaired = "";
        used = 0;
        char lead = text[i];
        int need = lead < '\u00E0' ? 2 : lead < '\u00F0' ? 3 : 4;
        if (i + need > end) return false;
        Span<byte> bytes = stackalloc byte[4];
        try
        {
            for (int k = 0; k < need; k++)
            {
                char ch = text[i + k];
                int n = Windows1252.GetBytes(text.AsSpan(i + k, 1), bytes[k..]);
                if (n != 1) return false;
                if (k > 0 && (bytes[k] & 0xC0) != 0x80) return false;
                if (k == 0 && ch != lead) return false;
            }
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
        try
        {
            repaired = Utf8Strict.GetString(bytes[..need]);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        used = need;
        return true;
    }

    private static readonly Encoding Utf8Strict = new UTF8Encoding(false, true);
}
