using System.Text;

namespace Tidings.Extract.Events;

/// <summary>What kind of predicate a lexicon entry describes.</summary>
public enum PredicateRole
{
    /// <summary>An event of its own, coded with the entry's CAMEO code.</summary>
    Event,
    /// <summary>"plans to", "ready to": the complement's event becomes an intention.</summary>
    Intent,
    /// <summary>"launched (attacks)", "held (talks)": the object noun carries the event.</summary>
    Light,
    /// <summary>"said": reported speech; "X said Y must …" is X's demand on Y.</summary>
    Speech,
    /// <summary>"received (aid) from X": the object noun's event runs from X to the subject.</summary>
    Receive,
}

/// <summary>
/// One lexicon entry: a lemma and part of speech ('V', 'N', 'A'), the argument pattern it needs (object lemmas,
/// prepositions, particle, complement), and what it codes to.
/// </summary>
public sealed record LexiconEntry(string Lemma, char Pos, PredicateRole Role, string Cameo, PloverType? Plover, string? Mode,
    string? Context, IReadOnlySet<string>? Objects, IReadOnlySet<string>? Prepositions, string? Particle, bool NeedsComplement, int Line,
    bool Intransitive = false)
{
    /// <summary>How many constraints the frame states: more specific entries are tried first.</summary>
    public int Specificity => (Objects is null ? 0 : 2) + (Prepositions is null ? 0 : 1) + (Particle is null ? 0 : 2) + (NeedsComplement ? 1 : 0) + (Intransitive ? 1 : 0);
}

/// <summary>
/// Tidings' own verb and event-noun lexicon (data/event-lexicon.tsv, embedded): lemmas with simple argument
/// patterns mapped to CAMEO codes and PLOVER types. The format is documented at the top of the file.
/// </summary>
public sealed class EventLexicon
{
    public const string ResourceName = "Tidings.Events.event-lexicon.tsv";
    private static readonly Lazy<EventLexicon> LazyDefault = new(LoadEmbedded);
    private readonly Dictionary<(string, char), LexiconEntry[]> _entries;

    private EventLexicon(IEnumerable<LexiconEntry> entries)
        => _entries = entries.GroupBy(e => (e.Lemma, e.Pos))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Specificity).ThenBy(e => e.Line).ToArray());

    public static EventLexicon Default => LazyDefault.Value;

    public int Count => _entries.Values.Sum(v => v.Length);

    /// <summary>Entries for a lemma and part of speech, most specific first (empty when the lemma is unknown).</summary>
    public IReadOnlyList<LexiconEntry> Lookup(string lemma, char pos)
        => _entries.TryGetValue((lemma, pos), out var list) ? list : [];

    public static EventLexicon Read(TextReader reader, CameoPloverTable table, List<string>? problems = null)
    {
        var entries = new List<LexiconEntry>();
        int lineNo = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            var entry = f.Length >= 4 && f[1].Length == 1 ? Parse(f, lineNo, table) : null;
            if (entry is null) problems?.Add($"line {lineNo}: cannot read '{line}'");
            else entries.Add(entry);
        }
        return new EventLexicon(entries);
    }

    private static LexiconEntry? Parse(string[] f, int line, CameoPloverTable table)
    {
        HashSet<string>? objects = null, preps = null;
        string? particle = null;
        bool comp = false, intransitive = false;
        if (f[2] != "-")
        {
            foreach (var constraint in f[2].Split(';'))
            {
                int eq = constraint.IndexOf('=');
                string key = eq < 0 ? constraint : constraint[..eq];
                var values = eq < 0 ? [] : constraint[(eq + 1)..].Split('|');
                switch (key)
                {
                    case "obj": objects = new HashSet<string>(values, StringComparer.Ordinal); break;
                    case "prep": preps = new HashSet<string>(values, StringComparer.Ordinal); break;
                    case "prt": particle = values.FirstOrDefault(); break;
                    case "comp": comp = true; break;
                    case "intr": intransitive = true; break;
                    default: return null;
                }
            }
        }
        var role = f[3] switch { "intent" => PredicateRole.Intent, "light" => PredicateRole.Light, "say" => PredicateRole.Speech, "receive" => PredicateRole.Receive, _ => PredicateRole.Event };
        string cameo = role == PredicateRole.Event ? f[3] : "";
        if (role == PredicateRole.Event && !cameo.All(char.IsAsciiDigit)) return null;
        var row = role == PredicateRole.Event ? table.Find(cameo) : null;
        PloverType? plover = f.Length > 4 && f[4].Length > 0 ? (Enum.TryParse<PloverType>(f[4], out var p) ? p : null) : row?.Plover;
        if (role == PredicateRole.Event && plover is null) return null;
        string? mode = f.Length > 5 && f[5].Length > 0 ? f[5] : row?.Mode;
        return new LexiconEntry(f[0], f[1][0], role, cameo, plover, mode, row?.Context, objects, preps, particle, comp, line, intransitive);
    }

    private static EventLexicon LoadEmbedded()
    {
        using var stream = typeof(EventLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var problems = new List<string>();
        var lexicon = Read(reader, CameoPloverTable.Default, problems);
        if (problems.Count > 0) throw new InvalidDataException("event lexicon: " + string.Join("; ", problems));
        return lexicon;
    }
}
