using System.Text;
using System.Text.Json;

namespace Tidings.Extract.Events;

/// <summary>
/// Builds the actor coder's country table (data/countries.tsv) from world-countries.json: per country its ISO
/// alpha-3 and alpha-2 codes, English names and alternative spellings, demonyms and capitals. A name or demonym
/// claimed by two countries goes to the independent one ("American": the United States, not its outlying
/// islands), and is dropped when that does not decide it ("Dominican"); two- and three-letter codes are left out
/// (the hand-written actor file lists the few that news uses as words: US, UK, UAE…) since "IN", "IT", "AT" are words.
/// </summary>
public static class CountryTableBuilder
{
    public const string Notice =
        "# Tidings actor countries: iso3, iso2, names, demonyms, capitals ('|'-separated). Built by `tidings train actors` " +
        "from world-countries (mledoze/countries), ODbL 1.0 (https://opendatacommons.org/licenses/odbl/1-0/).";

    public sealed record Row(string Iso3, string Iso2, List<string> Names, List<string> Demonyms, List<string> Capitals, bool Independent);

    public static List<Row> Build(string worldCountriesJson)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(worldCountriesJson));
        var rows = new List<Row>();
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            var name = c.GetProperty("name");
            var names = new List<string> { name.GetProperty("common").GetString()!, name.GetProperty("official").GetString()! };
            if (name.TryGetProperty("native", out var native) && native.TryGetProperty("eng", out var eng))
                names.AddRange([eng.GetProperty("common").GetString()!, eng.GetProperty("official").GetString()!]);
            names.AddRange(Strings(c, "altSpellings").Where(IsWordName));
            var demonyms = new List<string>();
            if (c.TryGetProperty("demonyms", out var d) && d.TryGetProperty("eng", out var engDemonyms))
                foreach (var g in new[] { "m", "f" })
                    if (engDemonyms.TryGetProperty(g, out var v) && v.GetString() is { Length: > 0 } s) demonyms.Add(s);
            bool independent = c.TryGetProperty("independent", out var ind) && ind.ValueKind == JsonValueKind.True;
            rows.Add(new Row(c.GetProperty("cca3").GetString()!, c.GetProperty("cca2").GetString()!,
                Distinct(names), Distinct(demonyms), Distinct(Strings(c, "capital").SelectMany(CapitalForms)), independent));
        }
        DropShared(rows, r => r.Names);
        DropShared(rows, r => r.Demonyms);
        return rows.OrderBy(r => r.Iso3, StringComparer.Ordinal).ToList();
    }

    public static void Save(IEnumerable<Row> rows, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var sb = new StringBuilder(Notice).Append('\n');
        foreach (var r in rows)
            sb.Append(string.Join('\t', r.Iso3, r.Iso2, string.Join('|', r.Names), string.Join('|', r.Demonyms), string.Join('|', r.Capitals))).Append('\n');
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }

    private static IEnumerable<string> Strings(JsonElement e, string property)
        => e.TryGetProperty(property, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().Select(x => x.GetString() ?? "") : [];

    /// <summary>"Washington D.C." is also "Washington": a trailing abbreviation is left off as news does.</summary>
    private static IEnumerable<string> CapitalForms(string capital)
    {
        yield return capital;
        int space = capital.LastIndexOf(' ');
        if (space > 0 && capital[(space + 1)..].All(ch => char.IsUpper(ch) || ch == '.')) yield return capital[..space];
    }

    /// <summary>Codes ("PK", "USA") and one-letter abbreviations are no names.</summary>
    private static bool IsWordName(string s) => s.Length > 3 && !s.All(ch => char.IsUpper(ch) || ch == '.');

    private static List<string> Distinct(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return names.Where(n => n.Length > 0 && !n.Contains('|') && seen.Add(Entities.NameKeys.Exact(n))).ToList();
    }

    private static void DropShared(List<Row> rows, Func<Row, List<string>> field)
    {
        var owners = new Dictionary<string, List<Row>>(StringComparer.Ordinal);
        foreach (var r in rows)
            foreach (var n in field(r))
            {
                var key = Entities.NameKeys.Exact(n);
                if (!owners.TryGetValue(key, out var list)) owners[key] = list = [];
                list.Add(r);
            }
        foreach (var (key, list) in owners.Where(o => o.Value.Count > 1))
        {
            var independent = list.Where(r => r.Independent).ToList();
            foreach (var r in list.Where(r => independent.Count != 1 || r != independent[0]))
                field(r).RemoveAll(n => Entities.NameKeys.Exact(n) == key);
        }
    }
}
