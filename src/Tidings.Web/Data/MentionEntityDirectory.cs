using Microsoft.Data.Sqlite;

namespace Tidings.Web.Data;

/// <summary>Entities as names grouped across articles, from the tables of <see cref="AnnotationIndex"/>.</summary>
public sealed class MentionEntityDirectory : IEntityDirectory
{
    public const int QuotesShown = 200;
    public const int ArticlesShown = 50;
    public const int StoriesShown = 20;

    public string KeyOf(string nameOrKey) => EntityNames.Normalize(nameOrKey);

    public string ArticleCondition(string parameter) =>
        $"a.rowid IN (SELECT article_rowid FROM web_mentions WHERE entity_key = {parameter})";

    public Page<EntitySummary> List(SqliteConnection c, string? type, string? name, string? cursor, int limit)
    {
        using var cmd = c.CreateCommand();
        var where = new List<string>();
        if (type is not null) { where.Add("type = $type"); cmd.Parameters.AddWithValue("$type", type.ToUpperInvariant()); }
        if (name is not null) { where.Add("key >= $name AND key < $name || char(1114111)"); cmd.Parameters.AddWithValue("$name", KeyOf(name)); }
        if (cursor is not null)
        {
            var p = PageCursor.Decode(cursor, "entities", 2);
            where.Add("(articles, key) < ($ca, $ck)");
            cmd.Parameters.AddWithValue("$ca", long.TryParse(p[0], out var n) ? n : throw ApiProblem.BadParameter("cursor", "damaged"));
            cmd.Parameters.AddWithValue("$ck", p[1]);
        }
        cmd.CommandText = $"""
            SELECT key, name, type, articles, quotes FROM web_entities {Sql.Where(where)}
            ORDER BY articles DESC, key DESC LIMIT $limit
            """;
        cmd.Parameters.AddWithValue("$limit", limit + 1);
        var rows = Sql.Rows(cmd, ReadSummary);
        return PageCursor.Slice(rows, limit, e => PageCursor.Encode("entities", e.Articles.ToString(), e.Key));
    }

    public EntityDetail? Get(SqliteConnection c, string key)
    {
        key = KeyOf(key);
        var summary = Sql.Rows(Sql.Command(c, "SELECT key, name, type, articles, quotes FROM web_entities WHERE key = $k", ("$k", key)), ReadSummary).FirstOrDefault();
        if (summary is null) return null;
        var aliases = Sql.Rows(Sql.Command(c, """
            SELECT name, sum(mentions) AS n FROM web_mentions WHERE entity_key = $k GROUP BY name ORDER BY n DESC, name LIMIT 50
            """, ("$k", key)), r => new EntityAlias(r.GetString(0), r.GetInt32(1)));
        var quotes = WebQueries.Quotes(c, new QuoteFilter { SpeakerKey = key, Oldest = true }, null, QuotesShown).Items;
        var roles = quotes.Select(q => Role(q.SpeakerText, aliases)).OfType<string>()
            .GroupBy(r => r, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).Select(g => g.First()).Take(10).ToList();
        var articles = WebQueries.Articles(c, new ArticleFilter { EntityKey = key }, this, null, ArticlesShown).Items;
        var stories = WebQueries.StoriesOf(c, $"""
            SELECT DISTINCT sa.story_id FROM web_mentions m JOIN articles a ON a.rowid = m.article_rowid
            JOIN story_articles sa ON sa.article_id = a.id WHERE m.entity_key = $k
            """, ("$k", key), StoriesShown);
        return new EntityDetail(summary, aliases, roles, quotes, articles, stories);
    }

    /// <summary>What a speaker phrase says besides the name: "the department's Spokesperson" of "the department's Spokesperson Ned Price".</summary>
    private static string? Role(string speakerText, IReadOnlyList<EntityAlias> aliases)
    {
        var role = speakerText;
        foreach (var a in aliases.OrderByDescending(a => a.Name.Length))
            role = role.Replace(a.Name, "", StringComparison.OrdinalIgnoreCase);
        role = role.Trim(' ', ',', '-', '—', '(', ')');
        if (role.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) role = role[4..];
        return role.Length >= 3 && role.Any(char.IsLetter) ? role : null;
    }

    private static EntitySummary ReadSummary(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4));
}
