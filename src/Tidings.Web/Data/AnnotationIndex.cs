using Microsoft.Data.Sqlite;
using Tidings.Documents;
using Tidings.Storage;
using Tidings.Stories;

namespace Tidings.Web.Data;

/// <summary>
/// Tables the web pages query instead of parsing every article's spans: places and attributed quotes (keyed by the
/// speaker's global entity id, or the speaker's normalized name when no entity was linked). They are derived data: built
/// from the stored spans, caught up incrementally after each ingest (new rows only), rebuilt from scratch when
/// <see cref="Version"/> changes. Each is keyed so that a page's query is an index range, never a scan.
/// </summary>
public static class AnnotationIndex
{
    public const int Version = 4;
    private const int Chunk = 1000;

    private static readonly string[] Tables = ["web_mentions", "web_entities", "web_entity_articles", "web_places", "web_quotes", "web_index"];  // includes those of earlier versions

    private static readonly string[] Schema =
    [
        "CREATE TABLE IF NOT EXISTS web_index(version INTEGER NOT NULL, last_rowid INTEGER NOT NULL)",
        // The articles of each global entity, newest first: an entity's latest articles are an index range.
        """
        CREATE TABLE IF NOT EXISTS web_entity_articles(entity_id TEXT NOT NULL, published TEXT NOT NULL, article_rowid INTEGER NOT NULL,
            PRIMARY KEY(entity_id, published, article_rowid)) WITHOUT ROWID
        """,
        """
        CREATE TABLE IF NOT EXISTS web_places(place_key TEXT NOT NULL, published TEXT NOT NULL, article_rowid INTEGER NOT NULL,
            name TEXT NOT NULL, latitude REAL, longitude REAL, PRIMARY KEY(place_key, published, article_rowid)) WITHOUT ROWID
        """,
        "CREATE INDEX IF NOT EXISTS web_places_article ON web_places(article_rowid)",
        """
        CREATE TABLE IF NOT EXISTS web_quotes(id INTEGER PRIMARY KEY, article_rowid INTEGER NOT NULL, article_id TEXT NOT NULL,
            published TEXT NOT NULL, outlet TEXT, speaker_key TEXT NOT NULL, speaker TEXT NOT NULL, speaker_text TEXT NOT NULL,
            kind TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS web_quotes_speaker ON web_quotes(speaker_key, published DESC, id DESC)",
        "CREATE INDEX IF NOT EXISTS web_quotes_published ON web_quotes(published DESC, id DESC)",
        "CREATE INDEX IF NOT EXISTS web_quotes_article ON web_quotes(article_id)",
        .. GlobalEntityDirectory.Indexes,
    ];

    /// <summary>Indexes the articles stored since the last call; returns how many it read.</summary>
    public static int Update(SqliteArticleStore store, IProgress<int>? progress = null)
    {
        var c = store.Connection;
        long last = Prepare(c);
        int done = 0;
        while (true)
        {
            var batch = store.ReadAfter(last, Chunk);
            if (batch.Count == 0) return done;
            var rows = batch.AsParallel().AsOrdered().Select(x => ArticleAnnotations.Read(x.Rowid, x.Article)).ToList();
            Write(c, rows, batch[^1].Rowid);
            last = batch[^1].Rowid;
            done += batch.Count;
            progress?.Report(done);
        }
    }

    private static long Prepare(SqliteConnection c)
    {
        bool exists = SqlScalar(c, "SELECT count(*) FROM sqlite_master WHERE name = 'web_index'") is long n && n > 0;
        if (exists && SqlScalar(c, "SELECT version FROM web_index") is long v && v != Version)
            foreach (var t in Tables) SqlExec(c, null, $"DROP TABLE IF EXISTS {t}");
        foreach (var sql in Schema) SqlExec(c, null, sql);
        if (SqlScalar(c, "SELECT last_rowid FROM web_index") is long last) return last;
        SqlExec(c, null, $"INSERT INTO web_index(version, last_rowid) VALUES ({Version}, 0)");
        return 0;
    }

    private static void Write(SqliteConnection c, List<ArticleAnnotations> rows, long lastRowid)
    {
        using var tx = c.BeginTransaction();
        using var place = Prepared(c, tx, """
            INSERT INTO web_places(place_key, published, article_rowid, name, latitude, longitude) VALUES ($k, $p, $r, $n, $la, $lo)
            ON CONFLICT DO UPDATE SET latitude = coalesce(latitude, excluded.latitude), longitude = coalesce(longitude, excluded.longitude)
            """);
        using var quote = Prepared(c, tx, """
            INSERT INTO web_quotes(article_rowid, article_id, published, outlet, speaker_key, speaker, speaker_text, kind, start, end, text)
            VALUES ($r, $id, $p, $o, $k, $n, $st, $kind, $s, $e, $tx)
            """);
        foreach (var row in rows)
        {
            foreach (var p in row.Places)
                Run(place, ("$k", p.Key), ("$p", row.Published), ("$r", row.Rowid), ("$n", p.Name), ("$la", p.Latitude), ("$lo", p.Longitude));
            foreach (var q in row.Quotes)
                Run(quote, ("$r", row.Rowid), ("$id", row.ArticleId), ("$p", row.Published), ("$o", row.Outlet), ("$k", q.SpeakerKey),
                    ("$n", q.Speaker), ("$st", q.SpeakerText), ("$kind", q.Kind), ("$s", q.Start), ("$e", q.End), ("$tx", q.Text));
        }
        // From the global entity table (linked before indexing, see WebContext.Refresh).
        SqlExec(c, tx, $"""
            INSERT OR IGNORE INTO web_entity_articles(entity_id, published, article_rowid)
            SELECT DISTINCT m.entity_id, ifnull(a.published, ''), a.rowid FROM articles a JOIN entity_mentions m ON m.article_id = a.id
            WHERE a.rowid > {rows[0].Rowid - 1} AND a.rowid <= {lastRowid}
            """);
        SqlExec(c, tx, $"UPDATE web_index SET last_rowid = {lastRowid}");
        tx.Commit();
    }

    private static SqliteCommand Prepared(SqliteConnection c, SqliteTransaction tx, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private static void Run(SqliteCommand cmd, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            if (cmd.Parameters.Contains(name)) cmd.Parameters[name].Value = value ?? DBNull.Value;
            else cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        cmd.ExecuteNonQuery();
    }

    internal static object? SqlScalar(SqliteConnection c, string sql)
    {
        try
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            return cmd.ExecuteScalar();
        }
        catch (SqliteException) { return null; }
    }

    private static void SqlExec(SqliteConnection c, SqliteTransaction? tx, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}

/// <summary>What the index keeps of one article: its places and attributed quotes.</summary>
internal sealed record ArticleAnnotations(long Rowid, string ArticleId, string Published, string? Outlet, List<Layers.Place> Places, List<IndexedQuote> Quotes)
{
    public static ArticleAnnotations Read(long rowid, Article a)
    {
        var quotes = Layers.Quotes(a).Where(q => q.Kind != "scare" && q.Speaker is not null)
            .Select(q => new IndexedQuote(q.Speaker!.Entity ?? EntityNames.Normalize(q.Speaker.Name), q.Speaker.Name, q.Speaker.Text, q.Kind, q.Start, q.End, q.Text))
            .ToList();
        var places = Layers.Places(a).GroupBy(p => p.Key).Select(g => g.OrderByDescending(p => p.Latitude.HasValue).First()).ToList();
        return new ArticleAnnotations(rowid, a.Id, SqliteArticleStore.FormatDate(a.Published) ?? "", a.Outlet ?? a.Dateline?.Outlet, places, quotes);
    }
}

internal sealed record IndexedQuote(string SpeakerKey, string Speaker, string SpeakerText, string Kind, int Start, int End, string Text);
