using Tidings.Ingest;

namespace Tidings.Pipeline;

/// <summary>Progress of a run: inputs and bytes done out of the total, and articles read so far.</summary>
public readonly record struct IngestProgress(int InputsDone, int InputsTotal, long BytesDone, long BytesTotal, int Articles, string Current);

/// <summary>What a run did.</summary>
public sealed class IngestSummary
{
    public int Inputs { get; set; }
    public int Read { get; set; }
    public int Stored { get; set; }
    public int Duplicates { get; set; }
    public int Unchanged { get; set; }
    public List<IngestProblem> Skipped { get; } = [];
    public long Bytes { get; set; }
    public TimeSpan Elapsed { get; set; }
}
