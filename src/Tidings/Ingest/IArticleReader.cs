using Tidings.Documents;

namespace Tidings.Ingest;

/// <summary>An article read from an input, or the reason a part of the input could not be read.</summary>
public readonly record struct ReadResult(Article? Article, IngestProblem? Problem)
{
    public static ReadResult Ok(Article article) => new(article, null);

    public static ReadResult Fail(string source, string reason) => new(null, new IngestProblem(source, reason));
}

/// <summary>Options every reader honours, validated once.</summary>
public sealed record ReaderOptions
{
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    /// <summary>Largest single document: a whole file for text, HTML and feeds, a line for JSON Lines, a record for WARC.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    public static ReaderOptions Default { get; } = new();

    public ReaderOptions Validate() =>
        MaxBytes is < 1024 or > 4L * 1024 * 1024 * 1024
            ? throw new ArgumentOutOfRangeException(nameof(MaxBytes), "the size limit must be between 1 KB and 4 GB")
            : this;
}

/// <summary>Reads one input format into articles. Problems with part of an input are yielded, not thrown.</summary>
public interface IArticleReader
{
    InputFormat Format { get; }

    IEnumerable<ReadResult> Read(InputDocument input, ReaderOptions options);
}
