using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tidings.Storage;

namespace Tidings.Web.Data;

public sealed record ArticleRow(string Id, string? Title, string? Outlet, DateTimeOffset? Published, string? Url, string? StoryId);

public sealed record QuoteRow(long Id, string ArticleId, DateTimeOffset? Published, string? Outlet, string SpeakerKey, string Speaker,
    string SpeakerText, string Kind, int Start, int End, string Text);

public sealed record PlaceRow(string Key, string Name, double? Latitude, double? Longitude, int Articles);

public sealed record SearchRow(string Id, string? Title, string? Outlet, DateTimeOffset? Published, string Snippet);

public sealed record ArticleFilter
{
    public string? Outlet { get; init; }
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }
    public string? EntityKey { get; init; }
    public string? PlaceKey { get; init; }
}

public sealed record QuoteFilter
{
    public string? SpeakerKey { get; init; }
    public string? StoryId { get; init; }
    public string? ArticleId { get; init; }
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }

    /// <summary>Oldest first (an entity's quotes in date order) instead of newest first.</summary>
    public bool Oldest { get; init; }
}

/// <summary>The read queries of the API and pages. Every list is keyset-paged on an index (see <see cref="PageCursor"/>).</summary>
public static class WebQueries
{
    public static Page<ArticleRow> Articles(SqliteConnection c, ArticleFilter f, string? cursor, int limit)
    {
        using var cmd = c.CreateCommand();
        var where = DateRange(cmd, "a.published", f.Since, f.Until);
        // An entity's articles are walked newest first along its range of web_entity_articles: a name in 30,000
        // articles costs what a rare one does (no set to build and sort).
        bool byEntity = f.EntityKey is not null;
        string from = byEntity ? "web_entity_articles w JOIN articles a ON a.rowid = w.article_rowid" : "articles a";
        var (published, rowid) = byEntity ? ("w.published", "w.article_rowid") : ("a.published", "a.rowid");
        if (f.EntityKey is { } e) { where.Add("w.entity_id = $entity"); cmd.Parameters.AddWithValue("$entity", e); }
        if (f.Outlet is { } o) { where.Add("a.outlet = $outlet COLLATE NOCASE"); cmd.Parameters.AddWithValue("$outlet", o); }
        if (f.PlaceKey is { } p) { where.Add("a.rowid IN (SELECT article_rowid FROM web_places WHERE place_key = $place)"); cmd.Parameters.AddWithValue("$place", p); }
        if (cursor is not null) where.Add(Keyset(cmd, cursor, "articles", published, rowid));
        cmd.CommandText = $"""
            SELECT a.id, a.title, a.outlet, a.published, a.url, (SELECT story_id FROM story_articles s WHERE s.article_id = a.id), a.rowid
            FROM {from} {Sql.Where(where)} ORDER BY {published} DESC, {rowid} DESC LIMIT $limit
            """;
        cmd.Parameters.AddWithValue("$limit", limit + 1);
        var rows = Sql.Rows(cmd, r => (Row: new ArticleRow(r.GetString(0), Sql.Text(r, 1), Sql.Text(r, 2), Sql.Date(r, 3), Sql.Text(r, 4), Sql.Text(r, 5)),
            Rowid: r.GetInt64(6), Published: Sql.Text(r, 3)));
        var page = PageCursor.Slice(rows, limit, x => PageCursor.Encode("articles", x.Published ?? "", x.Rowid.ToString(CultureInfo.InvariantCulture)));
        return new Page<ArticleRow>(page.Items.Select(x => x.Row).ToList(), page.Next);
    }

    public static Page<StorySummary> Stories(SqliteConnection c, DateTimeOffset? since, DateTimeOffset? until, string? cursor, int limit)
    {
        using var cmd = c.CreateCommand();
        var where = DateRange(cmd, "last_report", since, until);
        if (cursor is not null) where.Add(Keyset(cmd, cursor, "stories", "last_report", "rowid"));
        cmd.CommandText = $"""
            SELECT id, headline, first_report, last_report, outlets, article_count, rowid FROM stories {Sql.Where(where)}
            ORDER BY last_report DESC, rowid DESC LIMIT $limit
            """;
        cmd.Parameters.AddWithValue("$limit", limit + 1);
        var rows = Sql.Rows(cmd, r => (Story: ReadStory(r), Rowid: r.GetInt64(6), Last: Sql.Text(r, 3)));
        var page = PageCursor.Slice(rows, limit, x => PageCursor.Encode("stories", x.Last ?? "", x.Rowid.ToString(CultureInfo.InvariantCulture)));
        return new Page<StorySummary>(page.Items.Select(x => x.Story).ToList(), page.Next);
    }

    /// <summary>The articles whose rowids a subquery returns, in its order.</summary>
    public static List<ArticleRow> ArticlesByRowid(SqliteConnection c, string rowidsSql, (string Name, object Value) parameter)
    {
        var cmd = Sql.Command(c, $"""
            SELECT a.id, a.title, a.outlet, a.published, a.url, (SELECT story_id FROM story_articles s WHERE s.article_id = a.id)
            FROM ({rowidsSql}) r JOIN articles a ON a.rowid = r.article_rowid
            """, parameter);
        return Sql.Rows(cmd, r => new ArticleRow(r.GetString(0), Sql.Text(r, 1), Sql.Text(r, 2), Sql.Date(r, 3), Sql.Text(r, 4), Sql.Text(r, 5)));
    }

    /// <summary>The stories whose ids a subquery returns, newest first.</summary>
    public static List<StorySummary> StoriesOf(SqliteConnection c, string idsSql, (string Name, object Value) parameter, int limit)
    {
        var cmd = Sql.Command(c, $"""
            SELECT id, headline, first_report, last_report, outlets, article_count FROM stories WHERE id IN ({idsSql})
            ORDER BY last_report DESC, rowid DESC LIMIT {limit}
            """, parameter);
        return Sql.Rows(cmd, ReadStory);
    }

    public static Page<QuoteRow> Quotes(SqliteConnection c, QuoteFilter f, string? cursor, int limit)
    {
        using var cmd = c.CreateCommand();
        var where = DateRange(cmd, "q.published", f.Since, f.Until);
        if (f.SpeakerKey is { } k) { where.Add("q.speaker_key = $speaker"); cmd.Parameters.AddWithValue("$speaker", k); }
        if (f.StoryId is { } s) { where.Add("q.article_id IN (SELECT article_id FROM story_articles WHERE story_id = $story)"); cmd.Parameters.AddWithValue("$story", s); }
        if (f.ArticleId is { } a) { where.Add("q.article_id = $article"); cmd.Parameters.AddWithValue("$article", a); }
        string order = f.Oldest ? "ASC" : "DESC";
        if (cursor is not null) where.Add(Keyset(cmd, cursor, "quotes", "q.published", "q.id", f.Oldest ? ">" : "<"));
        cmd.CommandText = $"""
            SELECT q.id, q.article_id, q.published, q.outlet, q.speaker_key, q.speaker, q.speaker_text, q.kind, q.start, q.end, q.text
            FROM web_quotes q {Sql.Where(where)} ORDER BY q.published {order}, q.id {order} LIMIT $limit
            """;
        cmd.Parameters.AddWithValue("$limit", limit + 1);
        var rows = Sql.Rows(cmd, r => (Quote: new QuoteRow(r.GetInt64(0), r.GetString(1), Sql.Date(r, 2), Sql.Text(r, 3), r.GetString(4), r.GetString(5),
            r.GetString(6), r.GetString(7), r.GetInt32(8), r.GetInt32(9), r.GetString(10)), Published: r.GetString(2)));
        var page = PageCursor.Slice(rows, limit, x => PageCursor.Encode("quotes", x.Published, x.Quote.Id.ToString(CultureInfo.InvariantCulture)));
        return new Page<QuoteRow>(page.Items.Select(x => x.Quote).ToList(), page.Next);
    }

    /// <summary>Places by name; for one story or article when given. Coordinates when the places layer gave them.</summary>
    public static Page<PlaceRow> Places(SqliteConnection c, string? storyId, string? articleId, string? cursor, int limit)
    {
        using var cmd = c.CreateCommand();
        var where = new List<string>();
        if (storyId is not null)
        {
            where.Add("p.article_rowid IN (SELECT a.rowid FROM story_articles s JOIN articles a ON a.id = s.article_id WHERE s.story_id = $story)");
            cmd.Parameters.AddWithValue("$story", storyId);
        }
        if (articleId is not null) { where.Add("p.article_rowid = (SELECT rowid FROM articles WHERE id = $article)"); cmd.Parameters.AddWithValue("$article", articleId); }
        if (cursor is not null) { where.Add("p.place_key > $after"); cmd.Parameters.AddWithValue("$after", PageCursor.Decode(cursor, "places", 1)[0]); }
        cmd.CommandText = $"""
            SELECT p.place_key, max(p.name), max(p.latitude), max(p.longitude), count(DISTINCT p.article_rowid)
            FROM web_places p {Sql.Where(where)} GROUP BY p.place_key ORDER BY p.place_key LIMIT $limit
            """;
        cmd.Parameters.AddWithValue("$limit", limit + 1);
        var rows = Sql.Rows(cmd, r => new PlaceRow(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetDouble(2), r.IsDBNull(3) ? null : r.GetDouble(3), r.GetInt32(4)));
        return PageCursor.Slice(rows, limit, p => PageCursor.Encode("places", p.Key));
    }

    /// <summary>Places with coordinates in the latest articles that mention an entity, for the entity's map.</summary>
    public static List<Pages.MapPoint> PlacesOfEntity(SqliteConnection c, string key)
    {
        var cmd = Sql.Command(c, $"""
            SELECT max(p.name), avg(p.latitude), avg(p.longitude) FROM web_places p
            WHERE p.latitude IS NOT NULL AND p.article_rowid IN (SELECT article_rowid FROM web_entity_articles WHERE entity_id = $k ORDER BY published DESC LIMIT 500)
            GROUP BY p.place_key LIMIT 100
            """, ("$k", key));
        return Sql.Rows(cmd, r => new Pages.MapPoint(r.GetString(0), r.GetDouble(1), r.GetDouble(2), "/search?q=" + Uri.EscapeDataString("\"" + r.GetString(0) + "\"")));
    }

    /// <summary>
    /// How many matches a search ranks at most. Ranking (bm25) costs as much as there are matches: a common word matches
    /// most of a large database and would take a tenth of a second. Above this many, the most recently stored matches
    /// (that pass the filters) are the ones ranked.
    /// </summary>
    public const int SearchCandidates = 5000;

    /// <summary>Full-text search, best first; the cursor is the rank reached (ranks are stable while the query and data are).</summary>
    public static Page<SearchRow> Search(SqliteConnection c, string query, ArticleFilter f, string? cursor, int limit)
    {
        if (string.IsNullOrWhiteSpace(query)) throw ApiProblem.BadParameter("q", "the search query is empty");
        using var cmd = c.CreateCommand();
        var where = DateRange(cmd, "a.published", f.Since, f.Until);
        if (f.Outlet is { } o) { where.Add("a.outlet = $outlet COLLATE NOCASE"); cmd.Parameters.AddWithValue("$outlet", o); }
        bool filtered = where.Count > 0;
        where.Insert(0, "articles_fts MATCH $q");
        int offset = 0;
        if (cursor is not null && !int.TryParse(PageCursor.Decode(cursor, "search", 1)[0], out offset)) throw ApiProblem.BadParameter("cursor", "damaged");
        cmd.Parameters.AddWithValue("$q", query);
        try
        {
            // The rowid of the oldest candidate, when there are more matches than candidates (no rank needed to find it).
            cmd.CommandText = $"""
                SELECT articles_fts.rowid FROM articles_fts {(filtered ? "JOIN articles a ON a.rowid = articles_fts.rowid" : "")} {Sql.Where(where)}
                ORDER BY articles_fts.rowid DESC LIMIT 1 OFFSET {SearchCandidates - 1}
                """;
            if (cmd.ExecuteScalar() is long oldest)
            {
                where.Add("articles_fts.rowid >= $oldest");
                cmd.Parameters.AddWithValue("$oldest", oldest);
            }
            cmd.CommandText = $"""
                SELECT a.id, a.title, a.outlet, a.published,
                       snippet(articles_fts, -1, char({(int)SearchHit.MarkStart}), char({(int)SearchHit.MarkEnd}), '…', 16)
                FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid {Sql.Where(where)}
                ORDER BY articles_fts.rank LIMIT $limit OFFSET $offset
                """;
            cmd.Parameters.AddWithValue("$limit", limit + 1);
            cmd.Parameters.AddWithValue("$offset", offset);
            var rows = Sql.Rows(cmd, r => new SearchRow(r.GetString(0), Sql.Text(r, 1), Sql.Text(r, 2), Sql.Date(r, 3), r.GetString(4)));
            int next = offset + limit;
            return PageCursor.Slice(rows, limit, _ => PageCursor.Encode("search", next.ToString(CultureInfo.InvariantCulture)));
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1)
        {
            throw ApiProblem.BadParameter("q", $"cannot understand the search query ({ex.Message.Replace("SQLite Error 1: ", "").TrimEnd('.')}); " +
                "use words, \"quoted phrases\", AND, OR, NOT, prefix* and parentheses");
        }
    }

    /// <summary>Totals for the home page; the story and entity tables may not exist in a database that has none yet.</summary>
    public static (long Articles, long Stories, long Outlets, long Entities) Counts(SqliteConnection c) =>
        (AnnotationIndex.SqlScalar(c, "SELECT count(*) FROM articles") as long? ?? 0,
         AnnotationIndex.SqlScalar(c, "SELECT count(*) FROM stories") as long? ?? 0,
         AnnotationIndex.SqlScalar(c, "SELECT count(DISTINCT outlet COLLATE NOCASE) FROM articles") as long? ?? 0,
         AnnotationIndex.SqlScalar(c, "SELECT count(*) FROM entities") as long? ?? 0);

    private static StorySummary ReadStory(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), Sql.Date(r, 2), Sql.Date(r, 3), JsonSerializer.Deserialize<List<string>>(r.GetString(4)) ?? [], r.GetInt32(5));

    private static List<string> DateRange(SqliteCommand cmd, string column, DateTimeOffset? since, DateTimeOffset? until)
    {
        var where = new List<string>();
        if (since is { } s) { where.Add($"{column} >= $since"); cmd.Parameters.AddWithValue("$since", SqliteArticleStore.FormatDate(s)); }
        if (until is { } u) { where.Add($"{column} < $until"); cmd.Parameters.AddWithValue("$until", SqliteArticleStore.FormatDate(u)); }
        return where;
    }

    /// <summary>
    /// The rows after a cursor in (sort column, rowid) order; a row value comparison, so SQLite seeks the index.
    /// NULL sort values (no date) come last in descending order and are paged by rowid alone.
    /// </summary>
    private static string Keyset(SqliteCommand cmd, string cursor, string kind, string column, string rowid, string op = "<")
    {
        var p = PageCursor.Decode(cursor, kind, 2);
        if (!long.TryParse(p[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out long id)) throw ApiProblem.BadParameter("cursor", "damaged");
        cmd.Parameters.AddWithValue("$cursor_id", id);
        if (p[0].Length == 0 && op == "<") return $"({column} IS NULL OR {column} = '') AND {rowid} < $cursor_id";
        cmd.Parameters.AddWithValue("$cursor_key", p[0]);
        return op == "<" ? $"(({column}, {rowid}) < ($cursor_key, $cursor_id) OR {column} IS NULL)" : $"({column}, {rowid}) > ($cursor_key, $cursor_id)";
    }
}

/// <summary>Small helpers over ADO.NET readers.</summary>
internal static class Sql
{
    public static string Where(List<string> conditions) => conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);

    public static SqliteCommand Command(SqliteConnection c, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in parameters) cmd.Parameters.AddWithValue(n, v);
        return cmd;
    }

    public static List<T> Rows<T>(SqliteCommand cmd, Func<SqliteDataReader, T> read)
    {
        using (cmd)
        {
            using var r = cmd.ExecuteReader();
            var list = new List<T>();
            while (r.Read()) list.Add(read(r));
            return list;
        }
    }

    public static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static DateTimeOffset? Date(SqliteDataReader r, int i) =>
        r.IsDBNull(i) || r.GetString(i).Length == 0 ? null
            : DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
