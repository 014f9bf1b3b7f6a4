using Tidings.Storage;
using Tidings.Web.Api;
using Tidings.Web.Data;

namespace Tidings.Web.Pages;

/// <summary>Search results with snippets (matches highlighted) and filters by outlet and dates.</summary>
public static class SearchPage
{
    public static PageEndpoints.View Render(WebContext ctx, SqliteArticleStore store, QueryParams q)
    {
        string? text = q.Text("q"), outlet = q.Text("outlet", 200), since = q.Text("since", 40), until = q.Text("until", 40);
        var h = new Html().El("h1", text is null ? "Search" : $"Search: {text}");
        h.Raw("<form class=\"filters\" action=\"/search\" method=\"get\">")
            .Open("input", ("type", "search"), ("name", "q"), ("value", text), ("placeholder", "words, \"phrases\", AND, OR, NOT, prefix*"), ("aria-label", "query"))
            .Open("input", ("name", "outlet"), ("value", outlet), ("placeholder", "outlet"), ("aria-label", "outlet"))
            .Open("input", ("type", "date"), ("name", "since"), ("value", since), ("aria-label", "since"))
            .Open("input", ("type", "date"), ("name", "until"), ("value", until), ("aria-label", "until"))
            .Raw("<button type=\"submit\">Search</button></form>");
        if (text is null) return new PageEndpoints.View("Search", h);
        var filter = ApiEndpoints.ArticleFilterOf(ctx, store.Connection, q);
        var page = WebQueries.Search(store.Connection, text, filter, q.Cursor(), 20);
        if (page.Items.Count == 0) h.El("p", "No article matches.");
        h.Open("ol", ("class", "hits"));
        foreach (var hit in page.Items)
        {
            h.Open("li", ("class", "hit")).Link("/articles/" + Html.Url(hit.Id), hit.Title ?? hit.Id, "headline");
            h.El("div", $"{hit.Outlet} · {Html.Date(hit.Published)}", ("class", "meta"));
            h.Open("p", ("class", "snippet"));
            Snippet(h, hit.Snippet);
            h.Close("p").Close("li");
        }
        h.Close("ol");
        PageEndpoints.NextLink(h, "/search", page.Next, [("q", text), ("outlet", outlet), ("since", since), ("until", until)]);
        return new PageEndpoints.View($"Search: {text}", h);
    }

    /// <summary>The snippet escaped piece by piece, the matches (between the store's marks) in &lt;mark&gt;.</summary>
    private static void Snippet(Html h, string snippet)
    {
        var parts = snippet.Split(SearchHit.MarkStart);
        h.Text(parts[0]);
        foreach (var part in parts.Skip(1))
        {
            int end = part.IndexOf(SearchHit.MarkEnd);
            if (end < 0) { h.Text(part); continue; }
            h.El("mark", part[..end]).Text(part[(end + 1)..]);
        }
    }
}
