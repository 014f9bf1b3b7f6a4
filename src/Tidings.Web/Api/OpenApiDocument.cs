using System.Text.Json;

namespace Tidings.Web.Api;

/// <summary>The OpenAPI 3.1 description of /api/v1, generated from one table of the endpoints so it cannot drift apart from itself.</summary>
public static class OpenApiDocument
{
    private sealed record Param(string Name, string In, string Description, string Type = "string", bool Required = false);

    private sealed record Endpoint(string Path, string Method, string Summary, Param[] Parameters, string Returns);

    private static readonly Param Cursor = new("cursor", "query", "the `next` value of the previous page");
    private static readonly Param Limit = new("limit", "query", "page size, 1 to 100 (default 20)", "integer");
    private static readonly Param Since = new("since", "query", "on or after this date (YYYY-MM-DD)");
    private static readonly Param Until = new("until", "query", "up to this date, inclusive (YYYY-MM-DD)");
    private static readonly Param Outlet = new("outlet", "query", "outlet name, case-insensitive");

    private static readonly Endpoint[] Endpoints =
    [
        new("/articles", "get", "Articles, newest first, filtered by outlet, date range, entity and place",
            [Outlet, Since, Until, new("entity", "query", "entity key or name"), new("place", "query", "place name"), Cursor, Limit], "a page of article rows"),
        new("/articles", "post", "Submit articles in any format `tidings ingest` reads; all or nothing; 422 with the problems when any part is unreadable, 413 over the size limit",
            [], "the stored articles and what happened to each (stored, duplicate, unchanged)"),
        new("/articles/{id}", "get", "One article with its text, spans, annotations (sentences, entities, quotes, times) and sources; offsets are UTF-16 positions in `text`",
            [new("id", "path", "article id or unique prefix (4+ characters)", Required: true)], "the article in the schema of docs/schema.md"),
        new("/stories", "get", "Stories, most recent report first", [Since, Until, Cursor, Limit], "a page of story rows"),
        new("/stories/{id}", "get", "One story: record, summary with provenance, and the comparison (shared and unique facts per article, disagreements)",
            [new("id", "path", "story id, unique prefix, or the id of one of its articles", Required: true)], "the story"),
        new("/quotes", "get", "Attributed quotations and reported speech, newest first",
            [new("speaker", "query", "speaker entity key or name"), new("story", "query", "story id"), new("article", "query", "article id"), Since, Until, Cursor, Limit], "a page of quotes"),
        new("/entities", "get", "Entities (names grouped across articles), most mentioned first",
            [new("type", "query", "PERSON, ORG or LOC"), new("name", "query", "name prefix"), Cursor, Limit], "a page of entities"),
        new("/entities/{key}", "get", "One entity: canonical name, spellings and aliases, roles, quotes in date order, articles, stories",
            [new("key", "path", "entity key (normalized name) or name", Required: true)], "the entity"),
        new("/places", "get", "Places named by the articles, with gazetteer coordinates when the places layer gives them",
            [new("story", "query", "story id"), new("article", "query", "article id"), Cursor, Limit], "a page of places"),
        new("/events", "get", "Events (who did what to whom, when and where), merged across reports within a story; latest event date first",
            [new("actor", "query", "source or target code prefix (PAK, USAGOV)"), new("type", "query", "PLOVER event type (ASSAULT, CONSULT…)"),
             new("story", "query", "story id"), new("article", "query", "article id"), new("entity", "query", "entity key or name: events whose source or target names it"),
             Since, Until, Cursor, Limit], "a page of events (docs/schema.md)"),
        new("/events/{id}", "get", "One event with every report: article, outlet, predicate and sentence offsets",
            [new("id", "path", "event id", Required: true)], "the event with its reports"),
        new("/search", "get", "Full-text search (words, \"phrases\", AND/OR/NOT, prefix*) with snippets; matches marked [[like this]]",
            [new("q", "query", "the query", Required: true), Outlet, Since, Until, Cursor, Limit], "a page of hits"),
    ];

    public static void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("openapi", "3.1.0");
        w.WriteStartObject("info");
        w.WriteString("title", "Tidings API");
        w.WriteString("version", "1");
        w.WriteString("description", "Read-only views of the stored articles, stories, quotes, entities and places, and article submission. " +
            "Lists are paged with opaque cursors (`next`); reads carry an ETag. Errors are {\"error\": {\"status\", \"code\", \"message\"}}. " +
            "A server started with --public requires the API key in the X-Api-Key header (or Authorization: Bearer).");
        w.WriteEndObject();
        w.WriteStartArray("servers");
        w.WriteStartObject();
        w.WriteString("url", ApiEndpoints.Prefix);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("paths");
        foreach (var path in Endpoints.GroupBy(e => e.Path))
        {
            w.WriteStartObject(path.Key);
            foreach (var e in path) WriteOperation(w, e);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartObject("components");
        w.WriteStartObject("securitySchemes");
        w.WriteStartObject("apiKey");
        w.WriteString("type", "apiKey");
        w.WriteString("in", "header");
        w.WriteString("name", WebServerOptions.ApiKeyHeader);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteOperation(Utf8JsonWriter w, Endpoint e)
    {
        w.WriteStartObject(e.Method);
        w.WriteString("summary", e.Summary);
        w.WriteStartArray("parameters");
        foreach (var p in e.Parameters)
        {
            w.WriteStartObject();
            w.WriteString("name", p.Name);
            w.WriteString("in", p.In);
            w.WriteString("description", p.Description);
            w.WriteBoolean("required", p.Required);
            w.WriteStartObject("schema");
            w.WriteString("type", p.Type);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (e.Method == "post")
        {
            w.WriteStartObject("requestBody");
            w.WriteBoolean("required", true);
            w.WriteStartObject("content");
            w.WriteStartObject("*/*");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteStartObject("responses");
        w.WriteStartObject(e.Method == "post" ? "201" : "200");
        w.WriteString("description", e.Returns);
        w.WriteEndObject();
        foreach (var (code, text) in new[] { ("400", "a parameter cannot be used (JSON error)"), ("404", "not found (JSON error)") })
        {
            w.WriteStartObject(code);
            w.WriteString("description", text);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
