using Microsoft.Data.Sqlite;
using Tidings.Storage;

namespace Tidings.Web.Data;

/// <summary>An entity in a list: its key (the id used in URLs), canonical name, type and counts.</summary>
public sealed record EntityListItem(string Key, string Name, string Type, int Articles);

/// <summary>One spelling or alias of an entity and how many times it was written so.</summary>
public sealed record EntityAlias(string Name, int Articles);

/// <summary>Everything the entity page shows.</summary>
public sealed record EntityProfile(EntityListItem Entity, IReadOnlyList<EntityAlias> Aliases, IReadOnlyList<string> Roles,
    IReadOnlyList<QuoteRow> Quotes, IReadOnlyList<ArticleRow> Articles, IReadOnlyList<StorySummary> Stories);

/// <summary>
/// Where the pages and the API get entities from: today <see cref="GlobalEntityDirectory"/>, over the global entity
/// table (Storage/SqliteEntityStore). Another source (a server store) implements this interface; nothing else changes.
/// </summary>
public interface IEntityDirectory
{
    Page<EntityListItem> List(SqliteConnection c, string? type, string? name, string? cursor, int limit);

    EntityProfile? Get(SqliteConnection c, string key);

    /// <summary>The key an entity is looked up by, from a key or a name as typed.</summary>
    string KeyOf(SqliteConnection c, string nameOrKey);
}
