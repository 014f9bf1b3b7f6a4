using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Tidings.Extract.Places;

/// <summary>
/// Builds the compact place gazetteer from a GeoNames-derived directory: cities1000.tsv (populated places
/// with population ≥ 1000), geonames-admin1.json (first-level divisions) and world-countries.json (countries,
/// alternative names, demonyms, coordinates). Country and division ids come from the bundled GeoNames id
/// tables (data/*.tsv, embedded), since the directory's files do not carry them.
/// </summary>
public static class GazetteerBuilder
{
    public sealed record Row(GeoEntry Entry, List<string> Aliases, List<string> Demonyms);

    public const string Notice =
        "# Tidings place gazetteer. Places and divisions: GeoNames (https://www.geonames.org/), CC BY 4.0. " +
        "Countries, alternative names and demonyms: world-countries (mledoze/countries), ODbL 1.0 (https://opendatacommons.org/licenses/odbl/1-0/).";

    /// <summary>Suffixes that news text often leaves off a division's name ("Punjab Province" → "Punjab").</summary>
    private static readonly string[] DivisionSuffixes =
        [" Province", " Region", " State", " Oblast", " Department", " County", " District", " Governorate", " Prefecture", " Territory"];

    public static List<Row> Build(string dir)
    {
        var cities = ReadCities(Path.Combine(dir, "cities1000.tsv"));
        var countryIds = ReadIdTable("country-geonameids.tsv");
        var admin1Ids = ReadIdTable("admin1-geonameids.tsv");
        var rows = new List<Row>();
        var points = ReadTable("country-points.tsv").ToDictionary(c => c[0],
            c => (double.Parse(c[1], CultureInfo.InvariantCulture), double.Parse(c[2], CultureInfo.InvariantCulture)), StringComparer.Ordinal);
        rows.AddRange(Countries(Path.Combine(dir, "world-countries.json"), cities, countryIds, points));
        rows.AddRange(Divisions(Path.Combine(dir, "geonames-admin1.json"), cities, admin1Ids, ReadTable("admin1-abbreviations.tsv")));
        rows.AddRange(ReadTable("continents.tsv").Select(c => new Row(new GeoEntry(int.Parse(c[0], CultureInfo.InvariantCulture), c[1], "", "", "CONT", 0,
            double.Parse(c[2], CultureInfo.InvariantCulture), double.Parse(c[3], CultureInfo.InvariantCulture)), [], [])));
        rows.AddRange(cities.Select(c => new Row(c, CityAliases(c.Name, c.Population), [])));
        return rows;
    }

    public static void Save(IEnumerable<Row> rows, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        using var brotli = new BrotliStream(file, CompressionLevel.SmallestSize);
        using var w = new StreamWriter(brotli, new UTF8Encoding(false));
        w.Write(Notice + "\n");
        foreach (var (e, aliases, demonyms) in rows)
        {
            w.Write(string.Join('\t', e.GeonameId.ToString(CultureInfo.InvariantCulture), e.Name, e.Country, e.Admin1, e.FeatureCode,
                e.Population.ToString(CultureInfo.InvariantCulture), Coordinate(e.Lat), Coordinate(e.Lon),
                string.Join('|', aliases), string.Join('|', demonyms)));
            w.Write('\n');
        }
    }

    private static string Coordinate(double v) => v.ToString("0.#####", CultureInfo.InvariantCulture);

    private static List<GeoEntry> ReadCities(string path)
    {
        var list = new List<GeoEntry>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var c = line.Split('\t');
            if (c.Length < 9 || !int.TryParse(c[0], out int id)) continue;
            list.Add(new GeoEntry(id, c[1], c[3], c[5], c[4], long.TryParse(c[6], out long pop) ? pop : 0,
                double.Parse(c[7], CultureInfo.InvariantCulture), double.Parse(c[8], CultureInfo.InvariantCulture)));
        }
        return list;
    }

    private static Dictionary<string, int> ReadIdTable(string name) =>
        ReadTable(name).ToDictionary(c => c[0], c => int.Parse(c[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>The rows of an embedded data/*.tsv table ('#' lines are notices).</summary>
    private static List<string[]> ReadTable(string name)
    {
        using var stream = typeof(GazetteerBuilder).Assembly.GetManifestResourceStream("Tidings.Places." + name)
            ?? throw new FileNotFoundException($"Embedded table '{name}' is missing.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') rows.Add(line.Split('\t'));
        return rows;
    }

    /// <param name="points">GeoNames' own country points, where known; otherwise the world-countries point.</param>
    private static IEnumerable<Row> Countries(string path, List<GeoEntry> cities, Dictionary<string, int> ids, Dictionary<string, (double Lat, double Lon)> points)
    {
        var population = cities.GroupBy(c => c.Country).ToDictionary(g => g.Key, g => g.Sum(c => c.Population));
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var c in json.RootElement.EnumerateArray())
        {
            string code = c.GetProperty("cca2").GetString()!;
            var name = c.GetProperty("name");
            string common = name.GetProperty("common").GetString()!, official = name.GetProperty("official").GetString()!;
            var aliases = new List<string> { official };
            if (c.TryGetProperty("altSpellings", out var alts))
                foreach (var a in alts.EnumerateArray().Select(a => a.GetString()!))
                    // Short spellings only when they are the name's initials ("US", "UK", "UAE"), not bare ISO codes ("PK").
                    if (a.Length > 3 || Initials(common) == a || Initials(official) == a) aliases.Add(a);
            aliases.AddRange(aliases.Select(ShortForm).OfType<string>().ToList());
            if (NewsNames.TryGetValue(code, out var newsName)) aliases.Add(newsName);
            var demonyms = new List<string>();
            if (c.TryGetProperty("demonyms", out var dem) && dem.TryGetProperty("eng", out var eng))
                foreach (var d in new[] { eng.GetProperty("m").GetString()!, eng.GetProperty("f").GetString()! }.Distinct())
                {
                    demonyms.Add(d);
                    if (d.EndsWith('n') || d.EndsWith('i')) demonyms.Add(d + "s"); // "Afghans", "Pakistanis"; not "Frenchs"
                }
            var latlng = c.GetProperty("latlng");
            var (lat, lon) = points.TryGetValue(code, out var point) ? point
                : latlng.GetArrayLength() == 2 ? (latlng[0].GetDouble(), latlng[1].GetDouble()) : (0, 0);
            yield return new Row(new GeoEntry(ids.GetValueOrDefault(code), common, code, "", "PCLI", population.GetValueOrDefault(code), lat, lon), aliases, demonyms);
        }
    }

    /// <summary>Short names news uses that no listed spelling yields.</summary>
    private static readonly Dictionary<string, string> NewsNames = new(StringComparer.Ordinal) { ["GB"] = "Britain" };

    private static readonly string[] StateWords = ["Republic", "Kingdom", "State", "States", "Federation", "Commonwealth", "Union", "Emirate", "Sultanate", "Principality", "Duchy"];

    /// <summary>"Republic of Turkey" → "Turkey", "United States of America" → "America": the name after a state word and "of".</summary>
    private static string? ShortForm(string name)
    {
        int of = name.IndexOf(" of ", StringComparison.Ordinal);
        if (of < 0 || name.Contains(',')) return null;
        string head = name[..of], rest = name[(of + 4)..];
        if (rest.StartsWith("the ", StringComparison.Ordinal)) rest = rest[4..];
        return StateWords.Any(w => head.EndsWith(w, StringComparison.Ordinal)) && rest.Length > 3 && char.IsUpper(rest[0]) ? rest : null;
    }

    private static string Initials(string name) =>
        new(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Select(w => w[0]).ToArray());

    /// <summary>Divisions sit at the unweighted mean of their places: a stand-in centroid, as the directory has no coordinates for them.</summary>
    private static IEnumerable<Row> Divisions(string path, List<GeoEntry> cities, Dictionary<string, int> ids, List<string[]> abbreviations)
    {
        var abbreviated = abbreviations.ToLookup(a => a[0], a => a[1]);
        var members = cities.GroupBy(c => c.Country + "." + c.Admin1).ToDictionary(g => g.Key, g => g.ToList());
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var a in json.RootElement.EnumerateArray())
        {
            string code = a.GetProperty("code").GetString()!, name = a.GetProperty("name").GetString()!;
            int dot = code.IndexOf('.');
            if (dot < 0 || !members.TryGetValue(code, out var places)) continue;
            var aliases = DivisionSuffixes.Where(s => name.EndsWith(s, StringComparison.Ordinal) && name.Length > s.Length + 2)
                .Select(s => name[..^s.Length]).Concat(abbreviated[code]).ToList();
            yield return new Row(new GeoEntry(ids.GetValueOrDefault(code), name, code[..dot], code[(dot + 1)..], "ADM1",
                places.Sum(p => p.Population), places.Average(p => p.Lat), places.Average(p => p.Lon)), aliases, []);
        }
    }

    /// <summary>Shorter forms news uses: "Washington, D.C." → "Washington", "New York City" → "New York", Saint ↔ St.</summary>
    private static List<string> CityAliases(string name, long population)
    {
        var aliases = new List<string>();
        int comma = name.IndexOf(", ", StringComparison.Ordinal);
        if (comma > 2) aliases.Add(name[..comma]);
        // Only the biggest drop "City": "Iowa" is the state, not Iowa City.
        if (name.EndsWith(" City", StringComparison.Ordinal) && population >= 1_000_000) aliases.Add(name[..^5]);
        else if (population >= 100_000 && !name.Contains(' ')) aliases.Add(name + " City"); // "Quebec City" for Québec
        if (name.StartsWith("Saint ", StringComparison.Ordinal)) aliases.Add("St. " + name[6..]);
        else if (name.StartsWith("St. ", StringComparison.Ordinal)) aliases.Add("Saint " + name[4..]);
        return aliases;
    }
}
