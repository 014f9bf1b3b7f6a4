using Microsoft.Data.Sqlite;
using Tidings.Documents;
using Tidings.Extract.Entities;
using Tidings.Extract.Quotes;

namespace Tidings.Storage;

/// <summary>A row of the entities list.</summary>
public sealed record EntitySummary(string Id, string Type, string Name, string? Acronym, int Articles, int Mentions);

/// <summary>One entity with everything known of it.</summary>
public sealed record EntityDetail(EntitySummary Entity, IReadOnlyList<(string Alias, int Articles)> Aliases, IReadOnlyList<string> Roles,
    IReadOnlyList<EntityArticleMention> Mentions, IReadOnlyList<(string ArticleId, Quote Quote)> Quotes);

/// <summary>A mention of an entity in a stored article, with the link's confidence and evidence.</summary>
public sealed record EntityArticleMention(string ArticleId, int Start, int End, string Text, double Confidence, string Evidence);

/// <summary>
/// The global entity table in the article database (tables of migration 3). <see cref="Update"/> links the
/// articles not linked yet, in publication order, to the table as it stands: the table grows incrementally with
/// every ingest, and ids already given never change.
/// </summary>
public sealed class SqliteEntityStore(SqliteArticleStore articles)
{
    private SqliteConnection Connection => articles.Connection;

    /// <summary>Links every article not linked yet; returns how many were linked.</summary>
    public int Update()
    {
        var pending = new List<string>();
        using (var cmd = Connection.CreateCommand())
        {
            cmd.CommandText = "SELECT id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM entity_articles e WHERE e.article_id = a.id) ORDER BY published IS NULL, published, rowid";
            using var r = cmd.ExecuteReader();
            while (r.Read()) pending.Add(r.GetString(0));
        }
        if (pending.Count == 0) return 0;
        var table = Load();
        using var tx = Connection.BeginTransaction();
        using var insertMention = Prepare(tx, "INSERT OR REPLACE INTO entity_mentions(article_id, start, end, text, entity_id, confidence, evidence) VALUES ($a, $s, $e, $t, $id, $c, $ev)",
            "$a", "$s", "$e", "$t", "$id", "$c", "$ev");
        using var updateSpans = Prepare(tx, "UPDATE articles SET spans = $sp WHERE id = $a", "$sp", "$a");
        using var markLinked = Prepare(tx, "INSERT INTO entity_articles(article_id) VALUES ($a)", "$a");
        var touched = new HashSet<GlobalEntity>();
        foreach (var id in pending)
        {
            var article = articles.Get(id)!;
            bool hadQuoteSpeakers = article.Layers.Get<Quote>(QuoteStage.Layer)?.Any(q => q.Speaker is not null) == true;
            var links = EntityLinker.Link(article, table);
            foreach (var l in links)
            {
                touched.Add(l.Global);
                foreach (var m in l.Local.Mentions) Run(insertMention, id, m.Start, m.End, m.Text, l.Global.Id, l.Confidence, l.Evidence);
            }
            // The quotes now name their speakers' entities.
            if (links.Count > 0 && hadQuoteSpeakers) Run(updateSpans, ArticleSpansRecord.Serialize(article), id);
            Run(markLinked, id);
        }
        foreach (var g in touched) Save(tx, g);
        tx.Commit();
        return pending.Count;
    }

    private SqliteCommand Prepare(SqliteTransaction tx, string sql, params string[] names)
    {
        var cmd = Connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var n in names) cmd.Parameters.Add(new SqliteParameter { ParameterName = n });
        cmd.Prepare();
        return cmd;
    }

    private static void Run(SqliteCommand cmd, params object?[] values)
    {
        for (int i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        cmd.ExecuteNonQuery();
    }

    /// <summary>The whole table, as <see cref="Update"/> continues it.</summary>
    public EntityTable Load()
    {
        var aliases = new Dictionary<string, List<(string, int)>>(StringComparer.Ordinal);
        foreach (var (id, alias, n) in Rows("SELECT entity_id, alias, articles FROM entity_aliases ORDER BY entity_id, alias", r => (r.GetString(0), r.GetString(1), r.GetInt32(2))))
            (aliases.TryGetValue(id, out var l) ? l : aliases[id] = []).Add((alias, n));
        var roles = Rows("SELECT entity_id, role FROM entity_roles", r => (r.GetString(0), r.GetString(1))).ToLookup(x => x.Item1, x => x.Item2);
        var table = new EntityTable();
        foreach (var e in Rows("SELECT id, type, name, acronym, articles FROM entities ORDER BY rowid", r => (Id: r.GetString(0), Type: r.GetString(1), Name: r.GetString(2), Acronym: r.IsDBNull(3) ? null : r.GetString(3), Articles: r.GetInt32(4))))
            table.Restore(e.Id, e.Type, e.Name, e.Acronym, aliases.GetValueOrDefault(e.Id) ?? [], roles[e.Id], e.Articles);
        return table;
    }

    /// <summary>Entities by number of articles (then mentions), optionally of one type and matching a name.</summary>
    public IReadOnlyList<EntitySummary> List(string? type = null, string? name = null, int limit = 100)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = """
            SELECT e.id, e.type, e.name, e.acronym, e.articles, (SELECT count(*) FROM entity_mentions m WHERE m.entity_id = e.id) AS mentions
            FROM entities e
            WHERE ($type IS NULL OR e.type = $type)
              AND ($name IS NULL OR e.name LIKE '%' || $name || '%' OR EXISTS (SELECT 1 FROM entity_aliases a WHERE a.entity_id = e.id AND a.alias LIKE '%' || $name || '%'))
            ORDER BY e.articles DESC, mentions DESC, e.name LIMIT $limit
            """;
        cmd.Parameters.AddWithValue("$type", (object?)type ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$name", (object?)name ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$limit", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<EntitySummary>();
        while (r.Read()) list.Add(ReadSummary(r));
        return list;
    }

    /// <summary>One entity by id, exact name or spelling (case aside), else the best match of <see cref="List"/>.</summary>
    public EntityDetail? Find(string idOrName)
    {
        var id = Rows("SELECT id FROM entities WHERE id = $q UNION ALL SELECT id FROM entities WHERE name = $q COLLATE NOCASE " +
                      "UNION ALL SELECT entity_id FROM entity_aliases WHERE alias = $q COLLATE NOCASE", r => r.GetString(0), ("$q", idOrName)).FirstOrDefault()
                 ?? List(name: idOrName, limit: 1).FirstOrDefault()?.Id;
        if (id is null) return null;
        var summary = Rows("SELECT e.id, e.type, e.name, e.acronym, e.articles, (SELECT count(*) FROM entity_mentions m WHERE m.entity_id = e.id) FROM entities e WHERE e.id = $id",
            ReadSummary, ("$id", id)).Single();
        var aliases = Rows("SELECT alias, articles FROM entity_aliases WHERE entity_id = $id ORDER BY articles DESC, alias", r => (r.GetString(0), r.GetInt32(1)), ("$id", id));
        var roles = Rows("SELECT role FROM entity_roles WHERE entity_id = $id ORDER BY role", r => r.GetString(0), ("$id", id));
        var mentions = Rows("SELECT m.article_id, m.start, m.end, m.text, m.confidence, m.evidence FROM entity_mentions m JOIN articles a ON a.id = m.article_id " +
                            "WHERE m.entity_id = $id ORDER BY a.published IS NULL, a.published, a.rowid, m.start",
            r => new EntityArticleMention(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetString(3), r.GetDouble(4), r.GetString(5)), ("$id", id));
        var quotes = new List<(string, Quote)>();
        foreach (var articleId in mentions.Select(m => m.ArticleId).Distinct())
            if (articles.Get(articleId)?.Layers.Get<Quote>(QuoteStage.Layer) is { } articleQuotes)
                quotes.AddRange(articleQuotes.Where(q => q.Speaker?.Entity == id).Select(q => (articleId, q)));
        return new EntityDetail(summary, aliases, roles, mentions, quotes);
    }

    /// <summary>Sets the "entity-refs" layer of a stored article from its linked mentions.</summary>
    public void Attach(Article article)
    {
        var refs = Rows("SELECT m.start, m.end, m.entity_id, e.name FROM entity_mentions m JOIN entities e ON e.id = m.entity_id WHERE m.article_id = $a ORDER BY m.start",
            r => new EntityRef(r.GetInt32(0), r.GetInt32(1), r.GetString(2), r.GetString(3)), ("$a", article.Id));
        if (refs.Count > 0) article.Layers.Set(EntityLinker.RefsLayer, refs);
    }

    private static EntitySummary ReadSummary(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetInt32(4), r.GetInt32(5));

    private void Save(SqliteTransaction tx, GlobalEntity g)
    {
        Exec(tx, "INSERT INTO entities(id, type, name, acronym, articles) VALUES ($id, $t, $n, $a, $c) " +
                 "ON CONFLICT(id) DO UPDATE SET name = excluded.name, acronym = excluded.acronym, articles = excluded.articles",
            ("$id", g.Id), ("$t", g.Type), ("$n", g.Name), ("$a", g.Acronym), ("$c", g.Articles));
        foreach (var (alias, n) in g.Aliases)
            Exec(tx, "INSERT INTO entity_aliases(entity_id, alias, articles) VALUES ($id, $al, $n) ON CONFLICT(entity_id, alias) DO UPDATE SET articles = excluded.articles",
                ("$id", g.Id), ("$al", alias), ("$n", n));
        foreach (var role in g.Roles)
            Exec(tx, "INSERT OR IGNORE INTO entity_roles(entity_id, role) VALUES ($id, $r)", ("$id", g.Id), ("$r", role));
    }

    private void Exec(SqliteTransaction tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (n, v) in parameters) cmd.Parameters.AddWithValue(n, v ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }

    private List<T> Rows<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in parameters) cmd.Parameters.AddWithValue(n, v ?? DBNull.Value);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(read(r));
        return list;
    }
}
