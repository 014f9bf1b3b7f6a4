using Tidings.Documents;
using Tidings.Ingest;
using Tidings.Storage;

namespace Tidings.Pipeline;

/// <summary>
/// Reads inputs, runs the pipeline over each article and hands the results on in order: to a store in
/// batches (<c>ingest</c>) or to a writer one by one (<c>analyze</c>). Work runs on all cores: many small
/// inputs are read and processed in parallel; a large input (a feed dump, a WARC file) is read in sequence
/// and its articles processed in parallel. Order, and so the output, stays that of the input.
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
        var small = new List<InputDocument>(ChunkSize);
        // While the caller writes or stores one chunk, the next one is read and cleaned.
        Task<List<ReadResult>>? pending = null;
        foreach (var (input, problem) in inputs)
        {
            cancel.ThrowIfCancellationRequested();
            summary.Inputs++;
            if (problem is not null)
            {
                foreach (var r in Drain()) yield return r;
                summary.Skipped.Add(problem);
                continue;
            }
            if (input!.IsSmall)
            {
                small.Add(input);
                if (small.Count < ChunkSize) continue;
                var started = StartSmall();
                foreach (var r in Collect()) yield return r;
                pending = started;
                continue;
            }
            foreach (var r in Drain()) yield return r;
            var chunk = new List<ReadResult>(ChunkSize);
            foreach (var result in reader.Read(input))
            {
                chunk.Add(result);
                if (chunk.Count < ChunkSize) continue;
                foreach (var r in Finish(ProcessAll(chunk), summary)) yield return r;
                seen += chunk.Count;
                chunk.Clear();
                progress?.Report(new(done, inputs.Count, bytesDone, totalBytes, seen, input.Source));
            }
            foreach (var r in Finish(ProcessAll(chunk), summary)) yield return r;
            seen += chunk.Count;
            Advance(input);
        }
        foreach (var r in Drain()) yield return r;
        summary.Bytes = bytesDone;

        Task<List<ReadResult>> StartSmall()
        {
            var batch = small.ToList();
            small.Clear();
            return Task.Run(() =>
            {
                var results = batch.AsParallel().AsOrdered().WithDegreeOfParallelism(_parallelism)
                    .SelectMany(i => reader.Read(i).Select(Process).ToList()).ToList();
                foreach (var i in batch) Advance(i, results.Count / Math.Max(1, batch.Count));
                return results;
            }, cancel);
        }

        // The chunk in flight, finished, in order.
        List<ReadResult> Collect()
        {
            if (pending is null) return [];
            var results = pending.GetAwaiter().GetResult();
            pending = null;
            return Finish(results, summary);
        }

        // Everything read so far: the chunk in flight, then what is still gathering.
        IEnumerable<ReadResult> Drain()
        {
            var flushed = Collect();
            if (small.Count == 0) return flushed;
            pending = StartSmall();
            return flushed.Concat(Collect());
        }

        void Advance(InputDocument input, int articles = 0)
        {
            lock (summary)
            {
                done++;
                seen += articles;
                bytesDone += input.Length ?? 0;
                progress?.Report(new(done, inputs.Count, bytesDone, totalBytes, seen, input.Source));
            }
        }
    }

    /// <summary>One input already in memory (an upload to the web API): its articles processed, or its problems, in order.</summary>
    public List<ReadResult> Process(InputDocument input) => ProcessAll(reader.Read(input).ToList());

    private List<ReadResult> ProcessAll(List<ReadResult> chunk) =>
        chunk.AsParallel().AsOrdered().WithDegreeOfParallelism(_parallelism).Select(Process).ToList();

    private ReadResult Process(ReadResult r) => r.Article is { } a ? Check(pipeline.Process(a)) : r;

    private static List<ReadResult> Finish(List<ReadResult> processed, IngestSummary summary)
    {
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

