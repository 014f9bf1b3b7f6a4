using Tidings.Documents;
using Tidings.Language;
using Tidings.Pipeline;

namespace Tidings.Extract.Places;

/// <summary>
/// Adds the "places" layer (place mentions resolved to gazetteer entries, metonymy flagged) and the
/// "demonyms" layer (demonyms mapped to their countries), from the language layers and the dateline.
/// Runs after <see cref="LanguageStage"/>.
/// </summary>
public sealed class PlaceStage(PlaceGazetteer? gazetteer = null, PlaceResolver? resolver = null) : IArticleStage
{
    public const string Layer = "places";
    public const string DemonymLayer = "demonyms";

    private readonly PlaceResolver _resolver = resolver ?? new PlaceResolver();

    public string Name => "places";

    public void Process(Article article)
    {
        var g = gazetteer ?? PlaceGazetteer.Default;
        var tokens = article.Layers.Get<Token>(LanguageStage.Tokens) ?? [];
        var entities = article.Layers.Get<EntitySpan>(LanguageStage.Entities) ?? [];
        var candidates = new PlaceRecognizer(g).Recognize(article.Text, tokens, entities);
        if (DatelineCandidate(article, g) is { } dateline) candidates.Insert(0, dateline);
        candidates.Sort((a, b) => a.Start.CompareTo(b.Start)); // the dateline may follow the headline
        var (places, demonyms) = Resolve(article.Text, tokens, candidates, g, ContextOf(article));
        article.Layers.Set(Layer, places);
        article.Layers.Set(DemonymLayer, demonyms);
    }

    /// <summary>Resolves candidates into place and demonym mentions (also used by the evaluation on gold spans).</summary>
    public (List<PlaceMention> Places, List<DemonymMention> Demonyms) Resolve(string text, IReadOnlyList<Token> tokens,
        IReadOnlyList<PlaceCandidate> candidates, PlaceGazetteer g, PlaceResolver.Context context)
    {
        var places = new List<PlaceMention>();
        var demonyms = new List<DemonymMention>();
        foreach (var (m, e) in _resolver.Resolve(text, candidates, g, context))
        {
            if (m.IsDemonym)
            {
                demonyms.Add(new DemonymMention(m.Start, m.End, m.Text, e.Country, e.GeonameId, e.Name));
                continue;
            }
            bool metonymy = e.IsCapital && TokenRange(tokens, m.Start, m.End) is var (first, last) && MetonymyRule.IsMetonymy(text, tokens, first, last);
            string? admin1 = e.IsCountry ? null : e.IsAdmin1 ? e.Name : g.Admin1(e.Country, e.Admin1)?.Name;
            places.Add(new PlaceMention(m.Start, m.End, m.Text, e.GeonameId, e.Name, e.Country, admin1, e.Lat, e.Lon, e.FeatureCode, metonymy));
        }
        return (places, demonyms);
    }

    public static PlaceResolver.Context ContextOf(Article article) =>
        new(article.Dateline?.Place, OutletCountry(article.Url));

    /// <summary>The country of a country-code top-level domain ("….co.uk" → GB, "….pk" → PK); generic domains say nothing.</summary>
    public static string? OutletCountry(string? url)
    {
        if (url is null || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        int dot = uri.Host.LastIndexOf('.');
        if (dot < 0) return null;
        string tld = uri.Host[(dot + 1)..].ToUpperInvariant();
        return tld.Length == 2 ? tld == "UK" ? "GB" : tld : null;
    }

    /// <summary>The dateline's place ("WASHINGTON") as a mention at its offsets within the dateline.</summary>
    private static PlaceCandidate? DatelineCandidate(Article article, PlaceGazetteer g)
    {
        if (article.Dateline is not { Place: { Length: > 0 } place } d) return null;
        int at = article.Text.IndexOf(place, d.Start, d.End - d.Start, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var entries = g.Lookup(place);
        return entries.Count == 0 ? null : new PlaceCandidate(at, at + place.Length, article.Text.Substring(at, place.Length), entries);
    }

    /// <summary>The first and last token inside [start, end), or null when no token lies there (e.g. the dateline).</summary>
    private static (int First, int Last)? TokenRange(IReadOnlyList<Token> tokens, int start, int end)
    {
        int lo = 0, hi = tokens.Count;
        while (lo < hi) { int mid = (lo + hi) / 2; if (tokens[mid].Start < start) lo = mid + 1; else hi = mid; }
        if (lo >= tokens.Count || tokens[lo].Start >= end) return null;
        int last = lo;
        while (last + 1 < tokens.Count && tokens[last + 1].End <= end) last++;
        return (lo, last);
    }
}
