using Tidings.Extract.Quotes;

namespace Tidings.Tests.Extract;

/// <summary>Who said what in the two samples, with exact offsets.</summary>
public class QuoteAttributionTests
{
    private static IReadOnlyList<Quote> Quotes(string path)
    {
        var a = TestData.ReadOne(path);
        var quotes = a.Layers.Get<Quote>(QuoteStage.Layer)!;
        foreach (var q in quotes)
        {
            Assert.Equal(q.Text, a.Text[q.Start..q.End]);
            if (q.Cue is { } c) Assert.Equal(c.Text, a.Text[c.Start..c.End]);
            if (q.Speaker is { } s) Assert.Equal(s.Text, a.Text[s.Start..s.End]);
        }
        return quotes;
    }

    private static Quote Find(IReadOnlyList<Quote> quotes, string startsWith) =>
        Assert.Single(quotes, q => q.Text.StartsWith(startsWith, StringComparison.Ordinal));

    [Theory]
    [InlineData("It is, of course", "direct", "said")]
    [InlineData("We demonstrated those capabilities", "direct", "said")]
    [InlineData("We will take action in a way", "direct", "adding")]
    [InlineData("We are determined to work", "direct", "added")]
    [InlineData("We value that bilateral relationship", "direct", "pointed out")]
    [InlineData("The programme continues", "direct", "added")]
    [InlineData("The Taliban, he said, was", "indirect", "said")]
    [InlineData("However, the US have capabilities", "indirect", "added")]
    [InlineData("Pakistan, the spokesperson emphasized, is", "indirect", "emphasized")]
    public void Sample000_TenAttributionsAllNedPrice(string startsWith, string kind, string cue)
    {
        var q = Find(Quotes(TestData.Sample000), startsWith);
        Assert.Equal(kind, q.Kind);
        Assert.Equal(cue, q.Cue?.Text);
        Assert.Equal("Ned Price", q.Speaker?.Name);
    }

    [Fact]
    public void Sample000_PointedOutIsReportedSpeechOfNedPriceToo()
    {
        var quotes = Quotes(TestData.Sample000);
        Assert.Equal(10, quotes.Count(q => q.Speaker?.Name == "Ned Price"));
        var pointedOut = Find(quotes, "Pakistan receives grant assistance");
        Assert.Equal(("indirect", "pointed out", "Ned Price"), (pointedOut.Kind, pointedOut.Cue?.Text, pointedOut.Speaker?.Name));
        Assert.Equal("the department's Spokesperson Ned price", Find(quotes, "It is, of course").Speaker!.Text);
    }

    [Theory]
    [InlineData("strong partnership", "partial", "United States")]
    [InlineData("continuing to discuss ways", "partial", "United States")]
    [InlineData("We seek a strong partnership", "direct", "State Department spokesperson")]
    [InlineData("We look forward to cooperative efforts", "direct", "State Department spokesperson")]
    [InlineData("exaggeration", "partial", "Inter-Services Intelligence (ISI) agency and other authorities")]
    [InlineData("fully", "partial", "Rana Sanaullah Khan")]
    [InlineData("which are held in a state of war", "partial", "Rana Sanaullah Khan")]
    [InlineData("Responding to the situation, Washington said that both nations", "indirect", "Washington")]
    [InlineData("on more than one occasion it was ready to help Pakistan", "indirect", "US")]
    [InlineData("offered his condolences", "indirect", "Antony Blinken")]
    [InlineData("Earlier this week, the State Department maintained", "indirect", "State Department")]
    public void Sample004_Attributions(string startsWith, string kind, string speaker)
    {
        var q = Find(Quotes(TestData.Sample004), startsWith);
        Assert.Equal(kind, q.Kind);
        Assert.Equal(speaker, q.Speaker?.Name);
    }

    [Fact]
    public void Sample004_ChannelAndNothingFromTheTeaser()
    {
        var a = TestData.ReadOne(TestData.Sample004);
        var quotes = a.Layers.Get<Quote>(QuoteStage.Layer)!;
        Assert.Equal("in an email to Geo TV", Find(quotes, "We seek a strong partnership").Channel);
        int mustRead = a.Text.IndexOf("Must Read", StringComparison.Ordinal);
        Assert.All(quotes, q => Assert.True(q.End <= mustRead));
    }

    [Theory]
    [InlineData("He said, \"The country's future is bright and we will work hard for it.\"", 0)]
    [InlineData("Don't forget the country's 'future', he warned.", 1)]
    public void QuotationMarksAndApostrophes(string text, int expected)
    {
        var spans = QuotationFinder.Find(text, [(0, text.Length)]);
        Assert.Equal(expected == 0 ? "The country's future is bright and we will work hard for it." : "future",
            text[spans.Single().Start..spans.Single().End]);
    }
}

public class QuoteConventionTests
{
    private static IReadOnlyList<Quote> QuotesOf(string body)
    {
        var a = TestData.FromText("Headline\n\n" + body);
        return a.Layers.Get<Quote>(QuoteStage.Layer)!;
    }

    [Fact]
    public void SecondPartOfASplitQuotationKeepsTheCue()
    {
        var quotes = QuotesOf("\"Are we where we need to be? Probably not,\" Ms. Moore said. \"Are we going to get to where we need to be? Absolutely.\"");
        var parts = quotes.Where(q => q.Kind == "direct").ToList();
        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.Equal("said", p.Cue?.Text));
        Assert.Equal(parts[0].Speaker?.Name, parts[1].Speaker?.Name);
    }

    [Fact]
    public void DoubledApostrophesAreQuotationMarks()
    {
        var quotes = QuotesOf("''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist who advised Republicans.");
        var q = Assert.Single(quotes, q => q.Kind == "direct");
        Assert.Equal("This isn't tax reform,", q.Text);
        Assert.Contains("Holtz-Eakin", q.Speaker?.Text);
    }

    [Fact]
    public void TranscriptTurnsNameTheirSpeaker()
    {
        var quotes = QuotesOf("\"PENCE: Well, look, Hillary Clinton apparently thinks this is an episode of “Shark Tank.” But the truth is different.");
        var q = Assert.Single(quotes, q => q.Kind == "direct");
        Assert.StartsWith("Well, look", q.Text);
        Assert.Equal("Pence", q.Speaker?.Name);
    }

    [Fact]
    public void QuotationSignedAfterADashIsThatPersons()
    {
        var a = TestData.FromText("Readers react\n\n“The debate told me nothing new about either of them.” ― Maria Lopez\n“I am more worried than before the debate started.” — Tom Becker\n");
        var quotes = a.Layers.Get<Quote>(QuoteStage.Layer)!;
        Assert.Equal([("direct", "Maria Lopez", "―"), ("direct", "Tom Becker", "—")], quotes.Select(q => (q.Kind, q.Speaker?.Name, q.Cue?.Text)));
    }
}
