using Microsoft.Data.Sqlite;
using Tidings.Storage;

namespace Tidings.Web.Data;

/// <summary>An entity in a list: its key (the normalized name, used in URLs), canonical name, type and counts.</summary>
public sealed record EntitySummary(string Key, string Name, string Type, int Articles, int Quotes);

/// <summary>One spelling or alias of an entity and how many times it was written so.</summary>
public sealed record EntityAlias(string Name, int Mentions);

/// <summary>Everything the entity page shows.</summary>
public sealed record EntityDetail(EntitySummary Entity, IReadOnlyList<EntityAlias> Aliases, IReadOnlyList<string> Roles,
    IReadOnlyList<QuoteRow> Quotes, IReadOnlyList<ArticleRow> Articles, IReadOnlyList<StorySummary> Stories);

/// <summary>
/// Where entities come from. Today <see cref="MentionEntityDirectory"/> groups the stored per-article entity and
/// quote spans by normalized name; a global entity table replaces it by implementing this interface.
/// </summary>
public interface IEntityDirectory
{
    Page<EntitySummary> List(SqliteConnection c, string? type, string? name, string? cursor, int limit);

    EntityDetail? Get(SqliteConnection c, string key);

    /// <summary>SQL condition on the articles table (alias <c>a</c>) for articles that mention the entity bound to <paramref name="parameter"/>.</summary>
    string ArticleCondition(string parameter);

    /// <summary>The key an entity is looked up by, from a key or a name as typed.</summary>
    string KeyOf(string nameOrKey);
}
