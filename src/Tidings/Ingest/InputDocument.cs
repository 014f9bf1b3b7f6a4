namespace Tidings.Ingest;

/// <summary>One input to read: a file, standard input, or a payload found inside another input.</summary>
public sealed class InputDocument
{
    private readonly Func<Stream> _open;

    public InputDocument(string source, Func<Stream> open, long? length)
    {
        Source = source;
        _open = open;
        Length = length;
    }

    public static InputDocument FromBytes(string source, byte[] bytes) =>
        new(source, () => new MemoryStream(bytes, writable: false), bytes.Length);

    public static InputDocument FromFile(string path) =>
        new(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), new FileInfo(path).Length);

    /// <summary>File path, "-" for standard input, with "#record N" or ":line" for inner documents.</summary>
    public string Source { get; }

    public long? Length { get; }

    /// <summary>Charset given outside the content, e.g. by an HTTP header in a WARC record.</summary>
    public string? Charset { get; init; }

    public string? Url { get; init; }

    /// <summary>Date known from outside the content (a crawl date); used only when the content states none.</summary>
    public DateTimeOffset? FallbackDate { get; init; }

    public Stream Open() => _open();

    /// <summary>Reads the whole input, refusing more than <paramref name="maxBytes"/>.</summary>
    public byte[] ReadAll(long maxBytes)
    {
        using var stream = Open();
        return StreamLimits.ReadCapped(stream, maxBytes, Source);
    }
}

/// <summary>A reason an input, or part of one, was not stored. The ingest goes on with the rest.</summary>
public sealed record IngestProblem(string Source, string Reason);

/// <summary>Thrown when an input (or one record of it) must be skipped; the message is the reason shown to the user.</summary>
public sealed class InputRejectedException(string reason) : Exception(reason);

public static class StreamLimits
{
    /// <summary>Reads a stream to the end, or throws when it holds more than <paramref name="maxBytes"/>.</summary>
    public static byte[] ReadCapped(Stream stream, long maxBytes, string what)
    {
        var ms = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (ms.Length + n > maxBytes)
                throw new InputRejectedException($"larger than the {FormatSize(maxBytes)} limit (use --max-size to raise it)");
            ms.Write(buffer, 0, n);
        }
        return ms.ToArray();
    }

    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0.#} KB",
        _ => $"{bytes} bytes",
    };
}
