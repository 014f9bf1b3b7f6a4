using System.CommandLine;
using Spectre.Console;
using Tidings.Extract.Places;
using Tidings.Storage;

namespace Tidings.Cli.Commands;

/// <summary>`tidings places`: the places the stored articles mention, with counts and coordinates.</summary>
internal static class PlacesCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var article = new Option<string?>("--article") { Description = "only this article (id or unique prefix)" };
        var country = new Option<string?>("--country") { Description = "only places in this country (ISO code, e.g. PK)" };
        var limit = new Option<int>("--limit") { Description = "articles to read when no --article is given (newest first)", DefaultValueFactory = _ => 1000 };
        var cmd = new Command("places", "Places mentioned in the stored articles: gazetteer entry, coordinates, mentions and articles") { db, article, country, limit, json };
        cmd.SetAction(r => CommonOptions.Guard(() =>
        {
            using var store = new SqliteArticleStore(r.GetValue(db)!);
            var ids = r.GetValue(article) is { } one ? [one] : store.List(new ArticleQuery { Limit = r.GetValue(limit) }).Select(a => a.Id).ToList();
            var mentions = new List<(string Article, PlaceMention Place)>();
            foreach (var id in ids)
            {
                var a = store.Get(id) ?? throw new ArgumentException($"no article with id \"{id}\"");
                foreach (var p in a.Layers.Get<PlaceMention>(PlaceStage.Layer) ?? [])
                    if (r.GetValue(country) is not { } cc || p.Country.Equals(cc, StringComparison.OrdinalIgnoreCase)) mentions.Add((a.Id, p));
            }
            var places = mentions.GroupBy(m => (m.Place.GeonameId, m.Place.Name, m.Place.Country))
                .Select(g => (Place: g.First().Place, Mentions: g.Count(), Articles: g.Select(m => m.Article).Distinct().Count(), Metonymy: g.Count(m => m.Place.Metonymy)))
                .OrderByDescending(p => p.Mentions).ThenBy(p => p.Place.Name, StringComparer.Ordinal).ToList();
            if (r.GetValue(json))
            {
                JsonOutput.WriteArray(places, (w, row) =>
                {
                    w.WriteNumber("geonameid", row.Place.GeonameId);
                    w.WriteString("name", row.Place.Name);
                    w.WriteString("country", row.Place.Country);
                    w.WriteString("admin1", row.Place.Admin1);
                    w.WriteString("feature_code", row.Place.FeatureCode);
                    w.WriteNumber("lat", row.Place.Lat);
                    w.WriteNumber("lon", row.Place.Lon);
                    w.WriteNumber("mentions", row.Mentions);
                    w.WriteNumber("articles", row.Articles);
                    w.WriteNumber("metonymy", row.Metonymy);
                });
                return 0;
            }
            var table = new Table().AddColumn("place").AddColumn("country").AddColumn("division").AddColumn("kind").AddColumn("geonameid")
                .AddColumn("lat, lon").AddColumn("mentions").AddColumn("articles").AddColumn("as government");
            foreach (var (p, n, articles, metonymy) in places)
                table.AddRow(Markup.Escape(p.Name), p.Country, Markup.Escape(p.Admin1 ?? "-"), p.FeatureCode, p.GeonameId.ToString(),
                    $"{p.Lat:0.###}, {p.Lon:0.###}", n.ToString(), articles.ToString(), metonymy.ToString());
            AnsiConsole.Write(table);
            return 0;
        }));
        return cmd;
    }
}
