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
        new(source, () => new MemoryStream(bytes, writable: false), bytes.Length) { _bytes = bytes };

    public static InputDocument FromFile(string path) =>
        new(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), new FileInfo(path).Length) { _path = path };

    // Small inputs are read once and kept: format detection and the reader then share the same bytes.
    private const int KeepBelow = 1 << 20;
    private byte[]? _bytes;
    private string? _path;

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
        if (_bytes is not null)
            return _bytes.Length <= maxBytes ? _bytes : throw new InputRejectedException($"larger than the {StreamLimits.FormatSize(maxBytes)} limit (use --max-size to raise it)");
        if (_path is not null && Length is < KeepBelow && Length <= maxBytes)
        {
            var bytes = File.ReadAllBytes(_path);
            if (bytes.Length <= maxBytes) return _bytes = bytes;
        }
        using var stream = Open();
        return StreamLimits.ReadCapped(stream, maxBytes, Source);
    }

    /// <summary>Drops the kept bytes once the input has been read, so memory does not grow with the run.</summary>
    public void Forget() => _bytes = _path is null ? _bytes : null;

    /// <summary>True when the input is small enough to be read whole in one go.</summary>
    public bool IsSmall => Length is < KeepBelow;

    /// <summary>The first bytes of the input, for format detection.</summary>
    public ReadOnlySpan<byte> Head(int size)
    {
        if (_bytes is null && _path is not null && Length is < KeepBelow) _bytes = File.ReadAllBytes(_path);
        if (_bytes is not null) return _bytes.AsSpan(0, Math.Min(size, _bytes.Length));
        var head = new byte[size];
        using var s = Open();
        int n = s.ReadAtLeast(head, size, throwOnEndOfStream: false);
        return head.AsSpan(0, n);
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
