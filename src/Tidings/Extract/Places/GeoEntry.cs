namespace Tidings.Extract.Places;

/// <summary>
/// One gazetteer entry: a country (feature code PCLI), a first-level division (ADM1) or a populated place
/// (PPL, PPLA, PPLC…). <see cref="Admin1"/> is the GeoNames admin1 code within the country ("03"); for
/// divisions and countries the population is the summed population of their listed places. Ids of 0 mean
/// the entry has no known GeoNames id (a division outside the bundled id table).
/// </summary>
public sealed record GeoEntry(int GeonameId, string Name, string Country, string Admin1, string FeatureCode,
    long Population, double Lat, double Lon)
{
    public bool IsCountry => FeatureCode == "PCLI";
    public bool IsAdmin1 => FeatureCode == "ADM1";
    public bool IsCapital => FeatureCode == "PPLC";
    public bool IsContinent => FeatureCode == "CONT";
    public bool IsCity => !IsCountry && !IsAdmin1 && !IsContinent;

    /// <summary>Countries, divisions and continents: names that are places wherever they stand.</summary>
    public bool IsRegion => IsCountry || IsAdmin1 || IsContinent;
}

/// <summary>
/// A place mention resolved to a gazetteer entry. <see cref="Metonymy"/> is true when the name stands for
/// a government or an institution rather than the place ("Washington said", "Islamabad has been").
/// </summary>
public sealed record PlaceMention(int Start, int End, string Text, int GeonameId, string Name, string Country,
    string? Admin1, double Lat, double Lon, string FeatureCode, bool Metonymy);

/// <summary>A demonym ("Pakistani") mapped to its country; kept apart from place mentions.</summary>
public sealed record DemonymMention(int Start, int End, string Text, string Country, int GeonameId, string Name);
