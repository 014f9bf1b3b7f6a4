using System.Globalization;
using System.Reflection;
using Tidings.Extract.Entities;

namespace Tidings.Extract.Events;

/// <summary>What a built-in actor name is: a country's name or demonym, its capital, or a named actor (institution, group…).</summary>
public enum ActorKind { Country, Capital, Actor }

/// <summary>A code valid from <see cref="From"/> to <see cref="To"/> (inclusive; null = open).</summary>
public readonly record struct DatedCode(string Code, DateOnly? From, DateOnly? To)
{
    public bool Covers(DateOnly date) => (From is null || date >= From) && (To is null || date <= To);
}

/// <summary>One entry of the built-in actor dictionary: its canonical name and its codes over time.</summary>
public sealed class ActorEntry(string name, ActorKind kind, IReadOnlyList<DatedCode> codes)
{
    public string Name { get; } = name;
    public ActorKind Kind { get; } = kind;
    public IReadOnlyList<DatedCode> Codes { get; } = codes;

    /// <summary>The code valid on the date; without a date, the current one (the code with an open end, else the last).</summary>
    public string? CodeOn(DateOnly? date)
    {
        if (date is { } d)
        {
            foreach (var c in Codes) if (c.Covers(d)) return c.Code;
            return null;
        }
        foreach (var c in Codes) if (c.To is null) return c.Code;
        return Codes.Count > 0 ? Codes[^1].Code : null;
    }
}

/// <summary>
/// Tidings' built-in actor dictionary, read from the embedded data files: data/countries.tsv (built by
/// `tidings train actors` from world-countries: names, demonyms, capitals) and data/actors.tsv (hand-written:
/// institutions, seats of power, armed groups, intelligence services, IGOs, NGOs, media). Names are keyed by
/// <see cref="NameKeys.Exact"/> and, when eight letters or longer, by <see cref="NameKeys.Skeleton"/> too; short
/// acronyms ("US", "ISI", "MI6") only by their exact spelling, dots removed. Hand-written entries override country ones.
/// </summary>
public sealed class ActorDictionary
{
    private const int SkeletonMinLength = 8;

    private readonly Dictionary<string, ActorEntry> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActorEntry> _bySkeleton = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActorEntry> _acronyms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _iso2To3 = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _countryNames = new(StringComparer.Ordinal);

    private static readonly Lazy<ActorDictionary> LazyDefault = new(LoadEmbedded);

    public static ActorDictionary Default => LazyDefault.Value;

    /// <summary>The longest name, in words (longer windows are never looked up).</summary>
    public int MaxWords { get; private set; } = 1;

    public int Count => _byKey.Count + _acronyms.Count;

    public static ActorDictionary LoadEmbedded()
    {
        var d = new ActorDictionary();
        d.ReadCountries(ReadResource("countries.tsv"));
        d.ReadActors(ReadResource("actors.tsv"));
        return d;
    }

    internal static IEnumerable<string> ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Tidings.Events." + name)
                           ?? throw new InvalidOperationException($"embedded actor data {name} missing");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') lines.Add(line);
        return lines;
    }

    /// <summary>countries.tsv: iso3, iso2, names, demonyms, capitals.</summary>
    public void ReadCountries(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var f = line.Split('\t');
            if (f.Length < 5) continue;
            string iso3 = f[0], iso2 = f[1];
            _iso2To3[iso2] = iso3;
            var names = Names(f[2]);
            if (names.Count > 0) _countryNames[iso3] = names[0];
            var country = new ActorEntry(names.Count > 0 ? names[0] : iso3, ActorKind.Country, [new DatedCode(iso3, null, null)]);
            foreach (var n in names) Add(n, country);
            foreach (var demonym in Names(f[3]))
            {
                Add(demonym, country);
                if (demonym[^1] is 'n' or 'i') Add(demonym + "s", country); // "Afghans", "Pakistanis"
            }
            foreach (var capital in Names(f[4])) Add(capital, new ActorEntry(capital, ActorKind.Capital, [new DatedCode(iso3, null, null)]));
        }
    }

    /// <summary>actors.tsv: codes (CODE or CODE@FROM..TO, space-separated), names.</summary>
    public void ReadActors(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var f = line.Split('\t');
            if (f.Length < 2) throw new FormatException($"actors.tsv: no names in \"{line}\"");
            var codes = f[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ParseCode).ToList();
            var names = Names(f[1]);
            var kind = codes.All(c => c.Code.Length == 3 && _countryNames.ContainsKey(c.Code)) ? ActorKind.Country : ActorKind.Actor;
            var entry = new ActorEntry(names[0], kind, codes);
            foreach (var n in names) Add(n, entry);
        }
    }

    private static DatedCode ParseCode(string s)
    {
        int at = s.IndexOf('@');
        if (at < 0) return new DatedCode(s, null, null);
        var range = s[(at + 1)..].Split("..");
        if (range.Length != 2) throw new FormatException($"actors.tsv: bad date range in \"{s}\"");
        return new DatedCode(s[..at], Date(range[0]), Date(range[1]));
        static DateOnly? Date(string d) => d.Length == 0 ? null : DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static List<string> Names(string field) => field.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private void Add(string name, ActorEntry entry)
    {
        if (IsAcronym(name)) { _acronyms[AcronymKey(name)] = entry; return; }
        var key = NameKeys.Exact(name);
        if (key.Length == 0) return;
        _byKey[key] = entry;
        MaxWords = Math.Max(MaxWords, key.Count(c => c == ' ') + 1);
        if (key.Length >= SkeletonMinLength) _bySkeleton.TryAdd(NameKeys.Skeleton(name), entry);
    }

    /// <summary>One word of at most six letters with two or more capitals: "US", "U.S.", "MI6", "LeT".</summary>
    public static bool IsAcronym(string name)
    {
        if (name.Contains(' ')) return false;
        int letters = 0, capitals = 0;
        foreach (char c in name)
        {
            if (char.IsLetter(c)) letters++;
            if (char.IsUpper(c)) capitals++;
        }
        return letters is > 0 and <= 6 && capitals >= 2;
    }

    private static string AcronymKey(string name) => name.Replace(".", "", StringComparison.Ordinal);

    /// <summary>The entry a folded name (<see cref="NameKeys.Exact"/>) stands for, by key or, for long names, by consonant skeleton.</summary>
    public ActorEntry? Lookup(string exactKey)
    {
        if (_byKey.TryGetValue(exactKey, out var e)) return e;
        return exactKey.Length >= SkeletonMinLength && _bySkeleton.TryGetValue(NameKeys.Skeleton(exactKey), out e) ? e : null;
    }

    /// <summary>The entry an acronym as written stands for ("U.S." = "US"), or null.</summary>
    public ActorEntry? LookupAcronym(string written) => IsAcronym(written) && _acronyms.TryGetValue(AcronymKey(written), out var e) ? e : null;

    /// <summary>A whole name as written: acronym first, then the folded name.</summary>
    public ActorEntry? LookupName(string written) => LookupAcronym(written) ?? Lookup(NameKeys.Exact(written));

    public string? Iso3(string iso2) => _iso2To3.GetValueOrDefault(iso2);

    public string? CountryName(string iso3) => _countryNames.GetValueOrDefault(iso3);

    public bool IsCountryCode(string code) => _countryNames.ContainsKey(code);
}
