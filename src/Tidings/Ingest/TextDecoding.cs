using System.Text;
using System.Text.RegularExpressions;

namespace Tidings.Ingest;

/// <summary>
/// Turns bytes into text: a byte-order mark wins, then a charset declared outside the content (HTTP header),
/// then one declared inside (HTML meta, XML declaration); otherwise the bytes must be valid UTF-8.
/// </summary>
public static partial class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [GeneratedRegex(@"<meta[^>]{0,200}?charset\s*=\s*[""']?\s*(?<cs>[A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"^<\?xml[^>]{0,200}?encoding\s*=\s*[""'](?<cs>[A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex XmlEncoding();

    /// <summary>Decodes; throws <see cref="InputRejectedException"/> with the reason when the bytes are not text.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null, bool sniffMarkup = false, bool legacyFallback = false)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return DecodeStrict(StrictUtf8, bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return DecodeStrict(new UnicodeEncoding(false, false, true), bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return DecodeStrict(new UnicodeEncoding(true, false, true), bytes[2..]);

        var encoding = Resolve(declaredCharset);
        if (encoding is null && sniffMarkup)
        {
            var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
            var m = XmlEncoding().Match(head);
            if (!m.Success) m = MetaCharset().Match(head);
            if (m.Success) encoding = Resolve(m.Groups["cs"].Value);
        }
        if (encoding is not null && encoding.CodePage != Encoding.UTF8.CodePage) return encoding.GetString(bytes);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // The HTML standard reads an undeclared legacy page as Windows-1252; plain text and JSON have no such rule.
            if (legacyFallback) return Encoding.GetEncoding(1252).GetString(bytes);
            throw new InputRejectedException($"invalid UTF-8 at byte {FirstInvalid(bytes)}");
        }
    }

    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out int read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? 0 : read;
    }

    private static string DecodeStrict(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new InputRejectedException($"invalid {encoding.WebName} text");
        }
    }

    /// <summary>The encoding for a charset label, with the WHATWG aliases (latin1 and ASCII are read as Windows-1252).</summary>
    public static Encoding? Resolve(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return null;
        var label = charset.Trim().Trim('"', '\'').ToLowerInvariant();
        if (label is "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "iso8859-1" or "l1" or "cp1252")
            label = "windows-1252";
        if (label is "utf8") label = "utf-8";
        try
        {
            return Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
