using Tidings.Extract.Events;
using Tidings.Storage;
using Tidings.Web.Api;

namespace Tidings.Web.Data;

/// <summary>Merged events for the API and the pages: the CLI's filters (<see cref="EventQuery"/>) with keyset paging.</summary>
public static class EventQueries
{
    /// <summary>Events shown on a story or entity page.</summary>
    public const int Shown = 50;

    public static EventQuery FilterOf(WebContext ctx, SqliteArticleStore store, QueryParams q)
    {
        string? type = q.Text("type", 20) is { } t
            ? Enum.TryParse<PloverType>(t, ignoreCase: true, out var p) && !int.TryParse(t, out _) ? p.ToString()
                : throw ApiProblem.BadParameter("type", $"\"{t}\" is not a PLOVER type ({string.Join(", ", Enum.GetNames<PloverType>())})")
            : null;
        return new EventQuery
        {
            Actor = q.Text("actor", 20),
            Type = type,
            StoryId = q.Text("story", 100) is { } s ? new SqliteStoryStore(store).Get(s)?.Id ?? s : null,
            ArticleId = q.Text("article", 100),
            EntityId = q.Text("entity") is { } e ? ctx.Entities.KeyOf(store.Connection, e) : null,
            Since = Day(q.Date("since")),
            Until = Day(q.Until("until")),
        };
    }

    private static string? Day(DateTimeOffset? d) => d?.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static Page<MergedEvent> List(SqliteArticleStore store, EventQuery query, string? cursor, int limit)
    {
        (string, string)? after = null;
        if (cursor is not null)
        {
            var parts = PageCursor.Decode(cursor, "events", 2);
            after = (parts[0], parts[1]);
        }
        var rows = new SqliteEventStore(store).List(query with { After = after, Limit = limit + 1 }).ToList();
        return PageCursor.Slice(rows, limit, e => PageCursor.Encode("events", e.Date ?? "", e.Id));
    }

    /// <summary>The events of a page with their reports (each links to its sentence).</summary>
    public static List<(MergedEvent Event, IReadOnlyList<EventReport> Reports)> WithReports(SqliteArticleStore store, EventQuery query)
    {
        var events = new SqliteEventStore(store);
        return events.List(query with { Limit = Shown }).Select(e => (e, events.Reports(e.Id))).ToList();
    }
}
