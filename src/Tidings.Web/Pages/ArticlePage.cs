using System.Globalization;
using Tidings.Documents;
using Tidings.Storage;
using Tidings.Web.Api;
using Tidings.Web.Data;

namespace Tidings.Web.Pages;

/// <summary>
/// An article: metadata, the clean body with its annotations highlighted, and the removed boilerplate on demand.
/// <c>?hl=START-END</c> highlights the sentences over those characters and anchors the first one as #hl, so a link
/// from a fact anywhere lands on its sentence.
/// </summary>
public static class ArticlePage
{
    public static PageEndpoints.View Render(SqliteArticleStore store, string id, QueryParams q)
    {
        var a = store.Get(id) ?? throw ApiProblem.NotFound($"article \"{id}\"");
        new SqliteEntityStore(store).Attach(a);
        var highlight = Highlight(q.Text("hl", 40), a.Text.Length);
        var story = new SqliteStoryStore(store).StoryOf(a.Id);
        var h = new Html();
        h.Open("article", ("class", "article"));
        h.El("h1", a.HeadlineText.Length > 0 ? a.HeadlineText : a.Title ?? "(no headline)");
        h.Open("p", ("class", "meta"));
        h.El("span", a.Outlet ?? a.Dateline?.Outlet ?? "unknown outlet", ("class", "outlet"));
        h.El("span", Html.Date(a.Published) + (a.PublishedInferred ? " (inferred)" : ""));
        if (a.Author is { } author) h.El("span", author);
        if (a.Dateline?.Place is { } place) h.El("span", place);
        if (story is not null) h.Link("/stories/" + Html.Url(story.StoryId), "the story");
        if (a.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https") h.Link(url, "original", "external");
        h.Close("p");
        h.Raw("<p class=\"legend\"><span class=\"ent\">entity</span> <span class=\"speaker\">speaker</span> <span class=\"quote\">quote</span> <span class=\"time\">time</span> <span class=\"place-name\">place</span></p>");
        h.Open("div", ("class", "body"));
        AnnotatedText.Render(h, a, highlight);
        h.Close("div");
        if (a.Boilerplate.Count > 0)
        {
            h.Open("details", ("class", "boilerplate")).El("summary", $"Removed boilerplate ({a.Boilerplate.Count})");
            foreach (var b in a.Boilerplate)
                h.Open("div", ("class", "removed")).El("span", b.Reason, ("class", "reason")).El("pre", a.Text[b.Start..b.End]).Close("div");
            h.Close("details");
        }
        h.Open("details", ("class", "sources")).El("summary", "Sources");
        h.Open("ul");
        foreach (var s in store.Sources(a.Id)) h.El("li", $"{s.Source}{(s.Url is null ? "" : " · " + s.Url)} (seen {Html.Date(s.SeenAt)})");
        h.Close("ul").Close("details");
        h.Open("p", ("class", "more")).Link("/api/v1/articles/" + Html.Url(a.Id), "This article as JSON").Close("p");
        h.Close("article");
        return new PageEndpoints.View(a.HeadlineText.Length > 0 ? a.HeadlineText : "Article", h);
    }

    private static (int Start, int End)? Highlight(string? value, int length)
    {
        if (value is null) return null;
        var parts = value.Split('-');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int s)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int e) && s < e && e <= length)
            return (s, e);
        throw ApiProblem.BadParameter("hl", $"expected START-END character offsets within the article (0 to {length})");
    }
}
