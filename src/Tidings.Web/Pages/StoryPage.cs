using System.Text.RegularExpressions;
using Tidings.Documents;
using Tidings.Storage;
using Tidings.Stories;
using Tidings.Web.Data;

namespace Tidings.Web.Pages;

/// <summary>
/// A story: the articles as columns, rows aligned on the facts they share, then each outlet's own facts; disagreements
/// marked in the cells and listed above; quotes grouped by speaker; a timeline of the dates the articles mention; a map
/// when the places layer gives coordinates. Every fact links to its sentence in the article.
/// </summary>
public static partial class StoryPage
{
    public static PageEndpoints.View Render(WebContext ctx, SqliteArticleStore store, string id)
    {
        var stories = new SqliteStoryStore(store);
        var record = stories.Get(id) ?? throw ApiProblem.NotFound($"story \"{id}\"");
        var articles = stories.Articles(record);
        var comparison = ctx.Compare(store, record, () => articles);
        var byId = articles.ToDictionary(a => a.Id);
        var h = new Html();
        h.El("h1", record.Headline);
        h.Open("p", ("class", "meta"))
            .El("span", string.Join(", ", record.Outlets), ("class", "outlets"))
            .El("span", record.ArticleCount == 1 ? "1 article" : $"{record.ArticleCount} articles")
            .El("span", Html.DateSpan(record.FirstReport, record.LastReport))
            .Close("p");
        WorldMap.Render(h, WebQueries.Places(store.Connection, record.Id, null, null, 100).Items
            .Where(p => p.Latitude is not null && p.Longitude is not null).Select(p => new MapPoint(p.Name, p.Latitude!.Value, p.Longitude!.Value)).ToList());
        if (record.Summary.Count > 0)
        {
            h.El("h2", "Summary").Open("ul", ("class", "summary"));
            foreach (var s in record.Summary) h.Open("li").Link(PageEndpoints.ArticleHref(s.ArticleId, s.Start, s.End), s.Text, "fact").Close("li");
            h.Close("ul");
        }
        var disputed = comparison.Disagreements.SelectMany(d => d.Values).Select(f => (f.ArticleId, f.Start)).ToHashSet();
        if (comparison.Disagreements.Count > 0)
        {
            h.El("h2", "Disagreements").Open("ul", ("class", "disagreements"));
            foreach (var d in comparison.Disagreements)
            {
                h.Open("li", ("class", "disagreement")).El("span", d.Kind, ("class", "kind")).El("span", d.Slot, ("class", "slot")).Raw(": ");
                foreach (var (f, i) in d.Values.Select((f, i) => (f, i)))
                {
                    if (i > 0) h.Raw(" <span class=\"vs\">vs</span> ");
                    h.Link(PageEndpoints.ArticleHref(f.ArticleId, f.Start, f.End), f.Text, "fact disagree")
                        .El("span", $" ({Outlet(byId, f.ArticleId)})", ("class", "who"));
                }
                h.Close("li");
            }
            h.Close("ul");
        }
        Columns(h, comparison, disputed);
        EventTable.Render(h, EventQueries.WithReports(store, new EventQuery { StoryId = record.Id }));
        QuotesBySpeaker(h, articles);
        Timeline(h, articles);
        return new PageEndpoints.View(record.Headline, h);
    }

    private static string Outlet(Dictionary<string, Article> byId, string articleId) =>
        byId.TryGetValue(articleId, out var a) ? a.Outlet ?? a.Dateline?.Outlet ?? "unknown outlet" : "unknown outlet";

    /// <summary>One column per article; a row per shared fact (same kind and key, quotes by content), then each column's own facts.</summary>
    private static void Columns(Html h, StoryComparison comparison, HashSet<(string, int)> disputed)
    {
        var cols = comparison.Articles;
        var rows = new List<(string Label, Fact?[] Cells)>();
        var quoteMatch = CoverageComparer.QuoteMatcher(TermStatistics.CreateDefault());
        // The values of a disagreement (Tehrik / Tehreek) share a row: the same slot, filled differently.
        var rivals = comparison.Disagreements.SelectMany(d => d.Values.SelectMany(x => d.Values.Where(y => y != x).Select(y => ((x.ArticleId, x.Start), (y.ArticleId, y.Start))))).ToHashSet();
        for (int c = 0; c < cols.Count; c++)
            foreach (var f in cols[c].Shared)
            {
                int row = rows.FindIndex(r => r.Cells[c] is null && r.Cells.Any(x => x is not null && (SameFact(x, f, quoteMatch) || rivals.Contains(((x.ArticleId, x.Start), (f.ArticleId, f.Start))))));
                if (row < 0) { rows.Add((f.Kind, new Fact?[cols.Count])); row = rows.Count - 1; }
                rows[row].Cells[c] = f;
            }
        h.El("h2", "Side by side");
        h.Open("div", ("class", "columns-scroll")).Open("table", ("class", "columns"));
        h.Open("thead").Open("tr").El("th", "");
        foreach (var c in cols)
            h.Open("th", ("class", "outlet-head")).El("div", c.Outlet ?? "unknown outlet", ("class", "outlet"))
                .Link("/articles/" + Html.Url(c.ArticleId), c.Headline.Length > 0 ? c.Headline : "(no headline)", "headline").Close("th");
        h.Close("tr").Close("thead").Open("tbody");
        foreach (var (label, cells) in rows.OrderBy(r => KindOrder(r.Label)))
        {
            h.Open("tr", ("class", "shared")).El("th", label);
            foreach (var f in cells) Cell(h, f is null ? [] : [f], disputed);
            h.Close("tr");
        }
        h.Open("tr", ("class", "unique")).El("th", "only here");
        foreach (var c in cols) Cell(h, c.Unique, disputed);
        h.Close("tr").Open("tr", ("class", "additions")).El("th", "added sentences");
        foreach (var c in cols) Cell(h, c.Additions, disputed);
        h.Close("tr").Close("tbody").Close("table").Close("div");
    }

    private static int KindOrder(string kind) => kind switch { "name" => 0, "number" => 1, "date" => 2, _ => 3 };

    private static bool SameFact(Fact a, Fact b, Func<string, string, double> quoteMatch) =>
        a.Kind == b.Kind && (a.Kind == "quote" ? quoteMatch(a.Text, b.Text) >= 0.5 : a.Key == b.Key || a.Text == b.Text);

    private static void Cell(Html h, IReadOnlyList<Fact> facts, HashSet<(string, int)> disputed)
    {
        h.Open("td");
        if (facts.Count == 0) h.El("span", "—", ("class", "none"));
        foreach (var f in facts)
        {
            bool disagree = disputed.Contains((f.ArticleId, f.Start));
            h.Link(PageEndpoints.ArticleHref(f.ArticleId, f.Start, f.End), Shorten(f.Text, 220), disagree ? $"fact {f.Kind} disagree" : $"fact {f.Kind}");
        }
        h.Close("td");
    }

    private static void QuotesBySpeaker(Html h, List<Article> articles)
    {
        var quotes = articles.SelectMany(a => Layers.Quotes(a).Where(q => q.Kind != "scare" && q.Speaker is not null).Select(q => (Article: a, Quote: q)))
            .GroupBy(x => x.Quote.Speaker!.Entity ?? EntityNames.Normalize(x.Quote.Speaker.Name)).OrderByDescending(g => g.Count()).ToList();
        if (quotes.Count == 0) return;
        h.El("h2", "Quotes by speaker").Open("div", ("class", "speakers"));
        foreach (var g in quotes)
        {
            var speaker = g.First().Quote.Speaker!;
            h.Open("section", ("class", "speaker-group")).Open("h3");
            if (speaker.Entity is { } entity) h.Link(PageEndpoints.EntityHref(entity), speaker.Name);
            else h.Text(speaker.Name);
            h.Close("h3").Open("ul");
            foreach (var (a, q) in g)
                h.Open("li").Link(PageEndpoints.ArticleHref(a.Id, q.Start, q.End), Shorten(q.Text, 300), "quote-link " + q.Kind)
                    .El("span", $" — {a.Outlet ?? a.Dateline?.Outlet}, {q.Kind}", ("class", "who")).Close("li");
            h.Close("ul").Close("section");
        }
        h.Close("div");
    }

    [GeneratedRegex(@"^\d{4}(-\d{2}){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CalendarValue();

    /// <summary>The calendar dates the articles mention (resolved time expressions) in order, each with where it is said.</summary>
    private static void Timeline(Html h, List<Article> articles)
    {
        var dates = articles.SelectMany(a => Layers.Times(a).Where(t => t.Type == "DATE" && CalendarValue().IsMatch(t.Value)).Select(t => (Article: a, Time: t)))
            .GroupBy(x => x.Time.Value).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (dates.Count == 0) return;
        h.El("h2", "Timeline").Open("ol", ("class", "timeline"));
        foreach (var g in dates)
        {
            h.Open("li").El("span", g.Key, ("class", "when"));
            foreach (var (a, t) in g.Take(6))
                h.Link(PageEndpoints.ArticleHref(a.Id, t.Start, t.End), $"“{t.Text}” ({a.Outlet ?? a.Dateline?.Outlet ?? "?"})", "fact");
            h.Close("li");
        }
        h.Close("ol");
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
