using Tidings.Documents;
using Tidings.Ingest;
using Tidings.Storage;

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

/// <summary>
/// Reads inputs, runs the pipeline over each article and hands the results on in order: to a store in
/// batches (<c>ingest</c>) or to a writer one by one (<c>analyze</c>). Articles are processed on all cores;
/// order, and so the output, stays that of the input.
/// </summary>
public sealed class ArticleFlow(InputReader reader, ArticlePipeline pipeline, int degreeOfParallelism = 0)
{
    private const int ChunkSize = 256;
    private readonly int _parallelism = degreeOfParallelism > 0 ? degreeOfParallelism : Environment.ProcessorCount;

    /// <summary>Processed articles and problems, in input order.</summary>
    public IEnumerable<ReadResult> Process(IEnumerable<string> paths, IngestSummary summary, IProgress<IngestProgress>? progress = null,
        CancellationToken cancel = default)
    {
        var inputs = InputReader.Enumerate(paths).ToList();
        long totalBytes = inputs.Sum(i => i.Input?.Length ?? 0);
        int done = 0, seen = 0;
        long bytesDone = 0;
        var chunk = new List<ReadResult>(ChunkSize);
        foreach (var (input, problem) in inputs)
        {
            cancel.ThrowIfCancellationRequested();
            summary.Inputs++;
            if (problem is not null)
            {
                summary.Skipped.Add(problem);
                continue;
            }
            foreach (var result in reader.Read(input!))
            {
                chunk.Add(result);
                seen++;
                if (chunk.Count < ChunkSize) continue;
                foreach (var r in Finish(chunk, summary)) yield return r;
                chunk.Clear();
                progress?.Report(new(done, inputs.Count, bytesDone, totalBytes, seen, input!.Source));
            }
            done++;
            bytesDone += input!.Length ?? 0;
            progress?.Report(new(done, inputs.Count, bytesDone, totalBytes, seen, input.Source));
        }
        foreach (var r in Finish(chunk, summary)) yield return r;
        summary.Bytes = bytesDone;
    }

    private IEnumerable<ReadResult> Finish(List<ReadResult> chunk, IngestSummary summary)
    {
        var processed = chunk.AsParallel().AsOrdered().WithDegreeOfParallelism(_parallelism)
            .Select(r => r.Article is { } a ? Check(pipeline.Process(a)) : r).ToList();
        foreach (var r in processed)
        {
            if (r.Problem is not null) summary.Skipped.Add(r.Problem);
            else summary.Read++;
        }
        return processed;
    }

    private static ReadResult Check(Article a) =>
        a.Body.Count == 0 ? ReadResult.Fail(a.Source, "no article text left after removing the headline and boilerplate") : ReadResult.Ok(a);
}

/// <summary>Ingests inputs into a store, one transaction per batch.</summary>
public sealed class Ingestor(ArticleFlow flow, IArticleStore store, int batchSize = 500)
{
    public IngestSummary Run(IEnumerable<string> paths, IProgress<IngestProgress>? progress = null, CancellationToken cancel = default)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var summary = new IngestSummary();
        var batch = new List<Article>(batchSize);
        foreach (var result in flow.Process(paths, summary, progress, cancel))
        {
            if (result.Article is null) continue;
            batch.Add(result.Article);
            if (batch.Count >= batchSize) Flush(batch, summary);
        }
        Flush(batch, summary);
        summary.Elapsed = started.Elapsed;
        return summary;
    }

    private void Flush(List<Article> batch, IngestSummary summary)
    {
        if (batch.Count == 0) return;
        foreach (var outcome in store.StoreBatch(batch))
        {
            switch (outcome.Outcome)
            {
                case StoreOutcome.Stored: summary.Stored++; break;
                case StoreOutcome.Duplicate: summary.Duplicates++; break;
                default: summary.Unchanged++; break;
            }
        }
        batch.Clear();
    }
}
