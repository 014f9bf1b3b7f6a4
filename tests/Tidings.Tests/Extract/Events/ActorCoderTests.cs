using Tidings.Documents;
using Tidings.Extract.Entities;
using Tidings.Extract.Events;
using Tidings.Language;
using Tidings.Language.Syntax;

namespace Tidings.Tests.Extract.Events;

/// <summary>Actor coding (country + sector) on the samples and on other news-like sentences.</summary>
public class ActorCoderTests
{
    private static readonly Lazy<Article> A000 = new(() => Linked(TestData.ReadOne(TestData.Sample000)));
    private static readonly Lazy<Article> A004 = new(() => Linked(TestData.ReadOne(TestData.Sample004)));

    private static Article Linked(Article a)
    {
        EntityLinker.Link(a, new EntityTable());
        return a;
    }

    /// <summary>Codes the phrase headed by the word <paramref name="head"/> inside the first occurrence of <paramref name="context"/>.</summary>
    internal static EventActor? CodeAt(Article a, string context, string head, DateOnly? date = null, ActorCoder? coder = null)
    {
        int at = a.Text.IndexOf(context, StringComparison.Ordinal);
        Assert.True(at >= 0, $"\"{context}\" not in the article");
        var ctx = new ActorContext(a);
        var tokens = a.Layers.Get<Token>(LanguageStage.Tokens)!;
        var sentence = Assert.Single(a.Layers.Get<Sentence>(LanguageStage.Sentences)!, s => s.Start <= at && at < s.End);
        var tree = new DependencyTree(a.Text, tokens, sentence);
        int index = Enumerable.Range(0, tree.Count).First(i => tree[i].Start >= at && tree[i].End <= at + context.Length && tree.TextOf(i) == head);
        // The phrase's head, as the event finder passes it: a word of a name or compound stands for the whole.
        while (tree.BaseRelation(index) is "flat" or "compound" && tree.Head(index) >= 0) index = tree.Head(index);
        return (coder ?? ActorCoder.Default).Code(ctx, tree, index, date);
    }

    private static void AssertActor(EventActor? actor, string text, string? code, string? name = null)
    {
        Assert.NotNull(actor);
        Assert.Equal(text, actor.Text);
        Assert.Equal(code, actor.Code);
        if (name is not null) Assert.Equal(name, actor.Name);
    }

    private static readonly DateOnly December2022 = new(2022, 12, 20);

    [Theory]
    [InlineData("the United States plans to work", "States", "the United States", "USA", "United States")]
    [InlineData("attacks against Pakistan", "Pakistan", "Pakistan", "PAK", "Pakistan")]
    [InlineData("the United States plans to work with Islamabad", "Islamabad", "Islamabad", "PAKGOV", null)]
    [InlineData("especially from Tehrik-i-Taliban Pakistan (TTP)", "Pakistan", "Tehrik-i-Taliban Pakistan", "PAKREB", "Tehrik-i-Taliban Pakistan")]
    [InlineData("a State Department spokesperson said Wednesday", "spokesperson", "a State Department spokesperson", "USAGOV", null)]
    [InlineData("the department's Spokesperson Ned price said", "price", "the department's Spokesperson Ned price", "USAGOV", "Ned Price")]
    [InlineData("The Taliban, he said", "he", "he", "USAGOV", "Ned Price")]
    [InlineData("the spokesperson said, adding", "spokesperson", "the spokesperson", "USAGOV", "Ned Price")]
    // "We" in a quotation is the speaker's side: coded like Ned Price, naming no entity.
    [InlineData("We are determined to work with our partners", "We", "We", "USAGOV", null)]
    public void Sample000_Actors(string context, string head, string text, string code, string? name)
        => AssertActor(CodeAt(A000.Value, context, head, December2022), text, code, name);

    [Theory]
    [InlineData("to deal with Tehreek-i-Taliban Pakistan (TTP)", "TTP", "TTP", "PAKREB", "Tehreek-i-Taliban Pakistan")]
    [InlineData("the Afghanistan-based group has launched", "group", "the Afghanistan-based group", "PAKREB", "Tehreek-i-Taliban Pakistan")]
    [InlineData("killing dozens of security personnel", "personnel", "security personnel", "PAKCOP", null)]
    [InlineData("On Monday, militants took hostages", "militants", "militants", "PAKREB", null)]
    [InlineData("the Inter-Services Intelligence (ISI) agency", "ISI", "ISI", "PAKSPY", "Inter-Services Intelligence")]
    [InlineData("Washington said that both nations", "Washington", "Washington", "USAGOV", null)]
    [InlineData("the spokesperson added.", "spokesperson", "the spokesperson", "USAGOV", null)]
    [InlineData("(FBI) of the US has been tracking", "FBI", "FBI", "USACOP", "Federal Bureau of Investigation")]
    [InlineData("the State Department labeled the TTP", "Department", "the State Department", "USAGOV", "State Department")]
    [InlineData("Interior Minister Rana Sanaullah Khan said", "Khan", "Interior Minister Rana Sanaullah Khan", "PAKGOV", "Rana Sanaullah Khan")]
    [InlineData("Foreign Minister Bilawal Bhutto-Zardari’s phone call", "Bilawal", "Foreign Minister Bilawal Bhutto-Zardari", "PAKGOV", "Bilawal Bhutto-Zardari")]
    [InlineData("his American counterpart, Antony Blinkon", "Blinkon", "Antony Blinkon", "USAGOV", "Antony Blinken")]
    [InlineData("Blinken, according to a statement", "Blinken", "Blinken", "USAGOV", "Antony Blinken")]
    [InlineData("Kabul’s official support", "Kabul", "Kabul", "AFGGOV", null)]
    [InlineData("We seek a strong partnership with Pakistan", "We", "We", "USAGOV", null)]
    public void Sample004_Actors(string context, string head, string text, string code, string? name)
        => AssertActor(CodeAt(A004.Value, context, head, December2022), text, code, name);

    [Fact]
    public void Sample004_ActorsCarryTheirGlobalEntity()
    {
        var ttp = CodeAt(A004.Value, "the State Department labeled the TTP", "TTP", December2022)!;
        var refs = A004.Value.Layers.Get<EntityRef>(EntityLinker.RefsLayer)!;
        Assert.Equal(Assert.Single(refs, r => r.Start < ttp.End && ttp.Start < r.End).Entity, ttp.Entity);
        Assert.NotNull(ttp.Entity);
        Assert.Equal(("PAK", "REB"), (ttp.Country, ttp.Sector));
        Assert.Equal("the TTP", A004.Value.Text[ttp.Start..ttp.End]);
    }

    [Fact]
    public void TheTalibanAreRebelsBeforeAugust2021AndTheGovernmentFromThen()
    {
        Assert.Equal("AFGREB", CodeAt(A000.Value, "The Taliban, he said", "Taliban", new DateOnly(2021, 8, 14))!.Code);
        Assert.Equal("AFGGOV", CodeAt(A000.Value, "The Taliban, he said", "Taliban", new DateOnly(2021, 8, 15))!.Code);
        Assert.Equal("AFGGOV", CodeAt(A004.Value, "from the Afghan Taliban", "Taliban", December2022)!.Code);
        Assert.Equal("AFGREB", CodeAt(A004.Value, "from the Afghan Taliban", "Taliban", new DateOnly(2010, 5, 1))!.Code);
    }

    [Theory]
    [InlineData("Indian troops opened fire on protesters in Srinagar on Tuesday, officials said.", "Indian troops", "troops", "INDMIL")]
    [InlineData("Indian troops opened fire on protesters in Srinagar on Tuesday, officials said.", "on protesters", "protesters", "INDOPP")]
    [InlineData("The Kremlin rejected the proposal on Friday, calling it a provocation.", "The Kremlin", "Kremlin", "RUSGOV")]
    [InlineData("Israeli Prime Minister Benjamin Netanyahu met the envoy in Jerusalem on Sunday.", "Netanyahu met", "Netanyahu", "ISRGOV")]
    [InlineData("Hezbollah fired dozens of rockets into northern Israel overnight.", "Hezbollah", "Hezbollah", "LBNREB")]
    [InlineData("The Pentagon said on Thursday that it would send more air defence systems.", "The Pentagon", "Pentagon", "USAMIL")]
    [InlineData("Al-Shabaab militants stormed a hotel in Mogadishu late on Friday.", "Al-Shabaab militants", "militants", "SOMREB")]
    [InlineData("Nigerian police arrested five suspects in Kano after the raid.", "Nigerian police", "police", "NGACOP")]
    [InlineData("The European Union imposed new sanctions on Iran over the drone deliveries.", "The European Union", "Union", "IGOEUREEC")]
    [InlineData("Tehran accused Washington of sabotage at the nuclear site.", "Tehran accused", "Tehran", "IRNGOV")]
    [InlineData("Gunmen killed three villagers in Balochistan province on Wednesday, local police said.", "Gunmen killed", "Gunmen", "PAKREB")]
    [InlineData("Gunmen killed three villagers in Balochistan province on Wednesday, local police said.", "three villagers", "villagers", "PAKCVL")]
    [InlineData("Tahreek-i-Taliban Pakistan claimed the bombing of the police station.", "Tahreek-i-Taliban Pakistan", "Pakistan", "PAKREB")]
    [InlineData("The UN Security Council condemned the attack in a unanimous statement.", "The UN Security Council", "Council", "IGOUNOSEC")]
    [InlineData("Chinese Foreign Ministry spokesperson Mao Ning told reporters in Beijing the talks went well.", "Chinese Foreign Ministry spokesperson", "spokesperson", "CHNGOV")]
    [InlineData("Chinese Foreign Ministry spokesperson Mao Ning told reporters in Beijing the talks went well.", "spokesperson Mao Ning", "Ning", "CHNGOV")]
    [InlineData("Kenyan police chief Japhet Koome said the protesters had been armed.", "Kenyan police chief Japhet Koome", "Koome", "KENCOP")]
    [InlineData("Officials from Ghana held a press conference in Accra on Monday.", "a press conference", "conference", null)]
    public void OtherSentences(string text, string context, string head, string? code)
    {
        var a = TestData.FromText("Report\n\n" + text);
        Assert.Equal(code, CodeAt(a, context, head, December2022)?.Code);
    }

    [Fact]
    public void ReferencesBackToAGroupAndAPerson()
    {
        var a = TestData.FromText("Attack in the north\n\nBoko Haram fighters attacked a military base near Maiduguri on Monday. " +
                                  "The group said it had seized weapons. French President Emmanuel Macron condemned the attack in Paris. " +
                                  "He said France would help.");
        Assert.Equal("NGAREB", CodeAt(a, "The group said", "group", December2022)?.Code);
        Assert.Equal("FRAGOV", CodeAt(a, "He said France", "He", December2022)?.Code);
        Assert.Equal("Emmanuel Macron", CodeAt(a, "He said France", "He", December2022)?.Name);
    }

    [Fact]
    public void DateRestrictedCodesFollowTheEventDate()
    {
        var a = TestData.FromText("Syria\n\nHayat Tahrir al-Sham announced a new cabinet in Damascus.");
        Assert.Equal("SYRREB", CodeAt(a, "Hayat Tahrir al-Sham", "Sham", new DateOnly(2023, 1, 1))?.Code);
        Assert.Equal("SYRGOV", CodeAt(a, "Hayat Tahrir al-Sham", "Sham", new DateOnly(2025, 1, 1))?.Code);
    }

    private sealed class TestActors(Dictionary<string, string> entries) : IActorDictionary
    {
        public ActorDictionaryMatch? Match(IReadOnlyList<string> words, int start, DateOnly? date)
        {
            for (int len = words.Count - start; len >= 1; len--)
            {
                var key = string.Join('_', words.Skip(start).Take(len));
                if (entries.TryGetValue(key, out var code)) return new ActorDictionaryMatch(len, code, key);
            }
            return null;
        }
    }

    private sealed class TestAgents(Dictionary<string, string> entries) : IAgentDictionary
    {
        public AgentDictionaryMatch? Match(IReadOnlyList<string> words, int start)
            => entries.TryGetValue(words[start], out var code) ? new AgentDictionaryMatch(1, code, words[start]) : null;
    }

    [Fact]
    public void UserDictionariesOverrideTheBuiltInOnesAndCombineAgentsPetrarchStyle()
    {
        var coder = new ActorCoder(new TestActors(new() { ["TTP"] = "PAKINSTTP", ["GEO_TV"] = "PAKMEDGEO" }),
            new TestAgents(new() { ["SPOKESPERSON"] = "~MED", ["MILITANTS"] = "~INS" }));
        var a = A004.Value;
        Assert.Equal("PAKINSTTP", CodeAt(a, "the State Department labeled the TTP", "TTP", December2022, coder)?.Code);
        // An agent alone takes the built-in country: the sentence's place.
        Assert.Equal("PAKINS", CodeAt(a, "On Monday, militants took hostages", "militants", December2022, coder)?.Code);
        // Actor + agent: "~MED" is appended.
        Assert.Equal("USAGOVMED", ActorCoder.CombineAgent("USAGOV", "~MED"));
        Assert.Equal("NGOPAK", ActorCoder.CombineAgent("PAK", "NGO~"));
        Assert.Equal("PAKMEDGEO", CodeAt(a, "in an email to Geo TV", "TV", December2022, coder)?.Code);
    }

    [Fact]
    public void UncodablePhrasesHaveNoCode()
    {
        var a = A004.Value;
        var actor = CodeAt(a, "a series of deadly attacks", "series", December2022);
        Assert.Null(actor?.Code);
        Assert.Equal("a series", actor?.Text);
    }
}
