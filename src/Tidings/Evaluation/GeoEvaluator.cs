using System.Globalization;
using System.Xml.Linq;
using Tidings.Documents;
using Tidings.Extract.Places;
using Tidings.Language;

namespace Tidings.Evaluation;

/// <summary>
/// Scores toponym recognition and resolution on TR-News-style XML (articles with &lt;text&gt; and &lt;toponym&gt;
/// elements carrying phrase, character offsets and a GeoNames gaztag). Recognition compares predicted place
/// and demonym spans with gold spans (exact and overlapping); resolution is measured on the matched
/// toponyms, and again on every gold toponym, resolving the gold spans themselves (as geoparsers are usually compared).
/// </summary>
public static class GeoEvaluator
{
    /// <summary>161 km = 100 miles, the usual "accuracy at 161 km" radius.</summary>
    public const double NearKm = 161;

    public sealed record GoldToponym(int Start, int End, string Phrase, int? GeonameId, double Lat, double Lon, string? FeatureCode);

    public sealed record GoldArticle(string Id, string Text, string? Url, List<GoldToponym> Toponyms);

    /// <summary>Near/ErrorsKm use our coordinates as output; the ById variants count an exact id as 0 km.</summary>
    public sealed record Resolution(int Count, int ExactId, int Near, List<double> ErrorsKm, int Unresolved, int NearById, List<double> ErrorsKmById)
    {
        public double NearByIdAccuracy => Count == 0 ? 0 : 100.0 * NearById / Count;
        public double MeanKmById => ErrorsKmById.Count == 0 ? 0 : ErrorsKmById.Average();
        public double MedianKmById => Median(ErrorsKmById);
        public double ExactAccuracy => Count == 0 ? 0 : 100.0 * ExactId / Count;
        public double NearAccuracy => Count == 0 ? 0 : 100.0 * Near / Count;
        public double MeanKm => ErrorsKm.Count == 0 ? 0 : ErrorsKm.Average();
        public double MedianKm => Median(ErrorsKm);
    }

    public sealed record Report(int Articles, int Gold, int Predicted, int ExactMatches, int OverlapMatches,
        Resolution Matched, Resolution GoldSpans, List<string> Errors)
    {
        public (double P, double R, double F1) Exact => Prf(ExactMatches, Predicted, Gold);
        public (double P, double R, double F1) Overlap => Prf(OverlapMatches, Predicted, Gold);
    }

    /// <summary>Reads the articles; gold offsets that drift off their phrase are moved onto its nearest occurrence.</summary>
    public static List<GoldArticle> Read(string path)
    {
        var doc = XDocument.Load(path);
        var articles = new List<GoldArticle>();
        foreach (var a in doc.Root!.Elements("article"))
        {
            string text = a.Element("text")?.Value ?? "";
            var toponyms = new List<GoldToponym>();
            foreach (var t in a.Descendants("toponym"))
            {
                string phrase = t.Element("phrase")?.Value ?? "";
                if (!int.TryParse(t.Element("start")?.Value, out int start) || phrase.Length == 0) continue;
                start = Realign(text, phrase, start);
                if (start < 0) continue;
                var gaz = t.Element("gaztag");
                int? id = int.TryParse(gaz?.Attribute("geonameid")?.Value, out int g) ? g : null;
                toponyms.Add(new GoldToponym(start, start + phrase.Length, phrase, id, Number(gaz?.Element("lat")), Number(gaz?.Element("lon")),
                    gaz?.Element("fcode")?.Value));
            }
            articles.Add(new GoldArticle(a.Attribute("docid")?.Value ?? articles.Count.ToString(CultureInfo.InvariantCulture), text,
                a.Element("url")?.Value.Trim(), toponyms));
        }
        return articles;
    }

    private static double Number(XElement? e) =>
        double.TryParse(e?.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : double.NaN;

    /// <summary>TR-News offsets drift by up to ten characters late in some articles; the nearest occurrence is the one meant.</summary>
    private const int MaxOffsetDrift = 20;

    private static int Realign(string text, string phrase, int start)
    {
        for (int shift = 0; shift <= MaxOffsetDrift; shift++)
            foreach (int s in new[] { start - shift, start + shift })
                if (s >= 0 && s + phrase.Length <= text.Length && string.CompareOrdinal(text, s, phrase, 0, phrase.Length) == 0) return s;
        return -1;
    }

    /// <param name="half">"dev" (even-numbered articles), "test" (odd-numbered) or "all".</param>
    public static Report Evaluate(IReadOnlyList<GoldArticle> all, string half = "all", bool demonyms = true, PlaceResolver? resolver = null)
    {
        var articles = half switch
        {
            "dev" => all.Where((_, i) => i % 2 == 0).ToList(),
            "test" => all.Where((_, i) => i % 2 == 1).ToList(),
            _ => all.ToList(),
        };
        var gazetteer = PlaceGazetteer.Default;
        var stage = new PlaceStage(gazetteer, resolver);
        int gold = 0, predicted = 0, exact = 0, overlap = 0;
        var matched = new Accumulator();
        var goldSpans = new Accumulator();
        var errors = new List<string>();
        foreach (var ga in articles)
        {
            var article = Analyze(ga, stage);
            var predictions = Predictions(article, demonyms);
            gold += ga.Toponyms.Count;
            predicted += predictions.Count;
            foreach (var t in ga.Toponyms)
            {
                var hit = predictions.FirstOrDefault(p => p.Start == t.Start && p.End == t.End);
                if (hit.Text is not null) exact++;
                hit = hit.Text is not null ? hit : predictions.FirstOrDefault(p => p.Start < t.End && t.Start < p.End);
                if (hit.Text is null) { errors.Add($"{ga.Id}\t{t.Phrase}\tmissed"); continue; }
                overlap++;
                matched.Add(t, hit.GeonameId, hit.Lat, hit.Lon);
            }
            foreach (var p in predictions.Where(p => !ga.Toponyms.Any(t => p.Start < t.End && t.Start < p.End)))
                errors.Add($"{ga.Id}\t{p.Text}\tspurious");
            ResolveGoldSpans(ga, article, stage, gazetteer, goldSpans, errors);
        }
        return new Report(articles.Count, gold, predicted, exact, overlap, matched.Result(), goldSpans.Result(), errors);
    }

    private static Article Analyze(GoldArticle ga, PlaceStage stage)
    {
        var article = new Article(ga.Text, ga.Id, ArticleFormat.PlainText) { Url = ga.Url };
        int at = 0;
        foreach (var line in ga.Text.Split('\n'))
        {
            if (line.Trim().Length > 0) article.Body.Add(new Documents.TextSpan(at, at + line.Length));
            at += line.Length + 1;
        }
        new LanguageStage().Process(article);
        stage.Process(article);
        return article;
    }

    private readonly record struct Prediction(int Start, int End, string Text, int GeonameId, double Lat, double Lon);

    private static List<Prediction> Predictions(Article article, bool demonyms, PlaceGazetteer? gazetteer = null)
    {
        var list = (article.Layers.Get<PlaceMention>(PlaceStage.Layer) ?? [])
            .Select(p => new Prediction(p.Start, p.End, p.Text, p.GeonameId, p.Lat, p.Lon)).ToList();
        if (demonyms)
            foreach (var d in article.Layers.Get<DemonymMention>(PlaceStage.DemonymLayer) ?? [])
                if ((gazetteer ?? PlaceGazetteer.Default).Country(d.Country) is { } c)
                    list.Add(new Prediction(d.Start, d.End, d.Text, d.GeonameId, c.Lat, c.Lon));
        return list;
    }

    /// <summary>Resolves the gold spans themselves: every gold toponym gets the resolver's choice among its gazetteer entries.</summary>
    private static void ResolveGoldSpans(GoldArticle ga, Article article, PlaceStage stage, PlaceGazetteer g, Accumulator acc, List<string> errors)
    {
        var candidates = new List<PlaceCandidate>();
        var unresolved = new List<GoldToponym>();
        foreach (var t in ga.Toponyms)
        {
            var entries = g.Lookup(t.Phrase);
            if (g.Demonym(t.Phrase) is { } country) candidates.Add(new PlaceCandidate(t.Start, t.End, t.Phrase, [country]));
            else if (entries.Count > 0) candidates.Add(new PlaceCandidate(t.Start, t.End, t.Phrase, entries));
            else unresolved.Add(t);
        }
        var tokens = article.Layers.Get<Token>(LanguageStage.Tokens) ?? [];
        var (places, _) = stage.Resolve(ga.Text, tokens, candidates, g, PlaceStage.ContextOf(article));
        var byStart = places.ToDictionary(p => (p.Start, p.End));
        foreach (var t in ga.Toponyms)
        {
            if (!byStart.TryGetValue((t.Start, t.End), out var p)) { acc.AddUnresolved(t); errors.Add($"{ga.Id}\t{t.Phrase}\tnot in gazetteer\tgold {t.GeonameId} {t.FeatureCode}"); continue; }
            double km = acc.Add(t, p.GeonameId, p.Lat, p.Lon);
            if (t.GeonameId is { } id && id != p.GeonameId)
                errors.Add($"{ga.Id}\t{t.Phrase}\t{p.Name} {p.GeonameId} {p.FeatureCode} {p.Country}\tgold {id} {t.FeatureCode}\t{km:0} km");
        }
    }

    private sealed class Accumulator
    {
        private int _count, _exact, _near, _nearById, _unresolved;
        private readonly List<double> _errors = [], _errorsById = [];

        /// <summary>Counts one resolved gold toponym (those without a gold id or coordinates are left out); returns the error in km.</summary>
        public double Add(GoldToponym t, int id, double lat, double lon)
        {
            if (t.GeonameId is null || double.IsNaN(t.Lat)) return double.NaN;
            _count++;
            if (id == t.GeonameId) _exact++;
            double km = HaversineKm(t.Lat, t.Lon, lat, lon);
            _errors.Add(km);
            if (km <= NearKm) _near++;
            // The same GeoNames feature is 0 km away: our country and division points are stand-ins, not GeoNames' own.
            double sameFeatureKm = id == t.GeonameId ? 0 : km;
            _errorsById.Add(sameFeatureKm);
            if (sameFeatureKm <= NearKm) _nearById++;
            return km;
        }

        public void AddUnresolved(GoldToponym t)
        {
            if (t.GeonameId is null || double.IsNaN(t.Lat)) return;
            _count++;
            _unresolved++;
        }

        public Resolution Result() => new(_count, _exact, _near, _errors, _unresolved, _nearById, _errorsById);
    }

    public static double HaversineKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371.0088;
        double dLat = (lat2 - lat1) * Math.PI / 180, dLon = (lon2 - lon1) * Math.PI / 180;
        double a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                   + Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0) return 0;
        var sorted = values.OrderBy(v => v).ToList();
        int mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static (double, double, double) Prf(int tp, int predicted, int gold)
    {
        double p = predicted == 0 ? 0 : 100.0 * tp / predicted, r = gold == 0 ? 0 : 100.0 * tp / gold;
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}
