using System.IO.Compression;
using System.Text;
using Tidings.Documents;

namespace Tidings.Ingest;

/// <summary>
/// WARC and WARC.gz files as Common Crawl's CC-NEWS publishes them. Records are streamed one at a time
/// (gzip members are read in sequence), so memory does not grow with the file; each <c>response</c>
/// record with an HTML payload becomes an article dated by the page, else by the record's WARC-Date.
/// </summary>
public sealed class WarcReader : IArticleReader
{
    public InputFormat Format => InputFormat.Warc;

    public IEnumerable<ReadResult> Read(InputDocument input, ReaderOptions options)
    {
        using var raw = input.Open();
        var head = new byte[2];
        int got = raw.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        raw.Dispose();
        using var file = input.Open();
        Stream stream = got == 2 && head[0] == 0x1F && head[1] == 0x8B ? new GZipStream(file, CompressionMode.Decompress) : file;
        var reader = new WarcRecordReader(stream, options.MaxBytes);
        int index = 0;
        while (true)
        {
            WarcRecord? record;
            string? error = null;
            try
            {
                record = reader.Next();
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or InputRejectedException)
            {
                record = null;
                error = ex.Message;
            }
            index++;
            string source = $"{input.Source}#record {index}";
            if (error is not null)
            {
                yield return ReadResult.Fail(source, $"truncated or corrupt WARC record: {error}");
                yield break; // without a valid length the next record cannot be found
            }
            if (record is null) yield break;
            if (record.Oversized)
            {
                yield return ReadResult.Fail(source, $"record larger than the {StreamLimits.FormatSize(options.MaxBytes)} limit");
                continue;
            }
            if (!record.Type.Equals("response", StringComparison.OrdinalIgnoreCase)) continue;
            var result = FromResponse(record, source, options);
            if (result is { } r) yield return r;
        }
    }

    private static ReadResult? FromResponse(WarcRecord record, string source, ReaderOptions options)
    {
        HttpPayload payload;
        try
        {
            payload = HttpPayload.Parse(record.Block, options.MaxBytes);
        }
        catch (InputRejectedException ex)
        {
            return ReadResult.Fail(source, ex.Message);
        }
        if (payload.Status is < 200 or >= 300) return null; // redirects and errors are not articles
        if (payload.ContentType is { } ct && !ct.Contains("html", StringComparison.OrdinalIgnoreCase)) return null;
        if (payload.Body.Length == 0) return ReadResult.Fail(source, "empty HTTP response body");
        var inner = new InputDocument(source, () => new MemoryStream(payload.Body, writable: false), payload.Body.Length)
        {
            Charset = payload.Charset,
            Url = record.TargetUri,
            FallbackDate = record.Date,
        };
        return HtmlReader.FromBytes(payload.Body, inner, ArticleFormat.Warc);
    }
}

/// <summary>One WARC record: its headers of interest and its block.</summary>
public sealed record WarcRecord(string Type, string? TargetUri, DateTimeOffset? Date, byte[] Block, bool Oversized);

/// <summary>Reads WARC records one by one from a (decompressed) stream.</summary>
public sealed class WarcRecordReader(Stream stream, long maxBlockBytes)
{
    private readonly BufferedStream _in = new(stream, 1 << 16);

    public WarcRecord? Next()
    {
        string? line;
        do
        {
            line = ReadLine();
            if (line is null) return null;
        } while (line.Length == 0);
        if (!line.StartsWith("WARC/", StringComparison.Ordinal)) throw new InvalidDataException($"expected a WARC/1.x version line, found \"{Shorten(line)}\"");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while ((line = ReadLine()) is { Length: > 0 })
        {
            int colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        if (line is null) throw new InvalidDataException("file ends inside the record headers");
        if (!headers.TryGetValue("Content-Length", out var lenText) || !long.TryParse(lenText, out long length) || length < 0)
            throw new InvalidDataException("missing or invalid Content-Length");
        headers.TryGetValue("WARC-Type", out var type);
        headers.TryGetValue("WARC-Target-URI", out var uri);
        DateTimeOffset? date = headers.TryGetValue("WARC-Date", out var dateText) && DateTimeOffset.TryParse(dateText, out var d) ? d : null;
        if (length > maxBlockBytes)
        {
            Skip(length);
            return new WarcRecord(type ?? "", uri?.Trim('<', '>'), date, [], true);
        }
        var block = new byte[length];
        int read = _in.ReadAtLeast(block, (int)length, throwOnEndOfStream: false);
        if (read < length) throw new InvalidDataException($"record block has {read} of {length} bytes");
        return new WarcRecord(type ?? "", uri?.Trim('<', '>'), date, block, false);
    }

    private void Skip(long length)
    {
        var buffer = new byte[81920];
        while (length > 0)
        {
            int n = _in.Read(buffer, 0, (int)Math.Min(buffer.Length, length));
            if (n == 0) throw new InvalidDataException("file ends inside a record block");
            length -= n;
        }
    }

    private string? ReadLine()
    {
        var sb = new StringBuilder();
        int b;
        while ((b = _in.ReadByte()) >= 0)
        {
            if (b == '\n') return sb.ToString().TrimEnd('\r');
            if (sb.Length > 65536) throw new InvalidDataException("header line too long");
            sb.Append((char)b);
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
