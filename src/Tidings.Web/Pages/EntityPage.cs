using Tidings.Storage;
using Tidings.Web.Api;
using Tidings.Web.Data;

namespace Tidings.Web.Pages;

/// <summary>The entity list and one entity: canonical name, spellings and aliases, roles, quotes in date order, stories, articles.</summary>
public static class EntityPage
{
    public static PageEndpoints.View RenderList(WebContext ctx, SqliteArticleStore store, QueryParams q)
    {
        string? type = q.Text("type", 20), name = q.Text("name");
        var page = ctx.Entities.List(store.Connection, type, name, q.Cursor(), 50);
        var h = new Html().El("h1", "Entities");
        h.Raw("<form class=\"filters\" action=\"/entities\" method=\"get\">")
            .Open("input", ("name", "name"), ("value", name), ("placeholder", "name starts with"), ("aria-label", "name"))
            .Raw("<select name=\"type\" aria-label=\"type\"><option value=\"\">any type</option>");
        foreach (var t in new[] { "PERSON", "ORG", "LOC" }) h.Open("option", ("value", t), ("selected", t == type?.ToUpperInvariant() ? "selected" : null)).Text(t).Close("option");
        h.Raw("</select><button type=\"submit\">Filter</button></form>");
        h.Open("table", ("class", "list")).Raw("<thead><tr><th>name</th><th>type</th><th>articles</th></tr></thead><tbody>");
        foreach (var e in page.Items)
            h.Open("tr").Open("td").Link(PageEndpoints.EntityHref(e.Key), e.Name).Close("td").El("td", e.Type).El("td", $"{e.Articles:N0}").Close("tr");
        h.Raw("</tbody></table>");
        PageEndpoints.NextLink(h, "/entities", page.Next, [("type", type), ("name", name)]);
        return new PageEndpoints.View("Entities", h);
    }

    public static PageEndpoints.View Render(WebContext ctx, SqliteArticleStore store, string key)
    {
        var e = ctx.Entities.Get(store.Connection, key) ?? throw ApiProblem.NotFound($"entity \"{key}\"");
        var h = new Html();
        h.El("h1", e.Entity.Name);
        h.Open("p", ("class", "meta")).El("span", e.Entity.Type, ("class", "type"))
            .El("span", $"{e.Entity.Articles:N0} articles").El("span", $"{e.Quotes.Count:N0} quotes").Close("p");
        if (e.Aliases.Count > 0)
        {
            h.El("h2", "Spellings and aliases").Open("ul", ("class", "aliases"));
            foreach (var a in e.Aliases) h.Open("li").Text(a.Name).El("span", a.Articles == 1 ? " (1 article)" : $" ({a.Articles} articles)", ("class", "who")).Close("li");
            h.Close("ul");
        }
        if (e.Roles.Count > 0)
        {
            h.El("h2", "Roles").Open("ul", ("class", "roles"));
            foreach (var r in e.Roles) h.El("li", r);
            h.Close("ul");
        }
        var points = WebQueries.PlacesOfEntity(store.Connection, e.Entity.Key);
        WorldMap.Render(h, points);
        EventTable.Render(h, EventQueries.WithReports(store, new EventQuery { EntityId = e.Entity.Key }));
        if (e.Quotes.Count > 0)
        {
            h.El("h2", "Quotes, in date order").Open("ol", ("class", "quotes"));
            foreach (var q in e.Quotes)
                h.Open("li").El("span", Html.Date(q.Published), ("class", "when"))
                    .Link(PageEndpoints.ArticleHref(q.ArticleId, q.Start, q.End), q.Text, "quote-link " + q.Kind)
                    .El("span", $" — {q.SpeakerText}, {q.Outlet}", ("class", "who")).Close("li");
            h.Close("ol");
        }
        if (e.Stories.Count > 0)
        {
            h.El("h2", "Stories").Open("ul", ("class", "stories"));
            foreach (var s in e.Stories)
                h.Open("li").Link("/stories/" + Html.Url(s.Id), s.Headline).El("span", $" — {string.Join(", ", s.Outlets)}, {Html.DateSpan(s.FirstReport, s.LastReport)}", ("class", "who")).Close("li");
            h.Close("ul");
        }
        h.El("h2", "Articles").Open("ul", ("class", "articles"));
        foreach (var a in e.Articles)
            h.Open("li").Link("/articles/" + Html.Url(a.Id), a.Title ?? a.Id).El("span", $" — {a.Outlet}, {Html.Date(a.Published)}", ("class", "who")).Close("li");
        h.Close("ul");
        return new PageEndpoints.View(e.Entity.Name, h);
    }
}
