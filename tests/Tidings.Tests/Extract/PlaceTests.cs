using Tidings.Evaluation;
using Tidings.Extract.Places;

namespace Tidings.Tests.Extract;

public class PlaceTests
{
    private static List<PlaceMention> Places(Tidings.Documents.Article a) => a.Layers.Get<PlaceMention>(PlaceStage.Layer)!.ToList();

    private static void AssertPlace(IEnumerable<PlaceMention> places, int start, int end, int geonameId, string? admin1 = null, bool metonymy = false)
    {
        var p = Assert.Single(places, p => p.Start == start);
        Assert.Equal((end, geonameId, metonymy), (p.End, p.GeonameId, p.Metonymy));
        if (admin1 is not null) Assert.Equal(admin1, p.Admin1);
    }

    [Fact]
    public void Sample000_DatelineCountriesAndCapitalAsGovernment()
    {
        var a = TestData.ReadOne(TestData.Sample000);
        var places = Places(a);
        AssertPlace(places, 168, 178, 4140963);                   // WASHINGTON, (UrduPoint …): the dateline, Washington D.C.
        AssertPlace(places, 27, 35, 1168579);                     // Pakistan (headline)
        AssertPlace(places, 324, 333, 1176615, metonymy: true);   // "work with Islamabad"
        AssertPlace(places, 579, 590, 1149361);                   // Afghanistan
        Assert.Equal("WASHINGTON", a.Text[168..178]);
        var washington = places.Single(p => p.Start == 168);
        Assert.Equal((38.89511, -77.03637, "US", "PPLC"), (washington.Lat, washington.Lon, washington.Country, washington.FeatureCode));
        Assert.True(places.Select(p => p.Start).SequenceEqual(places.Select(p => p.Start).Order()));
    }

    [Fact]
    public void Sample004_TownDivisionMetonymyAndNewYork()
    {
        var a = TestData.ReadOne(TestData.Sample004);
        var places = Places(a);
        AssertPlace(places, 66, 76, 4140963);                                  // WASHINGTON: (dateline)
        AssertPlace(places, 341, 351, 4140963, metonymy: true);                // "Washington’s calls"
        AssertPlace(places, 370, 379, 1176615, metonymy: true);                // "to assist Islamabad"
        AssertPlace(places, 929, 934, 1183460, admin1: "Khyber Pakhtunkhwa");  // "the town of Bannu"
        AssertPlace(places, 1153, 1163, 4140963, metonymy: true);              // "Washington said"
        AssertPlace(places, 1665, 1673, 5128581, admin1: "New York");          // "New York’s Times Square": the city
        AssertPlace(places, 2078, 2083, 1138958, metonymy: true);              // "Kabul’s official support"
        AssertPlace(places, 2129, 2138, 1176615, metonymy: true);              // "Islamabad is keen"
        var bannu = places.Single(p => p.Start == 929);
        Assert.Equal(("Bannu", 32.98527, 70.60403), (a.Text[929..934], bannu.Lat, bannu.Lon));
        var demonyms = a.Layers.Get<DemonymMention>(PlaceStage.DemonymLayer)!;
        Assert.Equal([("Afghan", "AF", 1149361), ("American", "US", 6252001)], demonyms.Select(d => (d.Text, d.Country, d.GeonameId)));
        Assert.All(demonyms, d => Assert.DoesNotContain(places, p => p.Start == d.Start)); // demonyms are kept apart from places
    }

    [Theory]
    [InlineData("U.S.", 6252001)]
    [InlineData("Turkey", 298795)]          // "Republic of Turkey" → "Turkey"
    [InlineData("Britain", 2635167)]
    [InlineData("B.C.", 5909050)]
    [InlineData("Europe", 6255148)]
    public void GazetteerAliases(string name, int geonameId) =>
        Assert.Contains(PlaceGazetteer.Default.Lookup(name), e => e.GeonameId == geonameId);

    [Theory]
    [InlineData("Pakistani", "PK")]
    [InlineData("Pakistanis", "PK")]
    [InlineData("American", "US")]
    [InlineData("Afghans", "AF")]
    public void Demonyms(string word, string country) => Assert.Equal(country, PlaceGazetteer.Default.Demonym(word)?.Country);

    [Theory]
    [InlineData("Officials in Paris, Texas, said the storm passed.", "Paris", "US")]
    [InlineData("Officials in Paris said the talks would go on.", "Paris", "FR")]
    [InlineData("Flooding hit London, Ontario, and nearby Toronto.", "London", "CA")]
    public void ContextChoosesAmongNamesakes(string text, string name, string country)
    {
        var a = TestData.FromText("Headline\n\n" + text);
        Assert.Equal(country, Places(a).First(p => p.Text == name).Country);
    }

    [Theory]
    [InlineData("Washington said it would send aid.", true)]
    [InlineData("He lives in Washington and works there.", false)]
    [InlineData("Talks with Islamabad resumed on Monday.", true)]
    [InlineData("She flew to Islamabad on Monday.", false)]
    public void CapitalAsGovernment(string text, bool metonymy)
    {
        var a = TestData.FromText("Headline\n\n" + text);
        Assert.Equal(metonymy, Places(a).Single(p => p.FeatureCode == "PPLC").Metonymy);
    }

    [Fact]
    public void GeoEvaluationOnTrNewsStyleFile()
    {
        var articles = GeoEvaluator.Read(TestData.Fixture("trnews-mini.xml"));
        var gold = Assert.Single(articles).Toponyms;
        Assert.Equal(25, gold[0].Start); // moved back onto "London"
        var report = GeoEvaluator.Evaluate(articles);
        Assert.Equal(4, report.Gold);
        Assert.Equal(4, report.GoldSpans.Count);
        Assert.True(report.GoldSpans.ExactId >= 3, $"exact {report.GoldSpans.ExactId}");
        Assert.Equal(0, report.GoldSpans.ErrorsKmById.Where((_, i) => i == 0).Single()); // London, Ontario: same id, 0 km
        Assert.Equal(100, report.Exact.R);
    }
}
