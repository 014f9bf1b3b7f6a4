using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tidings.Output;
using Tidings.Storage;
using Tidings.Stories;
using Tidings.Web.Data;

namespace Tidings.Web.Api;

/// <summary>The JSON API, versioned under /api/v1 and described by /api/v1/openapi.json.</summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup(Prefix);
        api.MapGet("/openapi.json", http => ApiReply.Json(http, OpenApiDocument.Write));
        api.MapGet("/articles", http => Read(http, (ctx, c, q) =>
            ApiReply.Page(http, WebQueries.Articles(c.Connection, ArticleFilterOf(ctx, c.Connection, q), q.Cursor(), q.Limit()), WriteArticleRow)));
        api.MapGet("/articles/{id}", (HttpContext http, string id) => Read(http, (ctx, c, q) => ArticleDetail(http, c, id)));
        api.MapPost("/articles", ArticleSubmission.Handle);
        api.MapGet("/stories", http => Read(http, (ctx, c, q) =>
            ApiReply.Page(http, WebQueries.Stories(c.Connection, q.Date("since"), q.Until("until"), q.Cursor(), q.Limit()), WriteStorySummary)));
        api.MapGet("/stories/{id}", (HttpContext http, string id) => Read(http, (ctx, c, q) => StoryDetail(http, ctx, c, id)));
        api.MapGet("/quotes", http => Read(http, (ctx, c, q) =>
            ApiReply.Page(http, WebQueries.Quotes(c.Connection, QuoteFilterOf(ctx, c.Connection, q), q.Cursor(), q.Limit()), WriteQuote)));
        api.MapGet("/entities", http => Read(http, (ctx, c, q) =>
            ApiReply.Page(http, ctx.Entities.List(c.Connection, q.Text("type", 20), q.Text("name"), q.Cursor(), q.Limit()), WriteEntitySummary)));
        api.MapGet("/entities/{key}", (HttpContext http, string key) => Read(http, (ctx, c, q) =>
            ctx.Entities.Get(c.Connection, key) is { } e ? ApiReply.Json(http, w => WriteEntity(w, e)) : throw ApiProblem.NotFound($"entity \"{key}\"")));
        api.MapGet("/places", http => Read(http, (ctx, c, q) =>
            ApiReply.Page(http, WebQueries.Places(c.Connection, q.Text("story", 100), q.Text("article", 100), q.Cursor(), q.Limit()), WritePlace)));
        api.MapGet("/events", http => Read(http, (ctx, c, q) =>
            ApiReply.Page(http, EventQueries.List(c, EventQueries.FilterOf(ctx, c, q), q.Cursor(), q.Limit()), (w, e) => EventJsonWriter.WriteEvent(w, e))));
        api.MapGet("/events/{id}", (HttpContext http, string id) => Read(http, (ctx, c, q) =>
            new SqliteEventStore(c).Get(id) is { } e ? ApiReply.Json(http, w => EventJsonWriter.WriteEvent(w, e, e.Reports)) : throw ApiProblem.NotFound($"event \"{id}\"")));
        api.MapGet("/search", http => Read(http, (ctx, c, q) =>
            ApiReply.Page(http, WebQueries.Search(c.Connection, q.Text("q") ?? "", ArticleFilterOf(ctx, c.Connection, q), q.Cursor(), q.Limit()), WriteSearchRow)));
        api.Map("/{**rest}", (HttpContext http) => ApiReply.Error(http, 404, "not_found", $"no API endpoint {http.Request.Method} {http.Request.Path}"));
    }

    /// <summary>Runs a read with a pooled connection and the validated query parameters.</summary>
    public static async Task Read(HttpContext http, Func<WebContext, SqliteArticleStore, QueryParams, Task> body)
    {
        var ctx = http.RequestServices.GetRequiredService<WebContext>();
        using var lease = ctx.Stores.Rent();
        await body(ctx, lease.Store, new QueryParams(http));
    }

    public static ArticleFilter ArticleFilterOf(WebContext ctx, Microsoft.Data.Sqlite.SqliteConnection c, QueryParams q) => new()
    {
        Outlet = q.Text("outlet", 200),
        Since = q.Date("since"),
        Until = q.Until("until"),
        EntityKey = q.Text("entity") is { } e ? ctx.Entities.KeyOf(c, e) : null,
        PlaceKey = q.Text("place") is { } p ? EntityNames.Normalize(p) : null,
    };

    private static QuoteFilter QuoteFilterOf(WebContext ctx, Microsoft.Data.Sqlite.SqliteConnection c, QueryParams q) => new()
    {
        SpeakerKey = q.Text("speaker") is { } s ? ctx.Entities.KeyOf(c, s) : null,
        StoryId = q.Text("story", 100),
        ArticleId = q.Text("article", 100),
        Since = q.Date("since"),
        Until = q.Until("until"),
    };

    private static Task ArticleDetail(HttpContext http, SqliteArticleStore store, string id)
    {
        var article = store.Get(id) ?? throw ApiProblem.NotFound($"article \"{id}\"");
        new SqliteEventStore(store).AssignIds(article);
        var link = new SqliteStoryStore(store).StoryOf(article.Id) is { } l ? new StoryLink(l.ArticleId, l.StoryId, l.CopyOf, l.Probability) : null;
        return ApiReply.Json(http, w => ArticleJsonWriter.Write(w, article, store.Sources(article.Id), link));
    }

    private static Task StoryDetail(HttpContext http, WebContext ctx, SqliteArticleStore store, string id)
    {
        var stories = new SqliteStoryStore(store);
        var record = stories.Get(id) ?? throw ApiProblem.NotFound($"story \"{id}\"");
        var comparison = ctx.Compare(store, record, () => stories.Articles(record));
        return ApiReply.Json(http, w => StoryJson.Write(w, record, comparison));
    }

    public static void WriteArticleRow(Utf8JsonWriter w, ArticleRow a)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("title", a.Title);
        w.WriteString("outlet", a.Outlet);
        Tidings.Output.JsonFields.Date(w, "published", a.Published);
        w.WriteString("url", a.Url);
        w.WriteString("story", a.StoryId);
        w.WriteEndObject();
    }

    public static void WriteStorySummary(Utf8JsonWriter w, StorySummary s)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("headline", s.Headline);
        Tidings.Output.JsonFields.Date(w, "first_report", s.FirstReport);
        Tidings.Output.JsonFields.Date(w, "last_report", s.LastReport);
        Tidings.Output.JsonFields.Strings(w, "outlets", s.Outlets);
        w.WriteNumber("articles", s.Articles);
        w.WriteEndObject();
    }

    private static void WriteQuote(Utf8JsonWriter w, QuoteRow q)
    {
        w.WriteStartObject();
        w.WriteString("article", q.ArticleId);
        w.WriteNumber("start", q.Start);
        w.WriteNumber("end", q.End);
        w.WriteString("text", q.Text);
        w.WriteString("kind", q.Kind);
        w.WriteStartObject("speaker");
        w.WriteString("name", q.Speaker);
        w.WriteString("entity", q.SpeakerKey);
        w.WriteString("text", q.SpeakerText);
        w.WriteEndObject();
        w.WriteString("outlet", q.Outlet);
        Tidings.Output.JsonFields.Date(w, "published", q.Published);
        w.WriteEndObject();
    }

    private static void WriteEntitySummary(Utf8JsonWriter w, EntityListItem e)
    {
        w.WriteStartObject();
        WriteEntityFields(w, e);
        w.WriteEndObject();
    }

    private static void WriteEntityFields(Utf8JsonWriter w, EntityListItem e)
    {
        w.WriteString("key", e.Key);
        w.WriteString("name", e.Name);
        w.WriteString("type", e.Type);
        w.WriteNumber("articles", e.Articles);
    }

    private static void WriteEntity(Utf8JsonWriter w, EntityProfile e)
    {
        w.WriteStartObject();
        WriteEntityFields(w, e.Entity);
        w.WriteStartArray("aliases");
        foreach (var a in e.Aliases)
        {
            w.WriteStartObject();
            w.WriteString("name", a.Name);
            w.WriteNumber("articles", a.Articles);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Tidings.Output.JsonFields.Strings(w, "roles", e.Roles);
        w.WriteStartArray("quotes");
        foreach (var q in e.Quotes) WriteQuote(w, q);
        w.WriteEndArray();
        w.WriteStartArray("articles");
        foreach (var a in e.Articles) WriteArticleRow(w, a);
        w.WriteEndArray();
        w.WriteStartArray("stories");
        foreach (var s in e.Stories) WriteStorySummary(w, s);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WritePlace(Utf8JsonWriter w, PlaceRow p)
    {
        w.WriteStartObject();
        w.WriteString("key", p.Key);
        w.WriteString("name", p.Name);
        if (p.Latitude is { } lat && p.Longitude is { } lon)
        {
            w.WriteNumber("latitude", lat);
            w.WriteNumber("longitude", lon);
        }
        else
        {
            w.WriteNull("latitude");
            w.WriteNull("longitude");
        }
        w.WriteNumber("articles", p.Articles);
        w.WriteEndObject();
    }

    private static void WriteSearchRow(Utf8JsonWriter w, SearchRow s)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("title", s.Title);
        w.WriteString("outlet", s.Outlet);
        Tidings.Output.JsonFields.Date(w, "published", s.Published);
        // The snippet's matches are marked [[like this]] in plain text; the pages show them highlighted.
        w.WriteString("snippet", s.Snippet.Replace(SearchHit.MarkStart.ToString(), "[[").Replace(SearchHit.MarkEnd.ToString(), "]]"));
        w.WriteEndObject();
    }
}
