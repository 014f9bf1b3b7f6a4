using Tidings.Extract.Events;

namespace Tidings.Tests.Extract.Events;

/// <summary>The actor coder's data files: the country table builder (`tidings train actors`) and the embedded tables.</summary>
public class ActorDataTests
{
    private const string TwoCountries = """
        [
          {"name": {"common": "United States", "official": "United States of America", "native": {"eng": {"common": "United States", "official": "United States of America"}}},
           "cca2": "US", "cca3": "USA", "independent": true, "capital": ["Washington D.C."], "altSpellings": ["US", "USA", "United States of America"],
           "demonyms": {"eng": {"f": "American", "m": "American"}}},
          {"name": {"common": "United States Minor Outlying Islands", "official": "United States Minor Outlying Islands"},
           "cca2": "UM", "cca3": "UMI", "independent": false, "capital": [], "altSpellings": ["UM"],
           "demonyms": {"eng": {"f": "American", "m": "American"}}}
        ]
        """;

    [Fact]
    public void CountryTable_DropsCodesGivesASharedDemonymToTheIndependentCountryAndShortensCapitals()
    {
        using var dir = new TestData.TempDir();
        var json = Path.Combine(dir.Path, "world-countries.json");
        File.WriteAllText(json, TwoCountries);
        var rows = CountryTableBuilder.Build(json);
        var usa = Assert.Single(rows, r => r.Iso3 == "USA");
        Assert.Equal(["United States", "United States of America"], usa.Names);
        Assert.Equal(["American"], usa.Demonyms);
        Assert.Equal(["Washington D.C.", "Washington"], usa.Capitals);
        Assert.Empty(Assert.Single(rows, r => r.Iso3 == "UMI").Demonyms);

        var table = Path.Combine(dir.Path, "countries.tsv");
        CountryTableBuilder.Save(rows, table);
        var d = new ActorDictionary();
        d.ReadCountries(File.ReadLines(table).Where(l => !l.StartsWith('#')));
        Assert.Equal("USA", d.LookupName("Americans")?.CodeOn(null));
        Assert.Equal(ActorKind.Capital, d.LookupName("Washington")?.Kind);
        Assert.Null(d.LookupName("UM"));
    }

    [Fact]
    public void CountryTable_TheCommittedFileIsWhatTheBuilderMakesFromTheSharedCountries()
    {
        var source = Path.Combine(TestData.RepoRoot, "..", "shared", "gazetteer", "world-countries.json");
        if (!File.Exists(source)) return; // the shared data is not on this machine: nothing to compare against
        using var dir = new TestData.TempDir();
        var built = Path.Combine(dir.Path, "countries.tsv");
        CountryTableBuilder.Save(CountryTableBuilder.Build(source), built);
        var committed = Path.Combine(TestData.RepoRoot, "src", "Tidings", "Extract", "Events", "data", "countries.tsv");
        Assert.Equal(File.ReadAllText(committed), File.ReadAllText(built));
    }

    [Theory]
    [InlineData("Pakistani", "PAK")]
    [InlineData("Afghans", "AFG")]
    [InlineData("U.S.", "USA")]
    [InlineData("America", "USA")]
    [InlineData("Tehreek-e-Taliban Pakistan", "PAKREB")]
    [InlineData("Hizbollah", "LBNREB")]
    [InlineData("Inter Services Intelligence", "PAKSPY")]
    [InlineData("MI6", "GBRSPY")]
    [InlineData("NATO", "IGOWSTNAT")]
    public void EmbeddedActors_MatchNamesAcrossSpellings(string name, string code)
        => Assert.Equal(code, ActorDictionary.Default.LookupName(name)?.CodeOn(new DateOnly(2022, 12, 20)));

    [Fact]
    public void EmbeddedActors_AcronymsAreCaseSensitive()
    {
        Assert.Null(ActorDictionary.Default.LookupName("us"));
        Assert.Null(ActorDictionary.Default.LookupName("let"));
        Assert.Equal("PAKREB", ActorDictionary.Default.LookupName("LeT")?.CodeOn(null));
    }

    [Theory]
    [InlineData("spokesman", "spokesmen")]
    [InlineData("militia", "militias")]
    [InlineData("official", "officials")]
    [InlineData("security official", "security officials")]
    [InlineData("prime minister", "prime ministers")]
    public void SectorWords_GeneratePlurals(string singular, string plural)
    {
        Assert.Equal(plural, SectorWords.Plural(singular));
        Assert.Equal(SectorWords.Default.Lookup(singular)?.Sector, SectorWords.Default.Lookup(plural)?.Sector);
    }
}
