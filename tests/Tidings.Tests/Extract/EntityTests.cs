using Tidings.Documents;
using Tidings.Extract.Entities;
using Tidings.Extract.Quotes;
using Tidings.Storage;

namespace Tidings.Tests.Extract;

/// <summary>Entities within an article and across articles: the samples, and the cases that must not merge.</summary>
public class EntityTests
{
    private static IReadOnlyList<ArticleEntity> Entities(Article a) => a.Layers.Get<ArticleEntity>(EntityStage.Layer)!;

    private static ArticleEntity Named(IReadOnlyList<ArticleEntity> entities, string name) => Assert.Single(entities, e => e.Name == name);

    [Fact]
    public void Sample000_NedPriceIsOnePersonWithHisTitle()
    {
        var a = TestData.ReadOne(TestData.Sample000);
        var price = Named(Entities(a), "Ned Price");
        Assert.Equal("PERSON", price.Type);
        Assert.Equal(["Ned price", "Price"], price.Aliases);
        Assert.Contains("spokesperson", price.Roles);
        Assert.All(price.Mentions, m => Assert.Equal(m.Text, a.Text[m.Start..m.End]));
        Assert.Equal(4, price.Mentions.Count);
    }

    [Fact]
    public void Sample004_MisspeltSurnameAndAcronymsAreOneEntityEach()
    {
        var a = TestData.ReadOne(TestData.Sample004);
        var entities = Entities(a);
        var blinken = Named(entities, "Antony Blinken");
        Assert.Equal(["Antony Blinkon", "Blinken"], blinken.Aliases);
        var ttp = Named(entities, "Tehreek-i-Taliban Pakistan");
        Assert.Equal("TTP", ttp.Acronym);
        Assert.Equal(10, ttp.Mentions.Count);
        Assert.Equal("ISI", Named(entities, "Inter-Services Intelligence").Acronym);
        Assert.Equal("FBI", Named(entities, "Federal Bureau of Investigation").Acronym);
        // "US" spells the initials of "United States", named in the same article.
        Assert.Contains("US", Named(entities, "United States").Aliases);
        Assert.Equal(["foreign minister"], Named(entities, "Bilawal Bhutto-Zardari").Roles);
        Assert.Equal(["interior minister"], Named(entities, "Rana Sanaullah Khan").Roles);
    }

    [Fact]
    public void AcrossTheSamples_OneGlobalEntityEachForTheSharedNames()
    {
        var table = new EntityTable();
        var a000 = TestData.ReadOne(TestData.Sample000);
        var a004 = TestData.ReadOne(TestData.Sample004);
        var first = EntityLinker.Link(a000, table);
        var second = EntityLinker.Link(a004, table);
        GlobalEntity Global(IReadOnlyList<EntityLink> links, string name) => Assert.Single(links, l => l.Local.Aliases.Contains(name)).Global;
        foreach (var (name000, name004) in new[]
                 {
                     ("Tehrik-i-Taliban Pakistan", "Tehreek-i-Taliban Pakistan"), ("TTP", "TTP"), ("Pakistan", "Pakistan"),
                     ("Afghanistan", "Afghanistan"), ("State Department", "State Department"), ("Taliban", "Afghan Taliban"),
                 })
            Assert.Same(Global(first, name000), Global(second, name004));
        var ttp = Global(second, "TTP");
        Assert.Equal(["TTP", "Tehreek-i-Taliban Pakistan", "Tehrik-i-Taliban Pakistan"], ttp.Aliases.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, ttp.Articles);
        Assert.Contains("acronym", Assert.Single(second, l => l.Global == ttp).Evidence);
        Assert.Equal("Antony Blinken", Global(second, "Blinken").Name);
        Assert.Equal("Taliban", Global(second, "Afghan Taliban").Name); // a tie between spellings goes to the plainer name
        // Quote speakers carry their global entity.
        var speakers = a000.Layers.Get<Quote>(QuoteStage.Layer)!.Where(q => q.Speaker?.Name == "Ned Price").ToList();
        Assert.Equal(10, speakers.Count);
        Assert.All(speakers, q => Assert.Equal(Global(first, "Price").Id, q.Speaker!.Entity));
    }

    [Fact]
    public void PeopleSharingASurnameWithOtherGivenNamesStayApart()
    {
        var table = new EntityTable();
        var a = EntityLinker.Link(TestData.FromText("Court ruling\n\nJohn Roberts said the court would rule. Roberts added that it was final."), table);
        var b = EntityLinker.Link(TestData.FromText("Film news\n\nJulia Roberts said the film would open in May. Roberts added a date."), table);
        var c = EntityLinker.Link(TestData.FromText("Court again\n\nChief Justice John Roberts said the court had ruled."), table);
        var john = Assert.Single(a, l => l.Local.Type == "PERSON").Global;
        var julia = Assert.Single(b, l => l.Local.Type == "PERSON").Global;
        Assert.NotSame(john, julia);
        Assert.Same(john, Assert.Single(c, l => l.Local.Type == "PERSON").Global);
        Assert.Equal("same name \"John Roberts\"", Assert.Single(c, l => l.Local.Type == "PERSON").Evidence);
    }

    [Theory]
    [InlineData("Tehrik-i-Taliban", "Tehreek-i-Taliban", true)]
    [InlineData("Blinken", "Blinkon", true)]
    [InlineData("the State Department", "State Department", true)]
    [InlineData("Islamabad", "Slamabad", false)]
    [InlineData("Pakistan", "Afghanistan", false)]
    public void SkeletonsMeetForTransliterations(string a, string b, bool same) =>
        Assert.Equal(same, NameKeys.Skeleton(a) == NameKeys.Skeleton(b));

    [Fact]
    public void StoreLinksIncrementallyAndKeepsIds()
    {
        using var dir = new TestData.TempDir();
        using var store = new SqliteArticleStore(dir.File("t.db"));
        var entities = new SqliteEntityStore(store);
        store.StoreBatch([TestData.ReadOne(TestData.Sample000)]);
        Assert.Equal(1, entities.Update());
        Assert.Equal(0, entities.Update());
        var ttpId = entities.Find("TTP")!.Entity.Id;
        store.StoreBatch([TestData.ReadOne(TestData.Sample004)]);
        Assert.Equal(1, entities.Update());
        var ttp = entities.Find("Tehreek-i-Taliban Pakistan")!;
        Assert.Equal(ttpId, ttp.Entity.Id);
        Assert.Equal(2, ttp.Entity.Articles);
        Assert.Equal(12, ttp.Mentions.Count);
        var price = entities.Find("ned price")!;
        Assert.Equal(10, price.Quotes.Count);
        Assert.Contains("spokesperson", price.Roles);
        Assert.Contains(entities.List(type: "PERSON"), e => e.Name == "Antony Blinken");
    }
}
