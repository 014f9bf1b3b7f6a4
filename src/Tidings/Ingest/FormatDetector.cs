using System.Text;
using Tidings.Documents;

namespace Tidings.Ingest;

/// <summary>The kind of content an input holds, decided from its first bytes rather than its name.</summary>
public enum InputFormat
{
    PlainText,
    Html,
    Feed,
    Json,
    Warc,
    Gzip,
}

public static class FormatDetector
{
    public const int HeadSize = 8192;

    /// <summary>Detects the format, or throws <see cref="InputRejectedException"/> for empty and binary input.</summary>
    public static InputFormat Detect(ReadOnlySpan<byte> head, string source)
    {
        if (head.IsEmpty) throw new InputRejectedException("empty file");
        if (head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B) return InputFormat.Gzip;
        if (head.StartsWith("WARC/"u8)) return InputFormat.Warc;
        RejectBinary(head);

        var text = SkipBomAndSpace(head);
        if (text.IsEmpty) throw new InputRejectedException("empty file (only white space)");
        string start = Encoding.Latin1.GetString(text[..Math.Min(text.Length, 2048)]).ToLowerInvariant();
        if (start[0] == '{' || start[0] == '[') return InputFormat.Json;
        if (start[0] == '<')
        {
            if (start.StartsWith("<?xml", StringComparison.Ordinal) || start.StartsWith("<rss", StringComparison.Ordinal)
                || start.StartsWith("<feed", StringComparison.Ordinal) || start.StartsWith("<rdf:rdf", StringComparison.Ordinal))
            {
                if (start.Contains("<rss", StringComparison.Ordinal) || start.Contains("<feed", StringComparison.Ordinal)
                    || start.Contains("<rdf:rdf", StringComparison.Ordinal) || start.Contains("<channel", StringComparison.Ordinal))
                    return InputFormat.Feed;
                if (start.Contains("<html", StringComparison.Ordinal)) return InputFormat.Html;
                throw new InputRejectedException("XML document that is neither a feed (RSS, Atom) nor XHTML");
            }
            return InputFormat.Html;
        }
        // Plain text that quotes a little markup is still plain text; a page with text before <html> is not.
        if (start.Contains("<html", StringComparison.Ordinal) || start.Contains("<!doctype html", StringComparison.Ordinal))
            return InputFormat.Html;
        return InputFormat.PlainText;
    }

    private static ReadOnlySpan<byte> SkipBomAndSpace(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) head = head[3..];
        int i = 0;
        while (i < head.Length && head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        return head[i..];
    }

    /// <summary>Rejects content that is not text: known binary signatures, NUL bytes, many control characters.</summary>
    public static void RejectBinary(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF"u8)) throw new InputRejectedException("binary file (PDF), not a news text format");
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G'])
            || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) || head.StartsWith("GIF8"u8))
            throw new InputRejectedException("binary file (image), not a news text format");
        if (head.StartsWith("PK\u0003\u0004"u8)) throw new InputRejectedException("binary file (zip archive), not a news text format");
        bool utf16 = head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        if (utf16) return;
        int control = 0;
        foreach (byte b in head)
        {
            if (b == 0) throw new InputRejectedException("binary file (contains NUL bytes)");
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C and not 0x1B) control++;
        }
        if (control > head.Length / 20) throw new InputRejectedException("binary file (too many control characters)");
    }

    public static ArticleFormat ToArticleFormat(InputFormat format) => format switch
    {
        InputFormat.Html => ArticleFormat.Html,
        InputFormat.Feed => ArticleFormat.Feed,
        InputFormat.Json => ArticleFormat.JsonLines,
        InputFormat.Warc => ArticleFormat.Warc,
        _ => ArticleFormat.PlainText,
    };
}
