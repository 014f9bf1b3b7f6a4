using Microsoft.Data.Sqlite;

namespace Tidings.Web.Data;

/// <summary>
/// Entities from the global entity table (migration 3: entities, entity_aliases, entity_roles, entity_mentions), linked
/// at ingest. Quotes come from the page index, keyed by the speaker's entity id.
/// </summary>
public sealed class GlobalEntityDirectory : IEntityDirectory
{
    public const int QuotesShown = 200;
    public const int ArticlesShown = 50;
    public const int StoriesShown = 20;

    /// <summary>An entity's stories are those of its latest articles: a famous name's page stays as fast as a rare one's.</summary>
    public const int StoriesFromArticles = 300;

    /// <summary>Indexes the entity list needs beyond the store's own, created with the page index.</summary>
    public static readonly string[] Indexes =
    [
        "CREATE INDEX IF NOT EXISTS web_entities_by_articles ON entities(articles DESC, id DESC)",
        "CREATE INDEX IF NOT EXISTS web_entities_by_type ON entities(type, articles DESC, id DESC)",
    ];

    /// <summary>The entity id of an id, a canonical name or a spelling; for a name no entity has, its normalized form (the quotes' key).</summary>
    public string KeyOf(SqliteConnection c, string nameOrKey) =>
        Sql.Rows(Sql.Command(c, """
            SELECT id FROM entities WHERE id = $q
            UNION ALL SELECT id FROM (SELECT id FROM entities WHERE name = $q COLLATE NOCASE ORDER BY articles DESC LIMIT 1)
            UNION ALL SELECT entity_id FROM (SELECT entity_id FROM entity_aliases WHERE alias = $q COLLATE NOCASE ORDER BY articles DESC LIMIT 1)
            LIMIT 1
            """, ("$q", nameOrKey)), r => r.GetString(0)).FirstOrDefault() ?? EntityNames.Normalize(nameOrKey);

    public Page<EntityListItem> List(SqliteConnection c, string? type, string? name, string? cursor, int limit)
    {
        using var cmd = c.CreateCommand();
        var where = new List<string>();
        if (type is not null) { where.Add("e.type = $type"); cmd.Parameters.AddWithValue("$type", type.ToUpperInvariant()); }
        if (name is not null) { where.Add("e.name LIKE $name || '%'"); cmd.Parameters.AddWithValue("$name", name.Replace("%", "").Replace("_", "")); }
        if (cursor is not null)
        {
            var p = PageCursor.Decode(cursor, "entities", 2);
            where.Add("(e.articles, e.id) < ($ca, $ci)");
            cmd.Parameters.AddWithValue("$ca", long.TryParse(p[0], out var n) ? n : throw ApiProblem.BadParameter("cursor", "damaged"));
            cmd.Parameters.AddWithValue("$ci", p[1]);
        }
        cmd.CommandText = $"""
            SELECT e.id, e.name, e.type, e.articles FROM entities e {Sql.Where(where)} ORDER BY e.articles DESC, e.id DESC LIMIT $limit
            """;
        cmd.Parameters.AddWithValue("$limit", limit + 1);
        var rows = Sql.Rows(cmd, ReadItem);
        return PageCursor.Slice(rows, limit, e => PageCursor.Encode("entities", e.Articles.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Key));
    }

    public EntityProfile? Get(SqliteConnection c, string key)
    {
        string id = KeyOf(c, key);
        var item = Sql.Rows(Sql.Command(c, """
            SELECT e.id, e.name, e.type, e.articles FROM entities e WHERE e.id = $id
            """, ("$id", id)), ReadItem).FirstOrDefault();
        if (item is null) return null;
        var aliases = Sql.Rows(Sql.Command(c, "SELECT alias, articles FROM entity_aliases WHERE entity_id = $id ORDER BY articles DESC, alias LIMIT 50", ("$id", id)),
            r => new EntityAlias(r.GetString(0), r.GetInt32(1)));
        var roles = Sql.Rows(Sql.Command(c, "SELECT role FROM entity_roles WHERE entity_id = $id ORDER BY role LIMIT 20", ("$id", id)), r => r.GetString(0));
        var quotes = WebQueries.Quotes(c, new QuoteFilter { SpeakerKey = id, Oldest = true }, null, QuotesShown).Items;
        string Latest(int n) => $"SELECT article_rowid FROM web_entity_articles WHERE entity_id = $id ORDER BY published DESC LIMIT {n}";
        var articles = WebQueries.ArticlesByRowid(c, Latest(ArticlesShown), ("$id", id));
        var stories = WebQueries.StoriesOf(c, $"SELECT sa.story_id FROM articles a JOIN story_articles sa ON sa.article_id = a.id WHERE a.rowid IN ({Latest(StoriesFromArticles)})",
            ("$id", id), StoriesShown);
        return new EntityProfile(item, aliases, roles, quotes, articles, stories);
    }

    private static EntityListItem ReadItem(SqliteDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3));
}
