using Tidings.Documents;

namespace Tidings.Storage;

/// <summary>What happened to one article in a batch.</summary>
public enum StoreOutcome
{
    /// <summary>A new article.</summary>
    Stored,

    /// <summary>Same body (or same URL) as an article already stored; recorded as another source of it.</summary>
    Duplicate,

    /// <summary>Already stored from this very source: re-ingesting changes nothing.</summary>
    Unchanged,
}

public sealed record StoredArticleOutcome(string Id, string Source, StoreOutcome Outcome, string? DuplicateOf);

/// <summary>A row of the articles list.</summary>
public sealed record ArticleSummary(string Id, string? Title, string? Outlet, DateTimeOffset? Published, bool PublishedInferred, string? Url, int Sources);

public sealed record ArticleQuery
{
    public string? Outlet { get; init; }
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }
    public int Limit { get; init; } = 100;
    public int Offset { get; init; }
}

/// <summary>A search hit; the snippet marks matched words with <see cref="SearchHit.MarkStart"/> and <see cref="SearchHit.MarkEnd"/>.</summary>
public sealed record SearchHit(string Id, string? Title, string? Outlet, DateTimeOffset? Published, string Snippet, double Score)
{
    public const char MarkStart = '\u0002';
    public const char MarkEnd = '\u0003';
}

/// <summary>Where one stored article was seen.</summary>
public sealed record ArticleSource(string Source, string? Url, string? Outlet, DateTimeOffset SeenAt);

/// <summary>The query could not be understood by the search engine; the message says why.</summary>
public sealed class SearchQueryException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Persists articles. Each batch is atomic: after a failure or a kill, either all of a batch is stored or none of it.
/// SQLite is the embedded default; a server store implements the same interface.
/// </summary>
public interface IArticleStore : IDisposable
{
    IReadOnlyList<StoredArticleOutcome> StoreBatch(IReadOnlyList<Article> articles);

    Article? Get(string idOrPrefix);

    IReadOnlyList<ArticleSource> Sources(string id);

    IReadOnlyList<ArticleSummary> List(ArticleQuery query);

    IReadOnlyList<SearchHit> Search(string query, int limit = 20);

    int Count();
}
