using System.Text.Json;

namespace Tidings.Language;

/// <summary>
/// Name lists compiled from the GeoNames / world-countries gazetteer and the PETRARCH actor dictionaries into
/// hashes of lower-cased token sequences (tokenized with our own tokenizer, so "Bhutto-Zardari" matches the
/// three tokens it becomes). The recognizer uses matches as features, not as answers.
/// </summary>
public sealed class Gazetteer
{
    public const byte Location = 1, Organization = 2, Person = 4, Demonym = 8, PersonPart = 16;
    private const byte PrefixMark = 128;
    public const int MaxTokens = 6;

    private readonly Dictionary<ulong, byte> _entries;

    public Gazetteer(Dictionary<ulong, byte> entries) => _entries = entries;

    public int Count => _entries.Count;

    /// <summary>Single words that are ordinary English (e.g. "police", "union"); such one-word names are skipped.</summary>
    public HashSet<string>? CommonWords { get; init; }

    public void Add(string name, byte type)
    {
        name = NormalizeCase(name);
        var spans = Tokenizer.Tokenize(name);
        if (spans.Count == 0 || spans.Count > MaxTokens) return;
        if (spans.Count == 1 && type != Demonym && CommonWords != null && CommonWords.Contains(name.ToLowerInvariant())) return;
        ulong h = 0;
        for (int k = 0; k < spans.Count; k++)
        {
            h = Chain(h, FeatureHash.LowerFolded(name.AsSpan(spans[k].Start, spans[k].Length)));
            // Proper prefixes are marked so matching can stop as soon as no longer name can follow.
            if (k < spans.Count - 1) _entries[h] = (byte)(_entries.GetValueOrDefault(h) | PrefixMark);
        }
        _entries[h] = (byte)(_entries.GetValueOrDefault(h) | type);
        if (type == Person && spans.Count > 1)
            foreach (var s in spans)
                if (s.Length >= 3 && char.IsLetter(name[s.Start]))
                {
                    ulong single = Chain(0, FeatureHash.LowerFolded(name.AsSpan(s.Start, s.Length)));
                    _entries[single] = (byte)(_entries.GetValueOrDefault(single) | PersonPart);
                }
    }

    /// <summary>Whether the whole name is listed with the given type.</summary>
    public bool Contains(string name, byte type)
    {
        name = NormalizeCase(name);
        var spans = Tokenizer.Tokenize(name);
        if (spans.Count == 0 || spans.Count > MaxTokens) return false;
        ulong h = 0;
        foreach (var s in spans) h = Chain(h, FeatureHash.LowerFolded(name.AsSpan(s.Start, s.Length)));
        return _entries.TryGetValue(h, out var t) && (t & type & 31) != 0;
    }

    /// <summary>
    /// Writes list names the way news text does, so they tokenize like it: "TEHRIK-I-TALIBAN" → "Tehrik-i-Taliban",
    /// "AL-QAEDA" → "al-Qaeda" (short hyphen-joined parts are connectors). Matching itself ignores case.
    /// </summary>
    private static string NormalizeCase(string name)
    {
        var chars = name.ToCharArray();
        int partStart = 0;
        for (int i = 0; i <= chars.Length; i++)
        {
            if (i < chars.Length && chars[i] != ' ' && chars[i] != '-') continue;
            int len = i - partStart;
            bool connector = len <= 3 && (i < chars.Length && chars[i] == '-' || partStart > 0 && chars[partStart - 1] == '-');
            for (int k = partStart; k < i; k++)
                chars[k] = k == partStart && !connector ? char.ToUpperInvariant(chars[k]) : char.ToLowerInvariant(chars[k]);
            partStart = i + 1;
        }
        return new string(chars);
    }

    private static ulong Chain(ulong h, ulong token) => FeatureHash.Finalize(h * 0x9E3779B97F4A7C15UL + token);

    /// <summary>
    /// For each token, a bit set of (type, BILOU position) for every name list match covering it:
    /// bit = typeIndex * 4 + position (0 = B, 1 = I, 2 = L, 3 = U).
    /// </summary>
    public void Match(ReadOnlySpan<ulong> lowerHashes, Span<uint> output)
    {
        output[..lowerHashes.Length].Clear();
        for (int i = 0; i < lowerHashes.Length; i++)
        {
            ulong h = 0;
            for (int len = 1; len <= MaxTokens && i + len <= lowerHashes.Length; len++)
            {
                h = Chain(h, lowerHashes[i + len - 1]);
                if (!_entries.TryGetValue(h, out byte types)) break;
                if ((types & 31) == 0) continue; // only a prefix of longer names
                for (int t = 0; t < 5; t++)
                {
                    if ((types & (1 << t)) == 0) continue;
                    if (len == 1) { output[i] |= 1u << (t * 4 + 3); continue; }
                    output[i] |= 1u << (t * 4);
                    for (int k = i + 1; k < i + len - 1; k++) output[k] |= 1u << (t * 4 + 1);
                    output[i + len - 1] |= 1u << (t * 4 + 2);
                }
            }
        }
    }

    public void Write(BinaryWriter w)
    {
        w.Write(_entries.Count);
        foreach (var (k, v) in _entries.OrderBy(p => p.Key)) { w.Write(k); w.Write(v); }
    }

    public static Gazetteer Read(BinaryReader r)
    {
        int n = r.ReadInt32();
        var d = new Dictionary<ulong, byte>(n);
        for (int i = 0; i < n; i++) { ulong k = r.ReadUInt64(); d[k] = r.ReadByte(); }
        return new Gazetteer(d);
    }

    /// <summary>
    /// Builds the lists from a gazetteer directory (cities1000.tsv, world-countries.json, geonames-admin1.json)
    /// and an optional PETRARCH dictionary directory (organisations and named persons).
    /// </summary>
    public static Gazetteer Build(string gazetteerDir, string? petrarchDir, HashSet<string>? commonWords = null, int minCityPopulation = 15000)
    {
        var g = new Gazetteer(new Dictionary<ulong, byte>()) { CommonWords = commonWords };
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(gazetteerDir, "world-countries.json"))))
        {
            foreach (var c in json.RootElement.EnumerateArray())
            {
                var name = c.GetProperty("name");
                g.Add(name.GetProperty("common").GetString()!, Location);
                g.Add(name.GetProperty("official").GetString()!, Location);
                if (c.TryGetProperty("capital", out var caps)) foreach (var cap in caps.EnumerateArray()) g.Add(cap.GetString()!, Location);
                if (c.TryGetProperty("altSpellings", out var alts))
                    foreach (var a in alts.EnumerateArray())
                        if (a.GetString() is { Length: > 3 } alt) g.Add(alt, Location);
                if (c.TryGetProperty("demonyms", out var dem) && dem.TryGetProperty("eng", out var eng))
                {
                    g.Add(eng.GetProperty("m").GetString()!, Demonym);
                    g.Add(eng.GetProperty("f").GetString()!, Demonym);
                }
            }
        }
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(gazetteerDir, "geonames-admin1.json"))))
            foreach (var a in json.RootElement.EnumerateArray()) g.Add(a.GetProperty("name").GetString()!, Location);
        foreach (var line in File.ReadLines(Path.Combine(gazetteerDir, "cities1000.tsv")).Skip(1))
        {
            var cols = line.Split('\t');
            if (cols.Length > 6 && long.TryParse(cols[6], out long pop) && pop >= minCityPopulation) g.Add(cols[1], Location);
        }
        if (petrarchDir != null && Directory.Exists(petrarchDir)) AddPetrarch(g, petrarchDir);
        return g;
    }

    private static void AddPetrarch(Gazetteer g, string dir)
    {
        foreach (var file in new[] { "Phoenix.MilNonState.actors.txt", "Phoenix.International.actors.txt", "Phoenix.Countries.actors.txt" })
        {
            var path = Path.Combine(dir, file);
            if (!File.Exists(path)) continue;
            bool countries = file.Contains("Countries");
            foreach (var (name, isPerson) in PetrarchEntries(path))
            {
                if (isPerson) { if (!StartsWithTitle(name)) g.Add(name, Person); continue; }
                // Country files also list the countries themselves; those stay locations only.
                if (countries && (g.Contains(name, Location) || !name.Contains(' ') && !name.Contains('-'))) continue;
                g.Add(name, Organization);
            }
        }
    }

    private static readonly HashSet<string> TitleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "PRESIDENT", "GENERAL", "PRIME", "MINISTER", "KING", "QUEEN", "PRINCE", "SHEIKH", "SHEIK", "GOVERNOR", "SENATOR",
        "SECRETARY", "FORMER", "VICE", "CHAIRMAN", "LEADER", "AYATOLLAH", "EMIR", "SULTAN", "COLONEL", "CAPTAIN", "DR", "MR", "MRS",
        "FOREIGN", "DEFENSE", "DEFENCE", "INTERIOR", "CHIEF", "PREMIER", "CHANCELLOR", "MARSHAL", "ADMIRAL", "JUDGE", "JUSTICE",
    };

    private static bool StartsWithTitle(string name)
    {
        int space = name.IndexOf(' ');
        return TitleWords.Contains(space < 0 ? name : name[..space]);
    }

    /// <summary>A role code with a date range inside the brackets, e.g. "[PAKGOV 20080909-20130908]" (comments do not count).</summary>
    private static bool HasDatedCode(string line)
    {
        int comment = line.IndexOf('#');
        int open = line.IndexOf('[');
        while (open >= 0 && (comment < 0 || open < comment))
        {
            int close = line.IndexOf(']', open);
            if (close < 0) break;
            if (line.AsSpan(open, close - open).IndexOfAnyInRange('0', '9') >= 0) return true;
            open = line.IndexOf('[', close);
        }
        return false;
    }

    /// <summary>
    /// Actor names (primary entries and their "+" aliases) with a guess whether each is a person: persons carry
    /// dated role codes, e.g. [PAKGOV 20080909-20130908].
    /// </summary>
    private static IEnumerable<(string Name, bool IsPerson)> PetrarchEntries(string path)
    {
        var group = new List<string>();
        bool person = false;
        foreach (var raw in File.ReadLines(path).Append("END_OF_FILE_"))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0 || line[0] == '#') continue;
            int cut = line.IndexOfAny(['[', '#', '\t']);
            if (char.IsWhiteSpace(line[0]) || line[0] == '[')
            {
                if (HasDatedCode(line)) person = true;
                continue;
            }
            string head = (cut >= 0 ? line[..cut] : line).Trim().TrimStart('+').Trim('_');
            if (line[0] == '+')
            {
                if (head.Length >= 2 && !head.Contains('(')) group.Add(head.Replace('_', ' '));
                continue;
            }
            foreach (var name in group) yield return (name, person);
            group.Clear();
            person = HasDatedCode(line);
            if (head.Length >= 2 && !head.Contains('(') && head != "END_OF_FILE") group.Add(head.Replace('_', ' '));
        }
    }
}
