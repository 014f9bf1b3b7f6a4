using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tidings.Documents;
using Tidings.Extract.Events;

namespace Tidings.Storage;

/// <summary>Which merged events to list; every filter is optional. <see cref="Actor"/> matches the source or the target
/// code by prefix ("PAK" finds PAKGOV and PAKREB); <see cref="Since"/>/<see cref="Until"/> compare event dates (YYYY-MM-DD;
/// a date left unresolved, "XXXX-12-01", is stored as none).</summary>
public sealed record EventQuery
{
    public string? Actor { get; init; }
    public string? Type { get; init; }
    public string? StoryId { get; init; }
    public string? ArticleId { get; init; }
    /// <summary>A global entity id (entities table): events whose source or target mention covers one of its mentions.</summary>
    public string? EntityId { get; init; }
    public string? Since { get; init; }
    public string? Until { get; init; }
    /// <summary>Keyset paging: only events after this (date, id) in the list order (latest date first).</summary>
    public (string Date, string Id)? After { get; init; }
    public int Limit { get; init; } = 100;
}

/// <summary>
/// Events in the article database (tables of migration 4). Mentions are written with their article
/// (<see cref="WriteMentions"/>, in the article's transaction); <see cref="Rebuild"/> merges them into events within
/// each story and replaces the events table in one transaction — with the stories when they are rebuilt.
/// </summary>
public sealed class SqliteEventStore(SqliteArticleStore articles)
{
    /// <summary>
    /// An entity's events are looked up among its most recent mentions only: a leading entity ("United States") has
    /// hundreds of thousands, and the page shows 50 events. Older events stay reachable by story, type and date.
    /// </summary>
    public const int EntityMentionsScanned = 5000;

    private static readonly JsonSerializerOptions Json = new();
    private SqliteConnection Connection => articles.Connection;

    internal static void WriteMentions(SqliteConnection connection, SqliteTransaction tx, Article a)
    {
        var reports = EventMerger.ReportsOf(a, null).ToList();
        if (reports.Count == 0) return;
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO event_mentions(article_id, seq, start, end, text, sentence_start, sentence_end, sentence_no, lead, doc_length, outlet, published,
                plover, cameo, quad, source_code, source_start, source_end, target_code, target_start, target_end, date, place_geonameid, mention)
            VALUES ($a, $i, $s, $e, $t, $ss, $se, $sn, $l, $dl, $o, $p, $pl, $c, $q, $sc, $ss2, $se2, $tc, $ts, $te, $d, $g, $m)
            """;
        foreach (var name in (string[])["$a", "$i", "$s", "$e", "$t", "$ss", "$se", "$sn", "$l", "$dl", "$o", "$p", "$pl", "$c", "$q", "$sc", "$ss2", "$se2", "$tc", "$ts", "$te", "$d", "$g", "$m"])
            cmd.Parameters.Add(new SqliteParameter { ParameterName = name });
        foreach (var r in reports)
        {
            var m = r.Mention with { Event = null };
            object?[] values =
            [
                a.Id, r.Index, m.Start, m.End, m.Text, m.SentenceStart, m.SentenceEnd, r.SentenceNumber, r.Lead ? 1 : 0, r.DocumentLength,
                r.Outlet, SqliteArticleStore.FormatDate(a.Published),
                m.Plover, m.Cameo, m.Quad, m.Source?.Code, m.Source?.Start, m.Source?.End, m.Target?.Code, m.Target?.Start, m.Target?.End,
                EventMerger.IsCalendar(m.Date) ? m.Date : null, m.Place?.GeonameId, JsonSerializer.Serialize(m, Json),
            ];
            for (int k = 0; k < values.Length; k++) cmd.Parameters[k].Value = values[k] ?? DBNull.Value;
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Replaces the events layer of a stored article (coded again, e.g. with other dictionaries) and its mentions, in
    /// one transaction; the new mentions wait for the next <see cref="Rebuild"/>.
    /// </summary>
    public void Replace(Article a)
    {
        using var tx = Connection.BeginTransaction();
        using (var cmd = Connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "DELETE FROM event_mentions WHERE article_id = $a; UPDATE articles SET spans = $sp WHERE id = $a";
            cmd.Parameters.AddWithValue("$a", a.Id);
            cmd.Parameters.AddWithValue("$sp", ArticleSpansRecord.Serialize(a));
            if (cmd.ExecuteNonQuery() == 0) throw new ArgumentException($"no stored article \"{a.Id}\"");
        }
        WriteMentions(Connection, tx, a);
        tx.Commit();
    }

    /// <summary>True when some mention has not been merged into an event yet.</summary>
    public bool IsStale() => SqliteSchema.Scalar(Connection, "SELECT 1 FROM event_mentions WHERE event_id IS NULL LIMIT 1") is not null;

    public int Count() => Convert.ToInt32(SqliteSchema.Scalar(Connection, "SELECT count(*) FROM events"));

    /// <summary>Merges every stored mention (stories and copies as the story tables stand) and replaces the events.</summary>
    public int Rebuild()
    {
        using var tx = Connection.BeginTransaction();
        int n = Rebuild(Connection, tx);
        tx.Commit();
        return n;
    }

    internal static int Rebuild(SqliteConnection connection, SqliteTransaction tx)
    {
        var reports = ReadReports(connection, tx, "", _ => { });
        var events = EventMerger.Merge(reports);
        Exec(connection, tx, "DELETE FROM events");
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO events(id, story_id, plover, cameo, quad, source_code, target_code, date, place_geonameid,
                               mentions, articles, outlets, independent_outlets, first_report, record)
            VALUES ($id, $st, $pl, $c, $q, $sc, $tc, $d, $g, $m, $a, $o, $io, $f, $r)
            """;
        using var assign = connection.CreateCommand();
        assign.Transaction = tx;
        assign.CommandText = "UPDATE event_mentions SET event_id = $id WHERE article_id = $a AND seq = $i";
        foreach (var e in events)
        {
            insert.Parameters.Clear();
            foreach (var (name, value) in (ReadOnlySpan<(string, object?)>)[
                ("$id", e.Id), ("$st", e.StoryId), ("$pl", e.Plover), ("$c", e.Cameo), ("$q", e.Quad), ("$sc", e.Source?.Code),
                ("$tc", e.Target?.Code), ("$d", EventMerger.IsCalendar(e.Date) ? e.Date : null), ("$g", e.Place?.GeonameId), ("$m", e.Mentions), ("$a", e.Articles),
                ("$o", e.Outlets), ("$io", e.IndependentOutlets),
                ("$f", SqliteArticleStore.FormatDate(e.Reports.Select(r => r.Published).Min())),
                ("$r", JsonSerializer.Serialize(e with { Reports = [] }, Json))])
                insert.Parameters.AddWithValue(name, value ?? DBNull.Value);
            insert.ExecuteNonQuery();
            foreach (var r in e.Reports)
            {
                assign.Parameters.Clear();
                assign.Parameters.AddWithValue("$id", e.Id);
                assign.Parameters.AddWithValue("$a", r.ArticleId);
                assign.Parameters.AddWithValue("$i", r.Index);
                assign.ExecuteNonQuery();
            }
        }
        return events.Count;
    }

    /// <summary>Merged events, latest event date first (undated last), each without its reports (see <see cref="Reports"/>).</summary>
    public IReadOnlyList<MergedEvent> List(EventQuery query)
    {
        using var cmd = Connection.CreateCommand();
        var where = new List<string>();
        void Filter(string sql, string name, object value) { where.Add(sql); cmd.Parameters.AddWithValue(name, value); }
        if (query.Actor is { Length: > 0 } actor)
            Filter("((e.source_code >= $actor AND e.source_code < $actor || char(1114111)) OR (e.target_code >= $actor AND e.target_code < $actor || char(1114111)))",
                "$actor", actor.ToUpperInvariant());
        if (query.Type is { Length: > 0 } type) Filter("e.plover = $type", "$type", type.ToUpperInvariant());
        if (query.StoryId is { Length: > 0 } story) Filter("e.story_id = $story", "$story", story);
        if (query.ArticleId is { Length: > 0 } article) Filter("e.id IN (SELECT event_id FROM event_mentions WHERE article_id = $article)", "$article", article);
        if (query.EntityId is { Length: > 0 } entity)
            Filter("""
                e.id IN (SELECT m.event_id FROM
                           (SELECT article_id, start, end FROM entity_mentions WHERE entity_id = $entity ORDER BY rowid DESC LIMIT $entityMentions) em
                         JOIN event_mentions m ON m.article_id = em.article_id
                         AND ((em.start >= m.source_start AND em.end <= m.source_end) OR (em.start >= m.target_start AND em.end <= m.target_end)))
                """, "$entity", entity);
        if (query.EntityId is { Length: > 0 }) cmd.Parameters.AddWithValue("$entityMentions", EntityMentionsScanned);
        if (query.Since is { } since) Filter("e.date >= $since", "$since", since);
        if (query.Until is { } until) Filter("e.date < $until", "$until", until);
        if (query.After is var (afterDate, afterId))
        {
            where.Add("(coalesce(e.date, '') < $ad OR (coalesce(e.date, '') = $ad AND e.id > $aid))");
            cmd.Parameters.AddWithValue("$ad", afterDate);
            cmd.Parameters.AddWithValue("$aid", afterId);
        }
        cmd.CommandText = $"""
            SELECT e.record FROM events e {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY coalesce(e.date, '') DESC, e.id LIMIT $limit
            """;
        cmd.Parameters.AddWithValue("$limit", query.Limit);
        using var r = cmd.ExecuteReader();
        var list = new List<MergedEvent>();
        while (r.Read()) list.Add(JsonSerializer.Deserialize<MergedEvent>(r.GetString(0), Json)!);
        return list;
    }

    /// <summary>One event by id, with its reports.</summary>
    public MergedEvent? Get(string id)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = "SELECT record FROM events WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        return cmd.ExecuteScalar() is string json ? JsonSerializer.Deserialize<MergedEvent>(json, Json)! with { Reports = Reports(id) } : null;
    }

    /// <summary>Every mention of the event, in publication order.</summary>
    public IReadOnlyList<EventReport> Reports(string eventId) =>
        ReadReports(Connection, null, "WHERE m.event_id = $id", c => c.Parameters.AddWithValue("$id", eventId));

    /// <summary>Every stored mention with its event, for exports: (event, report) in event order.</summary>
    public IEnumerable<(MergedEvent Event, IReadOnlyList<EventReport> Reports)> All(EventQuery? query = null)
    {
        var events = List((query ?? new EventQuery()) with { Limit = int.MaxValue });
        var reports = ReadReports(Connection, null, "WHERE m.event_id IS NOT NULL", _ => { })
            .ToLookup(r => r.Mention.Event);
        return events.Select(e => (e, (IReadOnlyList<EventReport>)reports[e.Id].ToList()));
    }

    /// <summary>Writes the merged event ids of a stored article into its events layer (the store keeps them apart).</summary>
    public void AssignIds(Article a)
    {
        if (a.Layers.Get<EventMention>(EventStage.Layer) is not { Count: > 0 } layer) return;
        var ids = ReadReports(Connection, null, "WHERE m.article_id = $a", c => c.Parameters.AddWithValue("$a", a.Id))
            .ToDictionary(r => r.Index, r => r.Mention.Event);
        a.Layers.Set(EventStage.Layer, layer.Select((m, i) => m with { Event = ids.GetValueOrDefault(i) }).ToList());
    }

    /// <summary>Reports in publication order; an undated article takes its story's date, as <c>analyze</c> dates it.</summary>
    private static List<EventReport> ReadReports(SqliteConnection connection, SqliteTransaction? tx, string where, Action<SqliteCommand> bind)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"""
            SELECT m.article_id, m.seq, m.outlet, coalesce(m.published, s.inferred_published) AS day, s.story_id, s.copy_of, m.event_id, m.mention,
                   a.url, m.sentence_no, m.lead, m.doc_length
            FROM event_mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN story_articles s ON s.article_id = m.article_id {where}
            ORDER BY day IS NULL, day, m.article_id, m.seq
            """;
        bind(cmd);
        using var r = cmd.ExecuteReader();
        var list = new List<EventReport>();
        while (r.Read())
        {
            var mention = JsonSerializer.Deserialize<EventMention>(r.GetString(7), Json)! with { Event = Text(r, 6) };
            list.Add(new EventReport(r.GetString(0), r.GetInt32(1), Text(r, 2), Date(Text(r, 3)), Text(r, 4), Text(r, 5), mention)
            {
                Url = Text(r, 8),
                SentenceNumber = r.GetInt32(9),
                Lead = r.GetInt32(10) != 0,
                DocumentLength = r.GetInt32(11),
            });
        }
        return list;
    }

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? Date(string? s) =>
        s is null ? null : DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

    private static void Exec(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
