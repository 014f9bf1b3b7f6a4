using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Tidings.Documents;
using Tidings.Ingest;
using Tidings.Pipeline;
using Tidings.Storage;
using Tidings.Stories;
using Tidings.Web.Data;

namespace Tidings.Web;

/// <summary>What every request shares: the store pool, the entity directory, and the caches of derived views.</summary>
public sealed class WebContext : IDisposable
{
    /// <summary>Above this many articles, stories are not re-clustered after a submission (it takes a while); `tidings stories` does it.</summary>
    public const int StoryRebuildLimit = 20_000;

    private const int CachedComparisons = 512;
    private readonly ConcurrentDictionary<string, StoryComparison> _comparisons = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Lazy<ArticleFlow> _flow;

    public WebContext(WebServerOptions options)
    {
        Options = options;
        Stores = new StorePool(options.DatabasePath);
        _flow = new(() => new ArticleFlow(new InputReader(new ReaderOptions { MaxBytes = options.MaxSubmissionBytes }), ArticlePipeline.CreateDefault(options.EventCoding)));
        using var lease = Stores.Rent();
        Refresh(lease.Store);
    }

    /// <summary>Links new articles to the global entity table (which rewrites their quotes' speakers), then indexes them for the pages.</summary>
    private static void Refresh(SqliteArticleStore store)
    {
        new SqliteEntityStore(store).Update();
        AnnotationIndex.Update(store);
    }

    public WebServerOptions Options { get; }

    public StorePool Stores { get; }

    public IEntityDirectory Entities { get; } = new GlobalEntityDirectory();

    public ArticleFlow Flow => _flow.Value;

    /// <summary>
    /// The side-by-side comparison of a story: from memory, else as stored with the story (see
    /// <see cref="StoryComparisonStore"/>), else computed — and then stored, so that it is computed once per story and
    /// set of articles (storing is skipped when the database is busy: it is only a cache).
    /// </summary>
    public StoryComparison Compare(SqliteArticleStore store, StoryRecord story, Func<List<Article>> articles)
    {
        string key = story.Id + ":" + StoryComparisonStore.KeyOf(story);
        if (_comparisons.TryGetValue(key, out var cached)) return cached;
        var comparisons = new StoryComparisonStore(store.Connection);
        var comparison = comparisons.Get(story);
        if (comparison is null)
        {
            comparison = CoverageComparer.Compare(articles());
            try { comparisons.Put(story, comparison); }
            catch (SqliteException) { }
        }
        if (_comparisons.Count >= CachedComparisons) _comparisons.Clear();
        _comparisons[key] = comparison;
        return comparison;
    }

    /// <summary>Stores submitted articles in one transaction, then brings stories and the page index up to date.</summary>
    public async Task<IReadOnlyList<StoredArticleOutcome>> StoreAsync(IReadOnlyList<Article> articles)
    {
        await _writer.WaitAsync();
        try
        {
            using var lease = Stores.Rent();
            var outcomes = lease.Store.StoreBatch(articles);
            var stories = new SqliteStoryStore(lease.Store);
            if (stories.IsStale() && lease.Store.Count() <= StoryRebuildLimit) stories.Rebuild();
            var events = new SqliteEventStore(lease.Store);
            if (events.IsStale()) events.Rebuild();
            Refresh(lease.Store);
            return outcomes;
        }
        finally
        {
            _writer.Release();
        }
    }

    public void Dispose()
    {
        Stores.Dispose();
        _writer.Dispose();
    }
}
