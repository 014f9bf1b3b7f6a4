using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Tidings.Extract.Places;

/// <summary>
/// The place gazetteer in memory: entries by name and alias (case- and accent-folded keys), countries by
/// code, first-level divisions by "CC.code", and demonyms by name. Multi-word names also register their
/// word prefixes so a scan over text can stop as soon as no longer name can follow.
/// The shipped file is built by <see cref="GazetteerBuilder"/> and embedded in the assembly.
/// </summary>
public sealed class PlaceGazetteer
{
    public const string ResourceName = "Tidings.Places.gazetteer.tsv.br";
    public const int MaxWords = 6;

    private readonly List<GeoEntry> _entries = [];
    private readonly Dictionary<string, List<int>> _byKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _prefixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GeoEntry> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GeoEntry> _admin1 = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GeoEntry> _demonyms = new(StringComparer.Ordinal);

    private static readonly Lazy<PlaceGazetteer> LazyDefault = new(LoadEmbedded);

    /// <summary>The embedded gazetteer, loaded once on first use.</summary>
    public static PlaceGazetteer Default => LazyDefault.Value;

    public int Count => _entries.Count;

    public IReadOnlyList<GeoEntry> Entries => _entries;

    /// <summary>Entries whose name or alias folds to the same key as <paramref name="name"/>.</summary>
    public IReadOnlyList<GeoEntry> Lookup(string name)
    {
        if (!_byKey.TryGetValue(Key(name), out var ids)) return [];
        return ids.Select(i => _entries[i]).ToList();
    }

    /// <summary>Whether a longer name starts with these words (for longest-match scans).</summary>
    public bool IsPrefix(string name) => _prefixes.Contains(Key(name));

    public GeoEntry? Country(string code) => _countries.GetValueOrDefault(code);

    public GeoEntry? Admin1(string country, string code) => _admin1.GetValueOrDefault(country + "." + code);

    /// <summary>The country a demonym names ("Pakistani", "Pakistanis" → Pakistan), or null.</summary>
    public GeoEntry? Demonym(string word) => _demonyms.GetValueOrDefault(Key(word));

    public void Add(GeoEntry entry, IEnumerable<string> aliases, IEnumerable<string> demonyms)
    {
        int index = _entries.Count;
        _entries.Add(entry);
        if (entry.IsCountry) _countries[entry.Country] = entry;
        if (entry.IsAdmin1) _admin1[entry.Country + "." + entry.Admin1] = entry;
        foreach (var key in aliases.Prepend(entry.Name).Select(Key).Where(k => k.Length > 0).Distinct())
        {
            if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
            list.Add(index);
            for (int space = key.IndexOf(' '); space > 0; space = key.IndexOf(' ', space + 1)) _prefixes.Add(key[..space]);
        }
        // "American" names the United States, not American Samoa: a shared demonym goes to the bigger country.
        foreach (var d in demonyms.Select(Key).Where(k => k.Length > 0))
            if (!_demonyms.TryGetValue(d, out var other) || other.Population < entry.Population) _demonyms[d] = entry;
    }

    /// <summary>
    /// Folds a name for lookup: lower case, accents removed, dots dropped ("U.S." = "US"), hyphens and runs of
    /// spaces as one space, typographic apostrophes as plain ones.
    /// </summary>
    public static string Key(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c == '.') continue;
            char mapped = c is '’' or '‘' or 'ʼ' ? '\'' : c is '-' or '‐' or '–' ? ' ' : char.ToLowerInvariant(c);
            if (char.IsWhiteSpace(mapped)) { if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' '); continue; }
            sb.Append(mapped);
        }
        if (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb.ToString();
    }

    // File format: one entry a line, tab-separated: id, name, country, admin1, feature code, population,
    // lat, lon, aliases ('|'-separated), demonyms ('|'-separated). Lines starting with '#' are notices.

    public static PlaceGazetteer Read(TextReader r)
    {
        var g = new PlaceGazetteer();
        while (r.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var c = line.Split('\t');
            if (c.Length < 10) continue;
            var entry = new GeoEntry(int.Parse(c[0], CultureInfo.InvariantCulture), c[1], c[2], c[3], c[4],
                long.Parse(c[5], CultureInfo.InvariantCulture), double.Parse(c[6], CultureInfo.InvariantCulture),
                double.Parse(c[7], CultureInfo.InvariantCulture));
            g.Add(entry, Split(c[8]), Split(c[9]));
        }
        return g;
    }

    private static string[] Split(string field) => field.Length == 0 ? [] : field.Split('|');

    public static PlaceGazetteer Load(Stream compressed)
    {
        using var brotli = new BrotliStream(compressed, CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        return Read(reader);
    }

    public static PlaceGazetteer Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file);
    }

    private static PlaceGazetteer LoadEmbedded()
    {
        using var stream = typeof(PlaceGazetteer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new FileNotFoundException("The embedded place gazetteer is missing; build it with `tidings train gazetteer` and rebuild.");
        return Load(stream);
    }
}
