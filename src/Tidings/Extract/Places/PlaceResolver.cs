namespace Tidings.Extract.Places;

/// <summary>
/// Chooses one gazetteer entry per mention. The prior prefers big places, countries over towns of the
/// same name and capitals over divisions ("Washington" is the capital before the state). Then the
/// article's context votes: the countries of its confident mentions, its dateline and its outlet; the
/// divisions it names; and an explicit "Edmonton, Alberta" pairing.
/// </summary>
public sealed record PlaceResolver
{
    public double CountryBonus { get; init; } = 3.0;
    public double CapitalBonus { get; init; } = 1.5;
    public double DivisionBonus { get; init; } = -0.5;
    public double ContextCountryWeight { get; init; } = 6.0;
    public double ContextDivisionWeight { get; init; } = 4.0;
    public double PairBonus { get; init; } = 5.0;

    /// <summary>Tuning: a resolver with some weights changed, e.g. "country=3,capital=1.5,context=2.5".</summary>
    public static PlaceResolver WithWeights(string spec)
    {
        var r = new PlaceResolver();
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=');
            if (kv.Length != 2 || !double.TryParse(kv[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v))
                throw new ArgumentException($"bad weight '{part}' (expected name=number)");
            r = kv[0] switch
            {
                "country" => r with { CountryBonus = v },
                "capital" => r with { CapitalBonus = v },
                "division" => r with { DivisionBonus = v },
                "context" => r with { ContextCountryWeight = v },
                "context-division" => r with { ContextDivisionWeight = v },
                "pair" => r with { PairBonus = v },
                _ => throw new ArgumentException($"unknown weight '{kv[0]}'"),
            };
        }
        return r;
    }

    /// <summary>The article's signals besides its mentions: the dateline's place and the outlet's country.</summary>
    public sealed record Context(string? DatelinePlace = null, string? OutletCountry = null);

    /// <summary>Resolves every candidate; mentions come back in the same order, each with its chosen entry.</summary>
    public List<(PlaceCandidate Mention, GeoEntry Entry)> Resolve(string text, IReadOnlyList<PlaceCandidate> mentions, PlaceGazetteer gazetteer, Context context)
    {
        // First pass: the prior alone; its confident choices (and the dateline, the outlet) make the context.
        var first = mentions.Select(m => Best(m.Entries, Prior)).ToList();
        var countries = new Dictionary<string, double>(StringComparer.Ordinal);
        var divisions = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < mentions.Count; i++)
        {
            var chosen = first[i];
            if (!IsConfident(mentions[i], chosen) || chosen.IsContinent) continue;
            countries[chosen.Country] = countries.GetValueOrDefault(chosen.Country) + 1;
            if (chosen.IsAdmin1) divisions.Add(chosen.Country + "." + chosen.Admin1);
        }
        if (context.DatelinePlace is { Length: > 0 } place && gazetteer.Lookup(place) is { Count: > 0 } dateline)
        {
            var e = dateline.MaxBy(Prior)!;
            countries[e.Country] = countries.GetValueOrDefault(e.Country) + 2;
        }
        if (context.OutletCountry is { } outlet) countries[outlet] = countries.GetValueOrDefault(outlet) + 1;
        double total = countries.Values.Sum();

        var result = new List<(PlaceCandidate, GeoEntry)>(mentions.Count);
        for (int i = 0; i < mentions.Count; i++)
        {
            var pair = PairedWith(text, mentions, i);
            double Score(GeoEntry e)
            {
                double s = Prior(e);
                if (total > 0) s += ContextCountryWeight * countries.GetValueOrDefault(e.Country) / total;
                if (!e.IsAdmin1 && !e.IsCountry && divisions.Contains(e.Country + "." + e.Admin1)) s += ContextDivisionWeight;
                if (pair is not null && pair.Entries.Any(p => Contains(p, e))) s += PairBonus;
                return s;
            }
            result.Add((mentions[i], Best(Plausible(mentions[i].Entries, pair), Score)));
        }
        return result;
    }

    /// <summary>A town that shares its name with a country or division ("Florida", New York) is meant only when the text pairs it ("Florida, N.Y.").</summary>
    public long MinTownBesideRegion { get; init; } = 100000;

    private IReadOnlyList<GeoEntry> Plausible(IReadOnlyList<GeoEntry> entries, PlaceCandidate? pair)
    {
        if (pair is not null || !entries.Any(e => e.IsRegion)) return entries;
        return entries.Where(e => e.IsRegion || e.Population >= MinTownBesideRegion).ToList();
    }

    public double Prior(GeoEntry e)
    {
        double s = Math.Log10(e.Population + 10);
        if (e.IsCountry) s += CountryBonus;
        else if (e.IsAdmin1) s += DivisionBonus;
        else if (e.IsCapital) s += CapitalBonus;
        else if (e.FeatureCode == "PPLX") s -= 1; // a section of a city: only with strong context
        return s;
    }

    private static GeoEntry Best(IReadOnlyList<GeoEntry> entries, Func<GeoEntry, double> score) =>
        entries.Count == 1 ? entries[0] : entries.MaxBy(score)!;

    /// <summary>Countries, divisions and unambiguous names count as evidence of where the article is.</summary>
    private static bool IsConfident(PlaceCandidate m, GeoEntry chosen) =>
        chosen.IsCountry || chosen.IsAdmin1 || m.Entries.Count == 1 || chosen.IsCapital;

    /// <summary>The mention right after ", " when it can contain this one ("Edmonton, Alberta"; "Paris, Texas").</summary>
    private static PlaceCandidate? PairedWith(string text, IReadOnlyList<PlaceCandidate> mentions, int i)
    {
        if (i + 1 >= mentions.Count) return null;
        var next = mentions[i + 1];
        var between = text.AsSpan(mentions[i].End, Math.Max(0, next.Start - mentions[i].End)).Trim();
        return between is "," && next.Entries.Any(e => e.IsCountry || e.IsAdmin1) ? next : null;
    }

    private static bool Contains(GeoEntry outer, GeoEntry inner) =>
        outer.GeonameId != inner.GeonameId && (outer.IsCountry && outer.Country == inner.Country
            || outer.IsAdmin1 && !inner.IsAdmin1 && outer.Country == inner.Country && outer.Admin1 == inner.Admin1);
}
