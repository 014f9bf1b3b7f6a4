using System.Globalization;
using Microsoft.Data.Sqlite;
using Tidings.Documents;

namespace Tidings.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, a versioned schema, FTS5 over headline and body,
/// one transaction per batch.
/// </summary>
public sealed class SqliteArticleStore : IArticleStore
{
    public const string DefaultPath = "tidings.db";

    private readonly SqliteConnection _connection;

    public SqliteArticleStore(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode = WAL");
        Execute("PRAGMA synchronous = NORMAL");
        Execute("PRAGMA foreign_keys = ON");
        Execute("PRAGMA busy_timeout = 10000");
        SqliteSchema.Migrate(_connection);
    }


    public IReadOnlyList<StoredArticleOutcome> StoreBatch(IReadOnlyList<Article> articles)
    {
        var outcomes = new List<StoredArticleOutcome>(articles.Count);
        using var tx = _connection.BeginTransaction();
        using var findById = Command(tx, "SELECT id FROM articles WHERE id = $id");
        using var findByHash = Command(tx, "SELECT id FROM articles WHERE content_hash = $h");
        using var hasSource = Command(tx, "SELECT 1 FROM article_sources WHERE article_id = $id AND source = $s");
        using var insertSource = Command(tx, "INSERT INTO article_sources(article_id, source, url, outlet, seen_at) VALUES ($id, $s, $u, $o, $t)");
        using var insertArticle = Command(tx, """
            INSERT INTO articles(id, content_hash, format, source, url, title, outlet, author, language, published,
                                 published_inferred, text, spans, ingested_at)
            VALUES ($id, $h, $f, $s, $u, $ti, $o, $a, $l, $p, $pi, $tx, $sp, $t);
            INSERT INTO articles_fts(rowid, title, body) VALUES (last_insert_rowid(), $ti, $b);
            """);
        string now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        foreach (var a in articles)
        {
            if (string.IsNullOrEmpty(a.Id) || string.IsNullOrEmpty(a.ContentHash))
                throw new ArgumentException($"article from {a.Source} has no id: run the pipeline before storing it");
            // The same URL, or the same body under another URL, is one article seen in several places.
            string? existing = (string?)Run(findById, ("$id", a.Id)) ?? (string?)Run(findByHash, ("$h", a.ContentHash));
            if (existing is not null)
            {
                if (Run(hasSource, ("$id", existing), ("$s", a.Source)) is not null)
                {
                    outcomes.Add(new(existing, a.Source, StoreOutcome.Unchanged, null));
                    continue;
                }
                Exec(insertSource, ("$id", existing), ("$s", a.Source), ("$u", a.Url), ("$o", a.Outlet), ("$t", now));
                outcomes.Add(new(existing, a.Source, StoreOutcome.Duplicate, existing));
                continue;
            }
            Exec(insertArticle, ("$id", a.Id), ("$h", a.ContentHash), ("$f", a.Format.ToString()), ("$s", a.Source),
                ("$u", a.Url), ("$ti", a.Title), ("$o", a.Outlet), ("$a", a.Author), ("$l", a.Language),
                ("$p", FormatDate(a.Published)), ("$pi", a.PublishedInferred ? 1 : 0), ("$tx", a.Text),
                ("$sp", ArticleSpansRecord.Serialize(a)), ("$t", now), ("$b", a.BodyText));
            Exec(insertSource, ("$id", a.Id), ("$s", a.Source), ("$u", a.Url), ("$o", a.Outlet), ("$t", now));
            // In the article's transaction: a crash never leaves an article without its event mentions or the reverse.
            SqliteEventStore.WriteMentions(_connection, tx, a);
            outcomes.Add(new(a.Id, a.Source, StoreOutcome.Stored, null));
        }
        tx.Commit();
        return outcomes;
    }

    public Article? Get(string idOrPrefix)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {ArticleColumns} FROM articles WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", idOrPrefix);
        var article = ReadOne(cmd);
        if (article is not null || idOrPrefix.Length < 4) return article;
        // A unique prefix is enough, as with git commits.
        cmd.CommandText = $"SELECT {ArticleColumns} FROM articles WHERE id >= $id AND id < $id || char(1114111) ORDER BY id LIMIT 2";
        using var reader = cmd.ExecuteReader();
        var found = new List<Article>();
        while (reader.Read()) found.Add(ReadArticle(reader));
        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>Articles stored after <paramref name="rowid"/>, in storage order: derived indexes (the web pages') catch up with it.</summary>
    public IReadOnlyList<(long Rowid, Article Article)> ReadAfter(long rowid, int limit)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {ArticleColumns}, rowid FROM articles WHERE rowid > $r ORDER BY rowid LIMIT $n";
        cmd.Parameters.AddWithValue("$r", rowid);
        cmd.Parameters.AddWithValue("$n", limit);
        using var reader = cmd.ExecuteReader();
        var list = new List<(long, Article)>();
        while (reader.Read()) list.Add((reader.GetInt64(13), ReadArticle(reader)));
        return list;
    }

    private const string ArticleColumns = "id, content_hash, format, source, url, title, outlet, author, language, published, published_inferred, text, spans";

    private static Article? ReadOne(SqliteCommand cmd)
    {
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? ReadArticle(reader) : null;
    }

    private static Article ReadArticle(SqliteDataReader r)
    {
        var format = Enum.TryParse<ArticleFormat>(r.GetString(2), out var f) ? f : ArticleFormat.PlainText;
        var a = new Article(r.GetString(11), r.GetString(3), format)
        {
            Id = r.GetString(0),
            ContentHash = r.GetString(1),
            Url = NullableString(r, 4),
            Title = NullableString(r, 5),
            Outlet = NullableString(r, 6),
            Author = NullableString(r, 7),
            Language = NullableString(r, 8),
            Published = ParseDate(NullableString(r, 9)),
            PublishedInferred = r.GetInt32(10) != 0,
        };
        ArticleSpansRecord.Apply(r.GetString(12), a);
        return a;
    }

    public IReadOnlyList<ArticleSource> Sources(string id)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT source, url, outlet, seen_at FROM article_sources WHERE article_id = $id ORDER BY seen_at, source";
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        var list = new List<ArticleSource>();
        while (r.Read())
            list.Add(new ArticleSource(r.GetString(0), NullableString(r, 1), NullableString(r, 2), ParseDate(r.GetString(3)) ?? default));
        return list;
    }

    public IReadOnlyList<ArticleSummary> List(ArticleQuery query)
    {
        using var cmd = _connection.CreateCommand();
        var where = new List<string>();
        if (query.Outlet is { } outlet) { where.Add("a.outlet = $o COLLATE NOCASE"); cmd.Parameters.AddWithValue("$o", outlet); }
        if (query.Since is { } since) { where.Add("a.published >= $since"); cmd.Parameters.AddWithValue("$since", FormatDate(since)); }
        if (query.Until is { } until) { where.Add("a.published < $until"); cmd.Parameters.AddWithValue("$until", FormatDate(until)); }
        cmd.CommandText = $"""
            SELECT a.id, a.title, a.outlet, a.published, a.published_inferred, a.url,
                   (SELECT count(*) FROM article_sources s WHERE s.article_id = a.id)
            FROM articles a {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY a.published IS NULL, a.published DESC, a.id
            LIMIT $limit OFFSET $offset
            """;
        cmd.Parameters.AddWithValue("$limit", query.Limit);
        cmd.Parameters.AddWithValue("$offset", query.Offset);
        using var r = cmd.ExecuteReader();
        var list = new List<ArticleSummary>();
        while (r.Read())
            list.Add(new ArticleSummary(r.GetString(0), NullableString(r, 1), NullableString(r, 2), ParseDate(NullableString(r, 3)),
                r.GetInt32(4) != 0, NullableString(r, 5), r.GetInt32(6)));
        return list;
    }

    public IReadOnlyList<SearchHit> Search(string query, int limit = 20)
    {
        if (string.IsNullOrWhiteSpace(query)) throw new SearchQueryException("the search query is empty", new ArgumentException(query));
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT a.id, a.title, a.outlet, a.published,
                   snippet(articles_fts, -1, char({(int)SearchHit.MarkStart}), char({(int)SearchHit.MarkEnd}), '…', 16),
                   bm25(articles_fts, 2.0, 1.0) AS score
            FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
            WHERE articles_fts MATCH $q
            ORDER BY score LIMIT $limit
            """;
        cmd.Parameters.AddWithValue("$q", query);
        cmd.Parameters.AddWithValue("$limit", limit);
        try
        {
            using var r = cmd.ExecuteReader();
            var hits = new List<SearchHit>();
            while (r.Read())
                hits.Add(new SearchHit(r.GetString(0), NullableString(r, 1), NullableString(r, 2), ParseDate(NullableString(r, 3)), r.GetString(4), r.GetDouble(5)));
            return hits;
        }
        catch (SqliteException ex) when (ex.Message.Contains("fts5", StringComparison.OrdinalIgnoreCase) || ex.SqliteErrorCode == 1)
        {
            throw new SearchQueryException(
                $"cannot understand the search query \"{query}\" ({ex.Message.Replace("SQLite Error 1: ", "").TrimEnd('.')}). " +
                "Use words, \"quoted phrases\", AND, OR, NOT, prefix* and parentheses; put other punctuation inside quotes.", ex);
        }
    }

    public int Count() => Convert.ToInt32(SqliteSchema.Scalar(_connection, "SELECT count(*) FROM articles"));

    /// <summary>Runs SQLite's own consistency checks and compares the index with the table; empty when all is well.</summary>
    public IReadOnlyList<string> CheckIntegrity()
    {
        var problems = new List<string>();
        var check = (string?)SqliteSchema.Scalar(_connection, "PRAGMA integrity_check");
        if (check != "ok") problems.Add($"integrity_check: {check}");
        long articles = (long)SqliteSchema.Scalar(_connection, "SELECT count(*) FROM articles")!;
        long indexed = (long)SqliteSchema.Scalar(_connection, "SELECT count(*) FROM articles_fts")!;
        if (articles != indexed) problems.Add($"{articles} articles but {indexed} in the search index");
        long orphans = (long)SqliteSchema.Scalar(_connection, "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_sources s WHERE s.article_id = a.id)")!;
        if (orphans > 0) problems.Add($"{orphans} articles without a source");
        return problems;
    }

    /// <summary>The open connection, for stores of later stages that share the database file (stories).</summary>
    public SqliteConnection Connection => _connection;

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private SqliteCommand Command(SqliteTransaction tx, string sql)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private static object? Run(SqliteCommand cmd, params (string Name, object? Value)[] values)
    {
        Bind(cmd, values);
        return cmd.ExecuteScalar();
    }

    private static void Exec(SqliteCommand cmd, params (string Name, object? Value)[] values)
    {
        Bind(cmd, values);
        cmd.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand cmd, (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            if (cmd.Parameters.Contains(name)) cmd.Parameters[name].Value = value ?? DBNull.Value;
            else cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>UTC, fixed width: text order is time order, so range filters use the index.</summary>
    public static string? FormatDate(DateTimeOffset? d) =>
        d?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ParseDate(string? s) =>
        s is not null && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
}
