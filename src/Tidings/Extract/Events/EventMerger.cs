using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tidings.Documents;
using Tidings.Stories;

namespace Tidings.Extract.Events;

/// <summary>
/// One event mention as the merger sees it: where it was reported (article, its index in the article's events layer,
/// outlet, publication date), the story of that article and the article it is a syndicated copy of.
/// </summary>
public sealed record EventReport(string ArticleId, int Index, string? Outlet, DateTimeOffset? Published, string? StoryId,
    string? CopyOf, EventMention Mention)
{
    /// <summary>The syndication group: a copy and its original are one report source.</summary>
    public string Group => CopyOf ?? ArticleId;

    /// <summary>The article's URL (exports cite it).</summary>
    public string? Url { get; init; }

    /// <summary>1-based number of the mention's sentence in the article (GDELT's SentenceID).</summary>
    public int SentenceNumber { get; init; }

    /// <summary>The mention is in the headline or the first paragraph (GDELT's IsRootEvent).</summary>
    public bool Lead { get; init; }

    /// <summary>Length of the article's text in characters (GDELT's MentionDocLen).</summary>
    public int DocumentLength { get; init; }
}

/// <summary>
/// One event told by one or more reports: the merged record's fields are the most specific ones its mentions agree on.
/// <see cref="IndependentOutlets"/> counts outlets once per syndication group, so an agency story printed by five
/// outlets counts as one independent report.
/// </summary>
public sealed record MergedEvent(
    string Id, string? StoryId, string Plover, string? Mode, string? Context, string Cameo, int Quad,
    EventActor? Source, EventActor? Target, string? Date, EventPlace? Place, IReadOnlyList<string> Flags, double Confidence,
    int Mentions, int Articles, int Outlets, int IndependentOutlets, IReadOnlyList<EventReport> Reports);

/// <summary>
/// Merges event mentions into events (issue 9, point 7): within a story, mentions with the same PLOVER type,
/// compatible actors, dates and places are one event. Mentions of articles without a story are each their own event.
/// </summary>
public static class EventMerger
{
    /// <summary>
    /// Merges reports (any order) into events. A mention joins the first event, in publication order, with whose every
    /// mention it is compatible: compatibility is not transitive (PAK is compatible with PAKGOV and PAKMIL, which are not
    /// compatible with each other), so checking every member keeps one event from spanning both. Members are checked
    /// through their distinct values (<see cref="Candidate"/>), so a story of thousands of copies stays linear.
    /// </summary>
    public static IReadOnlyList<MergedEvent> Merge(IEnumerable<EventReport> reports)
    {
        var ordered = reports.OrderBy(r => r.Published is null ? 1 : 0).ThenBy(r => r.Published ?? DateTimeOffset.MaxValue)
            .ThenBy(r => r.ArticleId, StringComparer.Ordinal).ThenBy(r => r.Index).ToList();
        var groups = new List<List<EventReport>>();
        // Candidates share the story, the type and the factuality; the rest is checked per candidate.
        var candidates = new Dictionary<(string Story, string Plover, string Counterfactual), List<Candidate>>();
        foreach (var r in ordered)
        {
            if (r.StoryId is null)
            {
                groups.Add([r]);
                continue;
            }
            var key = (r.StoryId, r.Mention.Plover, Counterfactual(r.Mention));
            if (!candidates.TryGetValue(key, out var list)) candidates[key] = list = [];
            var home = list.FirstOrDefault(c => c.Accepts(r.Mention));
            if (home is null)
            {
                home = new Candidate();
                list.Add(home);
                groups.Add(home.Reports);
            }
            home.Add(r);
        }
        return groups.Select(Build).ToList();
    }

    /// <summary>An event being merged: its reports and the distinct actors, stated dates and places they give.</summary>
    private sealed class Candidate
    {
        private readonly Dictionary<(string?, string?, string?), EventActor> _sources = [];
        private readonly Dictionary<(string?, string?, string?), EventActor> _targets = [];
        private readonly HashSet<string> _dates = [];
        private readonly Dictionary<int, EventPlace> _places = [];

        public List<EventReport> Reports { get; } = [];

        public bool Accepts(EventMention m) =>
            _sources.Values.All(a => CompatibleActors(a, m.Source)) && _targets.Values.All(a => CompatibleActors(a, m.Target))
            && _dates.All(d => CompatibleDates(d, StatedDate(m))) && _places.Values.All(p => CompatiblePlaces(p, StatedPlace(m)))
            // Two reports are one event only if they name at least one actor alike: uncoded actors are compatible with
            // anything, and alone they would merge every attack in a story.
            && (Reports.Count == 0 || m.Source?.Code is not null && _sources.Count > 0 || m.Target?.Code is not null && _targets.Count > 0);

        public void Add(EventReport r)
        {
            Reports.Add(r);
            var m = r.Mention;
            if (m.Source?.Code is not null) _sources.TryAdd((m.Source.Code, m.Source.Country, m.Source.Sector), m.Source);
            if (m.Target?.Code is not null) _targets.TryAdd((m.Target.Code, m.Target.Country, m.Target.Sector), m.Target);
            if (StatedDate(m) is { } date) _dates.Add(date);
            if (StatedPlace(m) is { } place) _places.TryAdd(place.GeonameId, place);
        }
    }

    /// <summary>Reports of one analysed article (its events layer), with its story link when it has one.</summary>
    public static IEnumerable<EventReport> ReportsOf(Article a, StoryLink? story)
    {
        var sentences = a.Layers.Get<Language.Sentence>(Language.LanguageStage.Sentences) ?? [];
        var firstParagraph = a.Body.Count > 0 ? a.Body[0] : (TextSpan?)null;
        return (a.Layers.Get<EventMention>(EventStage.Layer) ?? []).Select((m, i) =>
            new EventReport(a.Id, i, OutletOf(a), a.Published, story?.StoryId, story?.CopyOf, m)
            {
                Url = a.Url,
                SentenceNumber = 1 + sentences.Count(s => s.Start < m.SentenceStart),
                Lead = Within(a.Headline, m.SentenceStart) || Within(firstParagraph, m.SentenceStart),
                DocumentLength = a.Text.Length,
            });
    }

    private static bool Within(TextSpan? span, int offset) => span is { } s && offset >= s.Start && offset < s.End;

    /// <summary>The outlet an article is credited to: its own, or its dateline's.</summary>
    public static string? OutletOf(Article a) => a.Outlet ?? a.Dateline?.Outlet;

    /// <summary>
    /// Merges the events of a set of analysed articles (links: their stories, index-aligned, null entries for none)
    /// and writes each merged id into the mentions' <see cref="EventMention.Event"/>.
    /// </summary>
    public static IReadOnlyList<MergedEvent> Assign(IReadOnlyList<Article> articles, IReadOnlyList<StoryLink?> links)
    {
        var events = Merge(articles.SelectMany((a, i) => ReportsOf(a, links[i])));
        var ids = events.SelectMany(e => e.Reports.Select(r => (r.ArticleId, r.Index, e.Id)))
            .ToDictionary(x => (x.ArticleId, x.Index), x => x.Id);
        foreach (var a in articles)
        {
            if (a.Layers.Get<EventMention>(EventStage.Layer) is not { Count: > 0 } layer) continue;
            a.Layers.Set(EventStage.Layer, layer.Select((m, i) => m with { Event = ids.GetValueOrDefault((a.Id, i)) }).ToList());
        }
        return events;
    }

    /// <summary>
    /// The id of the event first reported by mention <paramref name="index"/> of the article: stable as long as that
    /// mention stays the earliest report, the same whether merged by <c>analyze</c> or by the store.
    /// </summary>
    public static string EventId(string articleId, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(articleId + "#" + index.ToString(CultureInfo.InvariantCulture)));
        return "ev" + Convert.ToHexStringLower(hash)[..14];
    }

    /// <summary>
    /// Same type, compatible actors, dates and places, and the same factuality (a denial is not the act). A date or
    /// place the text did not give (the article's date, the dateline's place) says when and where the outlet wrote,
    /// not when and where it happened, so it counts as missing: two outlets' datelines must not split one event.
    /// </summary>
    public static bool Compatible(EventMention a, EventMention b) =>
        a.Plover == b.Plover
        && CompatibleActors(a.Source, b.Source) && CompatibleActors(a.Target, b.Target)
        && CompatibleDates(StatedDate(a), StatedDate(b)) && CompatiblePlaces(StatedPlace(a), StatedPlace(b))
        && Counterfactual(a) == Counterfactual(b)
        && (a.Source?.Code is not null && b.Source?.Code is not null || a.Target?.Code is not null && b.Target?.Code is not null);

    private static string? StatedDate(EventMention m) => m.DateSource == EventProvenance.Text && IsCalendar(m.Date) ? m.Date : null;

    /// <summary>A calendar value ("2022-12-19", "2022-11", "2010"), not one left unresolved ("XXXX-12-01") for want of an anchor.</summary>
    public static bool IsCalendar(string? date) => date is { Length: >= 4 } && char.IsAsciiDigit(date[0]) && !date.Contains('X');

    private static EventPlace? StatedPlace(EventMention m) => m.PlaceSource == EventProvenance.Text ? m.Place : null;

    private static readonly string[] CounterfactualFlags = [EventFlags.Negated, EventFlags.Denied, EventFlags.Hypothetical];

    private static string Counterfactual(EventMention m) => string.Join(",", CounterfactualFlags.Where(m.Flags.Contains));

    /// <summary>Equal codes; the same country with one sector missing; or one side not coded.</summary>
    public static bool CompatibleActors(EventActor? a, EventActor? b)
    {
        if (a?.Code is null || b?.Code is null) return true;
        if (a.Code == b.Code) return true;
        string? ca = a.Country ?? CountryOf(a.Code), cb = b.Country ?? CountryOf(b.Code);
        return ca is not null && ca == cb && (string.IsNullOrEmpty(a.Sector) || string.IsNullOrEmpty(b.Sector));
    }

    private static string? CountryOf(string code) => code.Length >= 3 ? code[..3] : null;

    /// <summary>Equal; one missing; within a day of each other; or one a coarser form of the other ("2022-12" and "2022-12-19").</summary>
    public static bool CompatibleDates(string? a, string? b)
    {
        if (a is null || b is null || a == b) return true;
        if (DayOf(a) is { } da && DayOf(b) is { } db) return Math.Abs(da.DayNumber - db.DayNumber) <= 1;
        return a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal);
    }

    public static DateOnly? DayOf(string? date) =>
        date is { Length: >= 10 } && DateOnly.TryParseExact(date[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>The same gazetteer entry; one missing; or one the country (or first-level division) the other lies in.</summary>
    public static bool CompatiblePlaces(EventPlace? a, EventPlace? b)
    {
        if (a is null || b is null || a.GeonameId == b.GeonameId) return true;
        if (a.Country != b.Country) return false;
        if (IsCountry(a) || IsCountry(b)) return true;
        if (IsAdmin1(a)) return a.Admin1 is not null && a.Admin1 == b.Admin1;
        if (IsAdmin1(b)) return b.Admin1 is not null && a.Admin1 == b.Admin1;
        return false;
    }

    private static bool IsCountry(EventPlace p) => p.FeatureCode.StartsWith("PCL", StringComparison.Ordinal);

    private static bool IsAdmin1(EventPlace p) => p.FeatureCode == "ADM1";

    /// <summary>Finer places are more specific: a town over its province over its country.</summary>
    private static int PlaceRank(EventPlace p) => IsCountry(p) ? 0 : IsAdmin1(p) ? 1 : 2;

    private static int ActorRank(EventActor a) => (a.Code is null ? 0 : 2) + (string.IsNullOrEmpty(a.Sector) ? 0 : 1);

    private static MergedEvent Build(List<EventReport> reports)
    {
        var first = reports[0];
        var mentions = reports.Select(r => r.Mention).ToList();
        // The most specific value, then the most reported one, then the earliest.
        T? Pick<T>(Func<EventMention, T?> value, Func<T, int> rank, Func<T, string> key) where T : class =>
            mentions.Select((m, i) => (Value: value(m), Index: i)).Where(x => x.Value is not null)
                .GroupBy(x => key(x.Value!)).OrderByDescending(g => rank(g.First().Value!)).ThenByDescending(g => g.Count())
                .ThenBy(g => g.Min(x => x.Index)).Select(g => g.First().Value).FirstOrDefault();
        string? date = Pick(m => m.Date, d => d.Length + (mentions.Any(m => m.Date == d && m.DateSource == EventProvenance.Text) ? 100 : 0)
            + (IsCalendar(d) ? 1000 : 0), d => d);
        var groupOutlets = reports.GroupBy(r => r.Group).Select(g => OutletKey(g.First()));
        return new MergedEvent(
            EventId(first.ArticleId, first.Index), first.StoryId, first.Mention.Plover,
            Pick(m => m.Mode, _ => 0, s => s), Pick(m => m.Context, _ => 0, s => s),
            Pick(m => m.Cameo, c => c.Length, c => c)!, first.Mention.Quad,
            Pick(m => m.Source, ActorRank, a => a.Code ?? "\0" + a.Text), Pick(m => m.Target, ActorRank, a => a.Code ?? "\0" + a.Text),
            date, Pick(m => m.Place, p => PlaceRank(p) + (mentions.Any(m => m.Place == p && m.PlaceSource == EventProvenance.Text) ? 10 : 0),
                p => p.GeonameId.ToString(CultureInfo.InvariantCulture)),
            mentions.SelectMany(m => m.Flags).Distinct().Where(f => mentions.All(m => m.Flags.Contains(f))).ToList(),
            mentions.Max(m => m.Confidence),
            reports.Count,
            reports.Select(r => r.ArticleId).Distinct().Count(),
            reports.Select(OutletKey).Distinct().Count(),
            groupOutlets.Distinct().Count(),
            reports);
    }

    /// <summary>An article without a known outlet counts as an outlet of its own.</summary>
    private static string OutletKey(EventReport r) => r.Outlet?.ToLowerInvariant() ?? "article:" + r.ArticleId;
}
