using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tidings.Storage;
using Tidings.Web.Api;
using Tidings.Web.Data;

namespace Tidings.Web.Pages;

/// <summary>The server-rendered pages and their embedded style sheet and script.</summary>
public static class PageEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/", http => Render(http, HomePage.Render));
        app.MapGet("/stories/{id}", (HttpContext http, string id) => Render(http, (ctx, s, q) => StoryPage.Render(ctx, s, id)));
        app.MapGet("/articles/{id}", (HttpContext http, string id) => Render(http, (ctx, s, q) => ArticlePage.Render(s, id, q)));
        app.MapGet("/entities", http => Render(http, EntityPage.RenderList));
        app.MapGet("/entities/{key}", (HttpContext http, string key) => Render(http, (ctx, s, q) => EntityPage.Render(ctx, s, key)));
        app.MapGet("/search", http => Render(http, SearchPage.Render));
        app.MapGet("/assets/{name}", (HttpContext http, string name) => Asset(http, name));
        app.MapFallback(http => Error(http, 404, $"There is no page at {http.Request.Path}."));
    }

    /// <summary>A page: its title and body, in the shared layout.</summary>
    public sealed record View(string Title, Html Body);

    private static async Task Render(HttpContext http, Func<WebContext, SqliteArticleStore, QueryParams, View> page)
    {
        var ctx = http.RequestServices.GetRequiredService<WebContext>();
        View view;
        using (var lease = ctx.Stores.Rent()) view = page(ctx, lease.Store, new QueryParams(http));
        await Write(http, 200, view);
    }

    public static Task Error(HttpContext http, int status, string message)
    {
        var body = new Html().El("h1", status == 404 ? "Not found" : status >= 500 ? "Something went wrong" : "Cannot show this page")
            .El("p", message).Open("p").Link("/", "Back to the latest stories").Close("p");
        return Write(http, status, new View(status.ToString(System.Globalization.CultureInfo.InvariantCulture), body));
    }

    private static Task Write(HttpContext http, int status, View view)
    {
        var h = new Html();
        h.Raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .El("title", view.Title + " · Tidings")
            .Raw("<link rel=\"stylesheet\" href=\"/assets/site.css\"><script src=\"/assets/site.js\" defer></script></head><body>")
            .Raw("<header class=\"top\"><a class=\"brand\" href=\"/\">Tidings</a><nav><a href=\"/\">Stories</a><a href=\"/entities\">Entities</a>")
            .Raw("<a href=\"/api/v1/openapi.json\">API</a></nav>")
            .Raw("<form class=\"search\" action=\"/search\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\" placeholder=\"Search articles\" aria-label=\"Search articles\">")
            .Raw("<button type=\"submit\">Search</button></form></header><main>")
            .Raw(view.Body.ToString())
            .Raw("</main></body></html>");
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        return http.Response.WriteAsync(h.ToString());
    }

    private static async Task Asset(HttpContext http, string name)
    {
        string? type = Path.GetExtension(name) switch { ".css" => "text/css; charset=utf-8", ".js" => "text/javascript; charset=utf-8", _ => null };
        using var stream = type is null ? null : typeof(PageEndpoints).Assembly.GetManifestResourceStream("Tidings.Web.Assets." + name);
        if (stream is null)
        {
            await Error(http, 404, $"There is no asset {name}.");
            return;
        }
        http.Response.ContentType = type;
        http.Response.Headers.CacheControl = "public, max-age=3600";
        await stream.CopyToAsync(http.Response.Body);
    }

    /// <summary>The link to an article that scrolls to and highlights the characters [start, end).</summary>
    public static string ArticleHref(string articleId, int start, int end) => $"/articles/{Html.Url(articleId)}?hl={start}-{end}#hl";

    public static string EntityHref(string key) => "/entities/" + Html.Url(key);

    /// <summary>The "next page" link of a list page: the same query with the page's cursor.</summary>
    public static void NextLink(Html h, string path, string? next, IEnumerable<(string Name, string? Value)> query)
    {
        if (next is null) return;
        var parts = query.Where(p => p.Value is not null).Select(p => $"{p.Name}={Html.Url(p.Value!)}").Append($"cursor={Html.Url(next)}");
        h.Open("p", ("class", "more")).Link($"{path}?{string.Join("&", parts)}", "Next page →").Close("p");
    }
}
