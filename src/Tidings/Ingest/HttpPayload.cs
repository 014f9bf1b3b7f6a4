using System.IO.Compression;
using System.Text;

namespace Tidings.Ingest;

/// <summary>An HTTP response as archived in a WARC record: status, content type, charset and decoded body.</summary>
public sealed record HttpPayload(int Status, string? ContentType, string? Charset, byte[] Body)
{
    /// <summary>Parses the response; undoes chunked transfer coding and gzip/deflate/brotli content coding (capped).</summary>
    public static HttpPayload Parse(byte[] block, long maxBytes)
    {
        int headerEnd = IndexOf(block, "\r\n\r\n"u8, out int sepLength);
        if (headerEnd < 0) throw new InputRejectedException("HTTP response without a header/body separator");
        var headerText = Encoding.Latin1.GetString(block, 0, headerEnd);
        var lines = headerText.Split('\n', StringSplitOptions.TrimEntries);
        var statusParts = lines[0].Split(' ', 3);
        if (statusParts.Length < 2 || !statusParts[0].StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase) || !int.TryParse(statusParts[1], out int status))
            throw new InputRejectedException("invalid HTTP status line");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            int colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        var body = block.AsSpan(headerEnd + sepLength).ToArray();
        if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            body = Dechunk(body);
        if (headers.TryGetValue("Content-Encoding", out var ce) && !string.IsNullOrWhiteSpace(ce) && !ce.Equals("identity", StringComparison.OrdinalIgnoreCase))
            body = Decompress(body, ce.Trim().ToLowerInvariant(), maxBytes);
        headers.TryGetValue("Content-Type", out var contentType);
        string? charset = null;
        if (contentType is not null)
        {
            int at = contentType.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
            if (at >= 0) charset = contentType[(at + 8)..].Split(';')[0].Trim().Trim('"');
        }
        return new HttpPayload(status, contentType, charset, body);
    }

    private static int IndexOf(byte[] data, ReadOnlySpan<byte> crlf, out int sepLength)
    {
        int i = data.AsSpan().IndexOf(crlf);
        sepLength = 4;
        if (i >= 0) return i;
        sepLength = 2;
        return data.AsSpan().IndexOf("\n\n"u8); // some crawlers archive bare LF headers
    }

    private static byte[] Dechunk(byte[] body)
    {
        var output = new MemoryStream();
        int pos = 0;
        while (pos < body.Length)
        {
            int eol = body.AsSpan(pos).IndexOf((byte)'\n');
            if (eol < 0) break;
            var sizeText = Encoding.ASCII.GetString(body, pos, eol).Trim().Split(';')[0];
            if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out int size) || size < 0)
                throw new InputRejectedException("invalid chunk size in chunked HTTP body");
            pos += eol + 1;
            if (size == 0) break;
            size = Math.Min(size, body.Length - pos); // a truncated last chunk keeps what arrived
            output.Write(body, pos, size);
            pos += size;
            while (pos < body.Length && (body[pos] == '\r' || body[pos] == '\n')) pos++;
        }
        return output.ToArray();
    }

    private static byte[] Decompress(byte[] body, string coding, long maxBytes)
    {
        using var input = new MemoryStream(body);
        Stream decoder = coding switch
        {
            "gzip" or "x-gzip" => new GZipStream(input, CompressionMode.Decompress),
            "deflate" => new ZLibStream(input, CompressionMode.Decompress),
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            _ => throw new InputRejectedException($"unsupported Content-Encoding \"{coding}\""),
        };
        using (decoder)
        {
            try
            {
                return StreamLimits.ReadCapped(decoder, maxBytes, "payload");
            }
            catch (InvalidDataException ex)
            {
                throw new InputRejectedException($"corrupt {coding} payload: {ex.Message}");
            }
        }
    }
}
