using Tidings.Documents;
using Tidings.Evaluation;
using Tidings.Extract.Events;
using Tidings.Pipeline;

namespace Tidings.Tests.Extract.Events;

/// <summary>Event predicates, types, flags, dates and places on real and realistic sentences.</summary>
public class EventFinderTests
{
    private static readonly Lazy<Article> Sample000 = new(() => TestData.ReadOne(TestData.Sample000));
    private static readonly Lazy<Article> Sample004 = new(() => TestData.ReadOne(TestData.Sample004));

    private static IReadOnlyList<EventMention> Events(Article a) => a.Layers.Get<EventMention>(EventStage.Layer) ?? [];

    /// <summary>The event whose predicate is the first occurrence of <paramref name="predicate"/> after <paramref name="context"/>.</summary>
    private static EventMention Find(Article a, string context, string predicate)
    {
        int at = a.Text.IndexOf(context, StringComparison.Ordinal);
        Assert.True(at >= 0, $"context not in text: {context}");
        int p = a.Text.IndexOf(predicate, at, StringComparison.Ordinal);
        var found = Events(a).Where(e => e.Start == p).ToList();
        Assert.True(found.Count > 0, $"no event at '{predicate}' after '{context}'; events: " + string.Join(" | ", Events(a).Select(e => $"{e.Plover} {e.Text}@{e.Start}")));
        Assert.Equal(predicate, a.Text[found[0].Start..found[0].End]);
        return found[0];
    }

    private static EventMention AssertEvent(string text, string predicate, string plover, string? source = null, string? target = null)
    {
        var a = TestData.FromText(text);
        var e = Find(a, text[..Math.Min(10, text.Length)], predicate);
        Assert.Equal(plover, e.Plover);
        if (source is not null) Assert.Contains(source, e.Source?.Text ?? "");
        if (target is not null) Assert.Contains(target, e.Target?.Text ?? "");
        return e;
    }

    [Fact]
    public void Hostage_taking_and_seizure_at_Bannu_are_dated_from_on_Monday()
    {
        var took = Find(Sample004.Value, "On Monday, militants", "took");
        Assert.Equal("COERCE", took.Plover);
        Assert.Equal("abduct", took.Mode);
        Assert.Equal("militants", took.Source?.Text);
        Assert.Equal("PAKREB", took.Source?.Code);
        Assert.Equal("hostages", took.Target?.Text);
        Assert.Equal(EventProvenance.Text, took.DateSource);
        Assert.EndsWith("-1", took.Date); // Monday, unresolved without a publication date
        Assert.Equal("Bannu", took.Place?.Name);
        var seizing = Find(Sample004.Value, "On Monday, militants", "seizing");
        Assert.Equal("COERCE", seizing.Plover);
        Assert.Equal("seize", seizing.Mode);
        Assert.Equal(took.Date, seizing.Date);
    }

    [Fact]
    public void With_a_publication_date_event_dates_resolve_to_calendar_days()
    {
        // The reading: the article dated 2022-12-21, "On Monday" is 2022-12-19 and "on December 1" 2022-12-01.
        var text = File.ReadAllText(TestData.Sample004);
        var article = new Article(text, "004", ArticleFormat.PlainText) { HeadlineInText = true, Published = new DateTimeOffset(2022, 12, 21, 9, 0, 0, TimeSpan.Zero) };
        ArticlePipeline.CreateDefault().Process(article);
        Assert.Equal("2022-12-19", Find(article, "On Monday, militants", "took").Date);
        Assert.Equal("2022-12-01", Find(article, "Subsequently, on December 1", "labeled").Date);
        Assert.Equal("2022-11", Find(article, "Since mid-November", "killing").Date);
        var attack = Find(article, "for his brazen", "attack");
        Assert.Contains(EventFlags.Historical, attack.Flags);
        Assert.DoesNotContain(EventFlags.Historical, Find(article, "On Monday, militants", "took").Flags);
    }

    [Fact]
    public void The_TTP_designation_is_a_sanction_by_the_State_Department_on_December_1()
    {
        var e = Find(Sample004.Value, "Subsequently, on December 1", "labeled");
        Assert.Equal("SANCTION", e.Plover);
        Assert.Equal("designation", e.Mode);
        Assert.Equal("the State Department", e.Source?.Text);
        Assert.Equal("USAGOV", e.Source?.Code);
        Assert.Equal("the TTP", e.Target?.Text);
        Assert.Equal("PAKREB", e.Target?.Code);
        Assert.EndsWith("12-01", e.Date);
    }

    [Fact]
    public void Attacks_since_mid_November_kill_security_personnel()
    {
        var e = Find(Sample004.Value, "Since mid-November", "killing");
        Assert.Equal("ASSAULT", e.Plover);
        Assert.Contains("group", e.Source?.Text);
        Assert.Equal("PAKREB", e.Source?.Code); // "the Afghanistan-based group" is the TTP named just before
        Assert.Contains("Taliban Pakistan", e.Source?.Name);
        Assert.Contains("security personnel", e.Target?.Text);
        Assert.Equal("PAK", e.Target?.Country);
        Assert.EndsWith("-11", e.Date);
        Assert.Equal(EventProvenance.Text, e.DateSource);
    }

    [Fact]
    public void The_Times_Square_attack_of_2010_is_historical_and_placed_in_New_York()
    {
        var e = Find(Sample004.Value, "for his brazen", "attack");
        Assert.Equal("ASSAULT", e.Plover);
        Assert.Equal("2010", e.Date);
        Assert.Equal("Faisal Shazad", e.Source?.Name); // "his" is the person named before it
        Assert.Contains(EventFlags.Historical, e.Flags);
        Assert.Equal("New York City", e.Place?.Name);
    }

    [Fact]
    public void The_phone_call_and_the_condolences_are_consult_and_support()
    {
        var call = Find(Sample004.Value, "Bhutto-Zardari’s phone", "call");
        Assert.Equal("CONSULT", call.Plover);
        Assert.Equal("phone", call.Mode);
        Assert.Contains("Bilawal", call.Source?.Text);
        Assert.Equal("PAKGOV", call.Source?.Code);
        Assert.Equal("USAGOV", call.Target?.Code);
        Assert.Equal("Antony Blinken", call.Target?.Name);
        var offered = Find(Sample004.Value, "Blinken, according", "offered");
        Assert.Equal("SUPPORT", offered.Plover);
        Assert.Equal("condolences", offered.Mode);
        Assert.StartsWith("Blinken", offered.Source?.Text);
        Assert.Equal("USAGOV", offered.Source?.Code);
        Assert.Equal("PAK", offered.Target?.Country); // the other side of the phone call reported just before
    }

    [Fact]
    public void FBI_tracking_the_TTP_is_an_investigation()
    {
        var e = Find(Sample004.Value, "has been tracking", "tracking");
        Assert.Equal("ACCUSE", e.Plover);
        Assert.Equal("investigate", e.Mode);
        Assert.Contains("TTP", e.Target?.Text);
        Assert.Equal("USACOP", e.Source?.Code);
        Assert.Equal("PAKREB", e.Target?.Code);
    }

    [Fact]
    public void US_intent_to_work_with_Pakistan_and_the_killing_of_al_Zawahiri()
    {
        var work = Find(Sample000.Value, "We are determined", "work");
        Assert.Equal("AGREE", work.Plover);
        Assert.Contains(EventFlags.Intent, work.Flags);
        var killing = Find(Sample000.Value, "with the killing", "killing");
        Assert.Equal("ASSAULT", killing.Plover);
        Assert.Contains("Zawahiri", killing.Target?.Text);
        Assert.Equal("USAGOV", killing.Source?.Code); // "We" in the spokesperson's quotation
        Assert.StartsWith("2022", killing.Date);
        Assert.DoesNotContain(EventFlags.Negated, killing.Flags);
        var headline = Find(Sample000.Value, "US Determined", "Work");
        Assert.Equal("COOPERATE", headline.Plover);
        Assert.Equal("USA", headline.Source?.Country);
        Assert.Equal("PAK", headline.Target?.Country);
        var partnership = Find(Sample004.Value, "We seek a strong", "partnership");
        Assert.Equal("AGREE", partnership.Plover);
        Assert.Contains("Pakistan", partnership.Target?.Text);
    }

    [Fact]
    public void Every_event_points_at_its_predicate_and_sentence()
    {
        foreach (var a in new[] { Sample000.Value, Sample004.Value })
            foreach (var e in Events(a))
            {
                Assert.Equal(e.Text, a.Text[e.Start..e.End]);
                Assert.True(e.SentenceStart <= e.Start && e.End <= e.SentenceEnd);
                if (e.Source is { } s) Assert.Equal(s.Text, a.Text[s.Start..s.End]);
                if (e.Target is { } t) Assert.Equal(t.Text, a.Text[t.Start..t.End]);
                Assert.InRange(e.Quad, 1, 4);
                Assert.InRange(e.Confidence, 0.0, 1.0);
            }
    }

    [Theory]
    [InlineData("Rebels shelled an army base near the border on Tuesday.", "shelled", "ASSAULT")]
    [InlineData("Police arrested dozens of protesters in the capital.", "arrested", "COERCE")]
    [InlineData("The government said it would release the prisoners.", "release", "AGREE")]
    [InlineData("The rebels threatened to attack the city.", "threatened", "THREATEN")]
    [InlineData("Japan halted economic aid to Serbia.", "halted", "SANCTION")]
    [InlineData("Thousands of workers demonstrated in the capital on Friday.", "demonstrated", "PROTEST")]
    [InlineData("The minister accused the opposition of fraud.", "accused", "ACCUSE")]
    [InlineData("Brazil rejected the proposal from Argentina.", "rejected", "REJECT")]
    [InlineData("The president said the rebels must lay down their arms.", "lay", "REQUEST")]
    [InlineData("Germany will send humanitarian aid to Chad.", "send", "AGREE")]
    public void Verbs_code_to_their_PLOVER_type(string text, string predicate, string plover)
        => AssertEvent(text, predicate, plover);

    [Fact]
    public void Negated_and_hypothetical_events_carry_flags()
    {
        var refused = AssertEvent("The army did not attack the village.", "attack", "ASSAULT", "army", "village");
        Assert.Contains(EventFlags.Negated, refused.Flags);
        var may = AssertEvent("The rebels may attack the city if talks fail.", "attack", "THREATEN");
        Assert.Contains(EventFlags.Hypothetical, may.Flags);
        var withheld = AssertEvent("Israel would not meet the envoy.", "meet", "REJECT");
        Assert.Contains(EventFlags.Negated, withheld.Flags);
    }

    [Fact]
    public void Compound_actors_give_one_event_per_actor()
    {
        var a = TestData.FromText("Kenya and Uganda attacked the rebel camp.");
        var attacks = Events(a).Where(e => e.Text == "attacked").ToList();
        Assert.Equal(2, attacks.Count);
        Assert.Equal(["Kenya", "Uganda"], attacks.Select(e => e.Source!.Text).Order().ToArray());
    }

    [Fact]
    public void The_lexicon_and_the_CAMEO_PLOVER_table_load_and_agree()
    {
        Assert.True(EventLexicon.Default.Count > 300);
        Assert.Equal(PloverType.ASSAULT, CameoPloverTable.Default.Find("190")?.Plover);
        Assert.Equal(PloverType.ACCUSE, CameoPloverTable.Default.Find("0934")?.Plover); // nearest listed ancestor (093)
        Assert.Null(CameoPloverTable.Default.Find("010")?.Plover); // CAMEO 01 is dropped by PLOVER
        Assert.Equal(QuadClass.MaterialConflict, CameoPloverTable.Quad(PloverType.COERCE));
        var take = EventLexicon.Default.Lookup("take", 'V').First(e => e.Objects?.Contains("hostage") == true);
        Assert.Equal("181", take.Cameo);
        var problems = new List<string>();
        EventLexicon.Read(new StringReader("kill\tV\t-\t190\nbad line\nkill\tV\tfoo=bar\t190\n"), CameoPloverTable.Default, problems);
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("line 2", problems[0]);
    }

    [Fact]
    public void The_PLOVER_gold_reader_maps_legacy_labels_and_scores()
    {
        var records = PloverEvaluator.Read(TestData.Fixture("plover-gold-mini.json"));
        Assert.Equal(4, records.Count); // the DOCUMENT record is skipped
        Assert.Equal("ASSAULT", records[0].Event); // FIGHT → ASSAULT
        Assert.Equal("REQUEST", records[2].Event); // DEMAND → REQUEST
        Assert.Equal(["attacked"], records[0].EventTexts);
        Assert.Equal(2, PloverEvaluator.Split(records, "dev").Count());
        var report = PloverEvaluator.Evaluate(records, ArticlePipeline.CreateDefault());
        Assert.Equal(4, report.Records);
        Assert.True(report.TypeRight >= 3, string.Join("\n", report.Errors));
        Assert.Equal(report.PerType.Sum(t => t.Count), report.Records);
    }
}
