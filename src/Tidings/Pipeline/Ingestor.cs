using Tidings.Documents;
using Tidings.Storage;

namespace Tidings.Pipeline;

/// <summary>
/// Ingests inputs into a store, one transaction per batch. A writer thread stores batch N while the other
/// cores read and clean batch N+1; a failed batch stops the run and leaves the batches before it stored.
/// </summary>
public sealed class Ingestor(ArticleFlow flow, IArticleStore store, int batchSize = 500)
{
    public IngestSummary Run(IEnumerable<string> paths, IProgress<IngestProgress>? progress = null, CancellationToken cancel = default)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var summary = new IngestSummary();
        int stored = 0, duplicates = 0, unchanged = 0;
        using var queue = new System.Collections.Concurrent.BlockingCollection<List<Article>>(boundedCapacity: 2);
        var writer = Task.Factory.StartNew(() =>
        {
            foreach (var batch in queue.GetConsumingEnumerable())
            {
                foreach (var outcome in store.StoreBatch(batch))
                {
                    switch (outcome.Outcome)
                    {
                        case StoreOutcome.Stored: stored++; break;
                        case StoreOutcome.Duplicate: duplicates++; break;
                        default: unchanged++; break;
                    }
                }
            }
        }, TaskCreationOptions.LongRunning);
        try
        {
            var batch = new List<Article>(batchSize);
            foreach (var result in flow.Process(paths, summary, progress, cancel))
            {
                if (result.Article is null) continue;
                batch.Add(result.Article);
                if (batch.Count < batchSize) continue;
                if (!TryHandOver(queue, batch, writer)) break;
                batch = new List<Article>(batchSize);
            }
            if (batch.Count > 0) TryHandOver(queue, batch, writer);
        }
        finally
        {
            queue.CompleteAdding();
            // The writer's failure (a full disk, a constraint) is the run's failure.
            writer.GetAwaiter().GetResult();
        }
        summary.Stored = stored;
        summary.Duplicates = duplicates;
        summary.Unchanged = unchanged;
        summary.Elapsed = started.Elapsed;
        return summary;
    }

    private static bool TryHandOver(System.Collections.Concurrent.BlockingCollection<List<Article>> queue, List<Article> batch, Task writer)
    {
        // A writer that died cannot take more; waiting on a full queue would then wait forever.
        while (!queue.TryAdd(batch, 100))
            if (writer.IsCompleted) return false;
        return true;
    }
}
