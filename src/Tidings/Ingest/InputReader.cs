using System.IO.Compression;

namespace Tidings.Ingest;

/// <summary>
/// Reads any supported input: detects the format from the content, hands it to the right reader, and
/// turns every failure into a problem with the input's name — never an exception that stops the run.
/// </summary>
public sealed class InputReader
{
    private readonly ReaderOptions _options;
    private readonly Dictionary<InputFormat, IArticleReader> _readers;

    public InputReader(ReaderOptions? options = null)
    {
        _options = (options ?? ReaderOptions.Default).Validate();
        _readers = new IArticleReader[] { new PlainTextReader(), new HtmlReader(), new FeedReader(), new JsonArticleReader(), new WarcReader() }
            .ToDictionary(r => r.Format);
    }

    public ReaderOptions Options => _options;

    /// <summary>All inputs under the given paths: files, directories (recursively, in name order) and "-" for standard input.</summary>
    public static IEnumerable<(InputDocument? Input, IngestProblem? Problem)> Enumerate(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (path == "-")
            {
                yield return (StandardInput(), null);
            }
            else if (Directory.Exists(path))
            {
                IEnumerable<string> files;
                try
                {
                    files = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden })
                        .Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList();
                }
                catch (IOException ex)
                {
                    files = [];
                    Console.Error.WriteLine(ex.Message);
                }
                foreach (var f in files) yield return (InputDocument.FromFile(f), null);
            }
            else if (File.Exists(path))
            {
                yield return (InputDocument.FromFile(path), null);
            }
            else
            {
                yield return (null, new IngestProblem(path, "no such file or directory"));
            }
        }
    }

    /// <summary>Standard input is spooled to a temporary file so that it can be sniffed and then read.</summary>
    private static InputDocument StandardInput()
    {
        var temp = Path.GetTempFileName();
        using (var stdin = Console.OpenStandardInput())
        using (var file = File.Create(temp))
            stdin.CopyTo(file);
        // The input is opened more than once (to sniff, then to read): the spool lives until the process ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(temp);
        return new InputDocument("-", () => new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16), new FileInfo(temp).Length);
    }

    public IEnumerable<ReadResult> Read(InputDocument input)
    {
        foreach (var r in Read(input, nested: false)) yield return r;
        input.Forget();
    }

    private IEnumerable<ReadResult> Read(InputDocument input, bool nested)
    {
        InputFormat format;
        string? problem = null;
        format = InputFormat.PlainText;
        try
        {
            format = Detect(input);
            if (format is not (InputFormat.Warc or InputFormat.Json or InputFormat.Gzip) && input.Length > _options.MaxBytes)
                problem = $"file is {StreamLimits.FormatSize(input.Length.Value)}, larger than the {StreamLimits.FormatSize(_options.MaxBytes)} limit (use --max-size to raise it)";
        }
        catch (InputRejectedException ex)
        {
            problem = ex.Message;
        }
        catch (IOException ex)
        {
            problem = $"cannot read: {ex.Message}";
        }
        catch (UnauthorizedAccessException ex)
        {
            problem = $"cannot read: {ex.Message}";
        }
        if (problem is not null)
        {
            yield return ReadResult.Fail(input.Source, problem);
            yield break;
        }
        if (format == InputFormat.Gzip)
        {
            if (nested)
            {
                yield return ReadResult.Fail(input.Source, "gzip inside gzip is not supported");
                yield break;
            }
            InputDocument? inner = null;
            try
            {
                inner = Gunzip(input);
            }
            catch (Exception ex) when (ex is InputRejectedException or InvalidDataException or IOException)
            {
                problem = $"gzip: {ex.Message}";
            }
            if (inner is null)
            {
                yield return ReadResult.Fail(input.Source, problem!);
                yield break;
            }
            foreach (var r in Read(inner, nested: true)) yield return r;
            yield break;
        }
        var reader = _readers[format];
        using var results = SafeEnumerate(reader, input).GetEnumerator();
        while (results.MoveNext()) yield return results.Current;
    }

    /// <summary>Runs a reader, turning an unexpected failure into a problem for the input instead of a crash.</summary>
    private IEnumerable<ReadResult> SafeEnumerate(IArticleReader reader, InputDocument input)
    {
        using var e = reader.Read(input, _options).GetEnumerator();
        while (true)
        {
            ReadResult current;
            bool failed = false;
            try
            {
                if (!e.MoveNext()) yield break;
                current = e.Current;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                current = ReadResult.Fail(input.Source, $"unreadable {reader.Format} input: {ex.Message}");
                failed = true;
            }
            yield return current;
            if (failed) yield break;
        }
    }

    private static InputFormat Detect(InputDocument input)
    {
        var format = FormatDetector.Detect(input.Head(FormatDetector.HeadSize), input.Source);
        if (format != InputFormat.Gzip) return format;
        // A WARC.gz is read by the WARC reader member by member; any other gzip is unpacked first.
        using var gz = new GZipStream(input.Open(), CompressionMode.Decompress);
        var inner = new byte[5];
        int m = 0;
        try
        {
            m = gz.ReadAtLeast(inner, inner.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException)
        {
            throw new InputRejectedException("corrupt gzip data");
        }
        return m == 5 && inner.AsSpan().SequenceEqual("WARC/"u8) ? InputFormat.Warc : InputFormat.Gzip;
    }

    /// <summary>Unpacks a gzip input in memory, refusing to grow past the size limit (gzip bombs).</summary>
    private InputDocument Gunzip(InputDocument input)
    {
        using var gz = new GZipStream(input.Open(), CompressionMode.Decompress);
        var bytes = StreamLimits.ReadCapped(gz, _options.MaxBytes, input.Source);
        return InputDocument.FromBytes(input.Source, bytes);
    }
}
