using System.Text.Json;
using Tidings.Extract.Events;
using Tidings.Output;
using Tidings.Stories;

namespace Tidings.Tests.Extract;

public class EventMergerTests
{
    private static EventActor Coded(string code) =>
        new(0, 1, code, code, code[..3], code.Length >= 6 ? code[3..] : null);

    private static EventMention Mention(string plover, string? source, string? target, string? date, EventPlace? place = null, params string[] flags) =>
        new(10, 15, "verb", 0, 40, plover, null, null, "030", 1, source is null ? null : Coded(source), target is null ? null : Coded(target),
            date, EventProvenance.Text, place, place is null ? EventProvenance.None : EventProvenance.Text, flags, 0.8);

    private static EventReport Report(string article, int index, string? outlet, string? story, EventMention m, string? copyOf = null, int day = 1) =>
        new(article, index, outlet, new DateTimeOffset(2022, 12, day, 0, 0, 0, TimeSpan.Zero), story, copyOf, m);

    private static EventPlace Place(int id, string code, string? admin1 = "03") => new(0, 1, "p", id, "p", "PK", admin1, 0, 0, code);

    [Fact]
    public void TwoArticlesOfOneStoryGiveOneEventWithCounts()
    {
        var events = EventMerger.Merge(
        [
            Report("a", 0, "Dawn", "s1", Mention("COOPERATE", "USA", "PAKGOV", "2022-12-07")),
            Report("b", 0, "Geo", "s1", Mention("COOPERATE", "USAGOV", "PAK", "2022-12-08"), day: 2),
            Report("b", 1, "Geo", "s1", Mention("COOPERATE", "USAGOV", "PAK", null), day: 2),
        ]);
        var e = Assert.Single(events);
        Assert.Equal((3, 2, 2, 2), (e.Mentions, e.Articles, e.Outlets, e.IndependentOutlets));
        Assert.Equal("USAGOV", e.Source!.Code); // the most specific code
        Assert.Equal("PAKGOV", e.Target!.Code);
        Assert.Equal(EventMerger.EventId("a", 0), e.Id);
        Assert.Equal("s1", e.StoryId);
    }

    [Fact]
    public void SyndicatedCopyIsNotAnIndependentOutlet()
    {
        var m = Mention("ASSAULT", "PAKREB", "PAKMIL", "2022-12-19");
        var e = Assert.Single(EventMerger.Merge(
        [
            Report("ap", 0, "AP", "s1", m),
            Report("copy1", 0, "Daily One", "s1", m, copyOf: "ap", day: 2),
            Report("copy2", 0, "Daily Two", "s1", m, copyOf: "ap", day: 2),
            Report("own", 0, "Dawn", "s1", m, day: 3),
        ]));
        Assert.Equal(4, e.Articles);
        Assert.Equal(4, e.Outlets);
        Assert.Equal(2, e.IndependentOutlets); // AP's story once, Dawn's own report
    }

    [Fact]
    public void IncompatibleMentionsStayApart()
    {
        var events = EventMerger.Merge(
        [
            Report("a", 0, "X", "s1", Mention("ASSAULT", "PAKREB", null, "2022-12-19")),
            Report("b", 0, "Y", "s1", Mention("COERCE", "PAKREB", null, "2022-12-19")),          // other type
            Report("c", 0, "Y", "s1", Mention("ASSAULT", "AFGREB", null, "2022-12-19")),         // other country
            Report("d", 0, "Y", "s1", Mention("ASSAULT", "PAKREB", null, "2022-12-22")),         // three days later
            Report("e", 0, "Y", "s2", Mention("ASSAULT", "PAKREB", null, "2022-12-19")),         // other story
            Report("f", 0, "Y", null, Mention("ASSAULT", "PAKREB", null, "2022-12-19")),         // no story
            Report("g", 0, "Y", "s1", Mention("ASSAULT", "PAKREB", null, "2022-12-19", null, EventFlags.Negated)),
            Report("h", 0, "Z", "s1", Mention("ASSAULT", "PAKREB", null, "2022-12-20")),         // within a day: joins a
        ]);
        Assert.Equal(7, events.Count);
        Assert.Equal(["a", "h"], events[0].Reports.Select(r => r.ArticleId));
    }

    [Fact]
    public void AStoryOfThousandsOfCopiesMergesIntoItsEvents()
    {
        // 4,000 wire copies, each with the same two events (the kill-mid-ingest test stores 6,000 such articles).
        var reports = Enumerable.Range(0, 4000).SelectMany(i => new[]
        {
            Report($"a{i:0000}", 0, $"Outlet {i % 50}", "s", Mention("COOPERATE", i % 2 == 0 ? "USA" : "USAGOV", "PAK", "2022-12-07"), copyOf: i == 0 ? null : "a0000"),
            Report($"a{i:0000}", 1, $"Outlet {i % 50}", "s", Mention("ASSAULT", "PAKREB", "PAKMIL", "2022-12-19"), copyOf: i == 0 ? null : "a0000"),
        });
        var events = EventMerger.Merge(reports);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal((4000, 4000, 50, 1), (e.Mentions, e.Articles, e.Outlets, e.IndependentOutlets)));
    }

    [Fact]
    public void DatelinesAndArticleDatesDoNotSplitAnEvent()
    {
        // Two outlets write from different cities on different days; the text dates the event to the 19th in Bannu.
        var stated = Mention("COERCE", "PAKREB", null, "2022-12-19", Place(1183090, "PPLA2"));
        var fromWashington = Mention("COERCE", "PAKREB", null, "2022-12-23", Place(4140963, "PPLC")) with
            { DateSource = EventProvenance.Article, PlaceSource = EventProvenance.Dateline };
        var e = Assert.Single(EventMerger.Merge([Report("a", 0, "X", "s", stated), Report("b", 0, "Y", "s", fromWashington, day: 4)]));
        Assert.Equal("2022-12-19", e.Date);
        Assert.Equal(1183090, e.Place!.GeonameId);
    }

    [Fact]
    public void CompatibilityFollowsTheRules()
    {
        Assert.True(EventMerger.CompatibleActors(Coded("PAK"), Coded("PAKGOV")));
        Assert.False(EventMerger.CompatibleActors(Coded("PAKGOV"), Coded("PAKMIL")));
        Assert.True(EventMerger.CompatibleActors(null, Coded("PAKMIL")));
        Assert.True(EventMerger.CompatibleDates("2022-12", "2022-12-19"));
        Assert.False(EventMerger.CompatibleDates("2022-11", "2022-12-19"));
        Assert.True(EventMerger.CompatiblePlaces(Place(1, "PCLI", null), Place(2, "PPL")));
        Assert.True(EventMerger.CompatiblePlaces(Place(3, "ADM1"), Place(2, "PPL")));
        Assert.False(EventMerger.CompatiblePlaces(Place(3, "ADM1", "04"), Place(2, "PPL")));
        Assert.False(EventMerger.CompatiblePlaces(Place(4, "PPL"), Place(2, "PPL")));
        // PAK joins PAKGOV's event; PAKMIL does not, though it is compatible with PAK.
        var events = EventMerger.Merge(
        [
            Report("a", 0, "X", "s", Mention("ASSAULT", "PAKGOV", null, null)),
            Report("b", 0, "X", "s", Mention("ASSAULT", "PAK", null, null)),
            Report("c", 0, "X", "s", Mention("ASSAULT", "PAKMIL", null, null)),
        ]);
        Assert.Equal([2, 1], events.Select(e => e.Mentions));
    }

    [Fact]
    public void AnalyzeWritesEventsWithTheMergedIdInTheDocumentedShape()
    {
        var a = TestData.ReadOne(TestData.Sample000);
        var b = TestData.ReadOne(TestData.Sample004);
        EventSamples.AddSharedCooperation(a, b);
        var links = StoryRunner.Cluster([a, b]);
        var events = EventMerger.Assign([a, b], links);
        Assert.Equal(2, events.Count); // cooperation (both samples) and the hostage taking
        var shared = events.Single(e => e.Plover == "COOPERATE");
        Assert.Equal((2, 2), (shared.Mentions, shared.Articles));

        var json = JsonDocument.Parse(ArticleJsonWriter.ToJson(b)).RootElement;
        var written = json.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(2, written.Count);
        Assert.Equal(["start", "end", "text", "plover", "mode", "context", "cameo", "quad", "source", "target", "date", "date_source",
                      "place", "flags", "confidence", "event"], written[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["start", "end", "text", "code", "entity"], written[0].GetProperty("source").EnumerateObject().Select(p => p.Name));
        Assert.Equal(shared.Id, written[0].GetProperty("event").GetString());
        Assert.Equal("partnership", b.Text[written[0].GetProperty("start").GetInt32()..written[0].GetProperty("end").GetInt32()]);
        var place = written[1].GetProperty("place");
        Assert.Equal(1183090, place.GetProperty("geonameid").GetInt32());
        Assert.Equal("Bannu", b.Text[place.GetProperty("start").GetInt32()..place.GetProperty("end").GetInt32()]);
        Assert.Equal(JsonValueKind.Null, written[1].GetProperty("target").ValueKind);
    }

    [Fact]
    public void GoldsteinValuesComeFromTheCameoTable()
    {
        Assert.Equal(-10.0, Goldstein.Of("190"));
        Assert.Equal(3.4, Goldstein.Of("0214"));
        Assert.Equal(7.4, Goldstein.Of("0719")); // unknown leaf: its base code 071
        Assert.Equal(-9.0, Goldstein.Of("18"));
        Assert.Null(Goldstein.Of("XYZ"));
        for (int root = 1; root <= 20; root++) Assert.NotNull(Goldstein.Of(root.ToString("00")));
    }
}
