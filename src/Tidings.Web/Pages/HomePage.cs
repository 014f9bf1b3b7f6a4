using Tidings.Storage;
using Tidings.Web.Api;
using Tidings.Web.Data;

namespace Tidings.Web.Pages;

/// <summary>The home page: counts, a search box and the latest stories.</summary>
public static class HomePage
{
    public const int StoriesShown = 30;

    public static PageEndpoints.View Render(WebContext ctx, SqliteArticleStore store, QueryParams q)
    {
        var c = store.Connection;
        var (articles, stories, outlets, entities) = WebQueries.Counts(c);
        var page = WebQueries.Stories(c, null, null, q.Cursor(), StoriesShown);
        var h = new Html();
        h.El("h1", "Latest stories");
        h.Open("p", ("class", "counts"))
            .El("span", $"{articles:N0} articles").El("span", $"{stories:N0} stories").El("span", $"{outlets:N0} outlets").El("span", $"{entities:N0} entities")
            .Close("p");
        h.Raw("<form class=\"search big\" action=\"/search\" method=\"get\"><input type=\"search\" name=\"q\" placeholder=\"Search the articles, e.g. Bannu\" aria-label=\"Search\"><button type=\"submit\">Search</button></form>");
        if (page.Items.Count == 0)
            h.El("p", articles == 0 ? "No articles yet: run `tidings serve PATH` or POST to /api/v1/articles." : "No stories yet: they appear once the articles are clustered (`tidings stories`).");
        h.Open("ol", ("class", "stories"));
        foreach (var s in page.Items)
        {
            h.Open("li", ("class", "story"));
            h.Link("/stories/" + Html.Url(s.Id), s.Headline.Length > 0 ? s.Headline : "(no headline)", "headline");
            h.Open("div", ("class", "meta"))
                .El("span", string.Join(", ", s.Outlets), ("class", "outlets"))
                .El("span", s.Articles == 1 ? "1 article" : $"{s.Articles} articles", ("class", "count"))
                .El("span", Html.DateSpan(s.FirstReport, s.LastReport), ("class", "dates"))
                .Close("div");
            h.Close("li");
        }
        h.Close("ol");
        PageEndpoints.NextLink(h, "/", page.Next, []);
        return new PageEndpoints.View("Latest stories", h);
    }
}
