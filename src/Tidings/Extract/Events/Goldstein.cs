using System.Globalization;

namespace Tidings.Extract.Events;

/// <summary>The Goldstein conflict-cooperation scale of CAMEO codes (data file cameo-goldstein.tsv, GDELT's GoldsteinScale).</summary>
public static class Goldstein
{
    private static readonly Lazy<Dictionary<string, double>> Table = new(Load);

    /// <summary>
    /// The value of a CAMEO code; a code the table lacks takes its parent's ("0431" → "043" → "04"); null for a code
    /// that is not CAMEO at all.
    /// </summary>
    public static double? Of(string? cameo)
    {
        for (var code = cameo?.Trim(); code is { Length: >= 2 }; code = code[..^1])
            if (Table.Value.TryGetValue(code, out var v)) return v;
        return null;
    }

    /// <summary>The two-digit root of a CAMEO code ("0431" → "04").</summary>
    public static string Root(string cameo) => cameo.Length >= 2 ? cameo[..2] : cameo;

    /// <summary>The three-digit base code ("0431" → "043"; a root code stays as it is).</summary>
    public static string Base(string cameo) => cameo.Length >= 3 ? cameo[..3] : cameo;

    private static Dictionary<string, double> Load()
    {
        using var stream = typeof(Goldstein).Assembly.GetManifestResourceStream("Tidings.Events.cameo-goldstein.tsv")
            ?? throw new InvalidOperationException("the CAMEO Goldstein table is missing from the build");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<string, double>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            table[parts[0]] = double.Parse(parts[1], CultureInfo.InvariantCulture);
        }
        return table;
    }
}
