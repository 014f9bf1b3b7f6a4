using System.Text;

namespace Tidings.Extract.Events;

/// <summary>One row of the CAMEO-to-PLOVER table: a CAMEO code, its PLOVER type (null for CAMEO 01/02, which
/// PLOVER dropped), mode, context and the CAMEO description.</summary>
public sealed record CameoPloverRow(string Cameo, PloverType? Plover, string? Mode, string? Context, string Description);

/// <summary>
/// The mapping between CAMEO codes and PLOVER types, modes and contexts, built from the PLOVER project's
/// conversion table (`tidings train plover --table CAMEO2PLOVER-2021.txt`) and embedded as data/cameo-plover.tsv.
/// A code missing from the table takes its nearest listed ancestor's mapping (0874 → 087 → 08).
/// </summary>
public sealed class CameoPloverTable
{
    public const string ResourceName = "Tidings.Events.cameo-plover.tsv";

    private static readonly Lazy<CameoPloverTable> LazyDefault = new(LoadEmbedded);
    private readonly Dictionary<string, CameoPloverRow> _rows;

    private CameoPloverTable(IEnumerable<CameoPloverRow> rows)
    {
        _rows = new(StringComparer.Ordinal);
        foreach (var row in rows) _rows.TryAdd(row.Cameo, row);
    }

    public static CameoPloverTable Default => LazyDefault.Value;

    public IReadOnlyCollection<CameoPloverRow> Rows => _rows.Values;

    /// <summary>The row for a CAMEO code or its nearest listed ancestor; null for unknown codes.</summary>
    public CameoPloverRow? Find(string cameo)
    {
        for (string code = cameo; code.Length >= 2; code = code[..^1])
            if (_rows.TryGetValue(code, out var row)) return row;
        return null;
    }

    public static QuadClass Quad(PloverType type) => type switch
    {
        PloverType.AGREE or PloverType.CONSULT or PloverType.SUPPORT or PloverType.CONCEDE => QuadClass.VerbalCooperation,
        PloverType.COOPERATE or PloverType.AID or PloverType.RETREAT => QuadClass.MaterialCooperation,
        PloverType.REQUEST or PloverType.ACCUSE or PloverType.REJECT or PloverType.THREATEN or PloverType.SANCTION => QuadClass.VerbalConflict,
        _ => QuadClass.MaterialConflict,
    };

    /// <summary>
    /// Reads the PLOVER project's conversion table: "CODE: TYPE, mode, context # description" rows, "CODE: TYPE"
    /// block heads, '#' comments, and a "~~~~~" end marker. CAMEO roots 01 and 02 (dropped by PLOVER) are added
    /// with no type so every CAMEO code resolves.
    /// </summary>
    public static IEnumerable<CameoPloverRow> ParseConversionTable(TextReader reader)
    {
        yield return new CameoPloverRow("01", null, null, null, "Make public statement");
        yield return new CameoPloverRow("02", null, null, null, "Appeal");
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.StartsWith("~~~", StringComparison.Ordinal)) break;
            string body = line.Trim();
            if (body.Length == 0 || body[0] == '#') continue;
            int colon = body.IndexOf(':');
            if (colon < 2 || !body[..colon].All(char.IsAsciiDigit)) continue;
            string code = body[..colon];
            string rest = body[(colon + 1)..];
            string description = "";
            int hash = rest.IndexOf('#');
            if (hash >= 0) { description = rest[(hash + 1)..].Trim(); rest = rest[..hash]; }
            var parts = rest.Split(',').Select(p => p.Trim()).ToArray();
            if (!Enum.TryParse<PloverType>(parts[0], out var type)) continue;
            string? mode = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null;
            string? context = parts.Length > 2 && parts[2].Length > 0 ? string.Join(";", parts[2].Split(';').Select(c => c.Trim())) : null;
            yield return new CameoPloverRow(code, type, mode, context, description);
        }
    }

    /// <summary>Writes the embedded TSV form: code, type, mode, context, description.</summary>
    public static void WriteTsv(IEnumerable<CameoPloverRow> rows, TextWriter writer)
    {
        writer.WriteLine("# cameo\tplover\tmode\tcontext\tdescription  (built by `tidings train plover` from the PLOVER conversion table)");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in rows)
            if (seen.Add(r.Cameo))
                writer.WriteLine(string.Join('\t', r.Cameo, r.Plover?.ToString() ?? "-", r.Mode ?? "-", r.Context ?? "-", r.Description));
    }

    public static CameoPloverTable ReadTsv(TextReader reader)
    {
        var rows = new List<CameoPloverRow>();
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 5) continue;
            PloverType? type = Enum.TryParse<PloverType>(f[1], out var t) ? t : null;
            rows.Add(new CameoPloverRow(f[0], type, f[2] == "-" ? null : f[2], f[3] == "-" ? null : f[3], f[4]));
        }
        return new CameoPloverTable(rows);
    }

    public static CameoPloverTable FromConversionTable(TextReader reader) => new(ParseConversionTable(reader));

    private static CameoPloverTable LoadEmbedded()
    {
        using var stream = typeof(CameoPloverTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing: run `tidings train plover`");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return ReadTsv(reader);
    }
}
