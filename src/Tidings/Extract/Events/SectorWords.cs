namespace Tidings.Extract.Events;

/// <summary>How a sector word names its actor (see data/sectors.tsv).</summary>
public enum SectorKind { Person, Group, Org, Counterpart, Country }

/// <summary>A role, title or group noun with its sector (null for a generic noun such as "group"), and for an
/// institution noun the sectors an organisation it refers back to may have.</summary>
public sealed record SectorWord(string Phrase, string? Sector, SectorKind Kind, IReadOnlySet<string> Fits);

/// <summary>
/// The sector words of data/sectors.tsv, keyed by folded phrase (singular and generated plural of the last word),
/// e.g. "minister" GOV, "security personnel" COP, "militants" REB.
/// </summary>
public sealed class SectorWords
{
    private readonly Dictionary<string, SectorWord> _byKey = new(StringComparer.Ordinal);
    private static readonly Lazy<SectorWords> LazyDefault = new(() => Read(ActorDictionary.ReadResource("sectors.tsv")));

    public static SectorWords Default => LazyDefault.Value;

    public int MaxWords { get; private set; } = 1;

    public static SectorWords Read(IEnumerable<string> lines)
    {
        var words = new SectorWords();
        foreach (var line in lines)
        {
            var f = line.Split('\t');
            if (f.Length < 3) throw new FormatException($"sectors.tsv: expected PHRASE, SECTOR, KIND in \"{line}\"");
            var kind = Enum.Parse<SectorKind>(f[2], ignoreCase: true);
            var fits = f.Length > 3 ? f[3].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal) : [];
            var word = new SectorWord(f[0], f[1] == "-" ? null : f[1], kind, fits);
            words.Add(f[0], word);
            if (!f[0].EndsWith('s')) words.Add(Plural(f[0]), word);
        }
        return words;
    }

    private void Add(string phrase, SectorWord word)
    {
        var key = Entities.NameKeys.Exact(phrase);
        _byKey.TryAdd(key, word);
        MaxWords = Math.Max(MaxWords, key.Count(c => c == ' ') + 1);
    }

    /// <summary>English plural of a phrase's last word: -man → -men, consonant+y → -ies, sibilant → -es, else -s.</summary>
    public static string Plural(string phrase)
    {
        if (phrase.EndsWith("man", StringComparison.Ordinal)) return phrase[..^3] + "men";
        if (phrase.EndsWith('y') && phrase.Length > 1 && !"aeiou".Contains(phrase[^2])) return phrase[..^1] + "ies";
        if (phrase.EndsWith("ch", StringComparison.Ordinal) || phrase.EndsWith("sh", StringComparison.Ordinal) || phrase.EndsWith('x')) return phrase + "es";
        return phrase + "s";
    }

    public SectorWord? Lookup(string exactKey) => _byKey.GetValueOrDefault(exactKey);

    /// <summary>Whether a folded word is plural per this table ("militants", "troops"): a generated or listed form ending in s.</summary>
    public static bool LooksPlural(string exactKey) => exactKey.EndsWith('s') || exactKey.EndsWith("men", StringComparison.Ordinal) || exactKey == "people";
}
