using Tidings.Extract.Events;

namespace Tidings.Web.Pages;

/// <summary>
/// The events table of the story and entity pages: type, source → target (codes and names), date, place, and the
/// reports — each links to its sentence in the article, as quotes do.
/// </summary>
public static class EventTable
{
    public static void Render(Html h, IReadOnlyList<(MergedEvent Event, IReadOnlyList<EventReport> Reports)> events)
    {
        if (events.Count == 0) return;
        h.El("h2", "Events").Open("table", ("class", "list events"))
            .Raw("<thead><tr><th>type</th><th>source → target</th><th>date</th><th>place</th><th>reports</th></tr></thead><tbody>");
        foreach (var (e, reports) in events)
        {
            h.Open("tr", ("id", e.Id)).Open("td");
            var first = reports.FirstOrDefault();
            string type = e.Flags.Count > 0 ? $"{e.Plover} ({string.Join(", ", e.Flags)})" : e.Plover;
            if (first is null) h.Text(type);
            else h.Link(PageEndpoints.ArticleHref(first.ArticleId, first.Mention.Start, first.Mention.End), type, "fact event-type");
            h.El("span", " " + e.Cameo, ("class", "who")).Close("td");
            h.Open("td");
            Actor(h, e.Source);
            h.Raw(" → ");
            Actor(h, e.Target);
            h.Close("td");
            h.El("td", e.Date ?? "undated").El("td", e.Place?.Name ?? "—");
            h.Open("td").El("span", Counts(e), ("class", "counts"));
            foreach (var r in reports)
                h.Raw(" ").Link(PageEndpoints.ArticleHref(r.ArticleId, r.Mention.SentenceStart, r.Mention.SentenceEnd), r.Outlet ?? "article", "fact report");
            h.Close("td").Close("tr");
        }
        h.Raw("</tbody></table>");
    }

    private static void Actor(Html h, EventActor? a)
    {
        if (a is null)
        {
            h.El("span", "—", ("class", "none"));
            return;
        }
        h.El("code", a.Code ?? "?").Raw(" ").Text(a.Name ?? a.Text);
    }

    private static string Counts(MergedEvent e) =>
        $"{Plural(e.Mentions, "mention")} in {Plural(e.Articles, "article")}, {Plural(e.Outlets, "outlet")} ({e.IndependentOutlets} independent)";

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
