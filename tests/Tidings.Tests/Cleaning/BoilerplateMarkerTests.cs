namespace Tidings.Tests.Cleaning;

public class BoilerplateMarkerTests
{
    private static (string[] Body, string[] Boilerplate) Clean(params string[] paragraphs)
    {
        var a = TestData.FromText("Headline\n\n" + string.Join("\n\n", paragraphs));
        return (a.Body.Select(s => s.Slice(a.Text)).ToArray(), a.Boilerplate.Select(b => b.Span.Slice(a.Text)).ToArray());
    }

    [Theory]
    [InlineData("Must Read")]
    [InlineData("Also Read")]
    [InlineData("Related:")]
    [InlineData("Read more")]
    [InlineData("RELATED STORIES")]
    [InlineData("You may also like")]
    public void TeaserSectionRemovesTheTail(string marker)
    {
        var (body, boilerplate) = Clean("First paragraph of the story.", "Second paragraph.", marker, "Some other headline", "Another teaser");
        Assert.Equal(["First paragraph of the story.", "Second paragraph."], body);
        Assert.Equal([marker, "Some other headline", "Another teaser"], boilerplate);
    }

    [Theory]
    [InlineData("Also Read: COAS visits troops in Bannu")]
    [InlineData("READ MORE: Blinken calls Bilawal")]
    [InlineData("Share this article")]
    [InlineData("Follow us on Twitter and Facebook")]
    [InlineData("Subscribe to our newsletter")]
    [InlineData("Click here to subscribe to our WhatsApp channel")]
    public void SingleLinesAreRemovedAndTheRestKept(string line)
    {
        var (body, boilerplate) = Clean("First paragraph.", line, "Last paragraph.");
        Assert.Equal(["First paragraph.", "Last paragraph."], body);
        Assert.Equal([line], boilerplate);
    }

    [Theory]
    [InlineData("Read more about the programme in the department's annual report, the spokesperson said.")]
    [InlineData("Related talks are expected next week in Doha, officials said.")]
    [InlineData("Subscribers to the service will see prices rise from January, the company said in a long statement that also covered its results for the year.")]
    public void StoryTextThatStartsLikeATeaserStays(string line)
    {
        var (body, boilerplate) = Clean("First paragraph.", line, "Last paragraph.");
        Assert.Equal(3, body.Length);
        Assert.Empty(boilerplate);
    }

    [Fact]
    public void MarkerAsFirstParagraphIsNotATail()
    {
        var (body, _) = Clean("Related", "The story itself starts here.");
        Assert.Contains("The story itself starts here.", body);
    }
}

public class BoilerplateFurnitureLineTests
{
    private static string[] Removed(params string[] paragraphs)
    {
        var a = TestData.FromText("Headline\n\n" + string.Join("\n\n", paragraphs));
        return a.Boilerplate.Select(b => $"{b.Reason}: {b.Span.Slice(a.Text)}").ToArray();
    }

    [Theory]
    [InlineData("Nov. 20, 2019 5:52 AM EST")]
    [InlineData("Updated: Dec 8, 2022 10:15 PKT")]
    [InlineData("Published on 2022-12-08")]
    public void TimestampLines(string line) =>
        Assert.Equal([$"timestamp line: {line}"], Removed("The story begins here, officials said on Monday.", line, "It ends here."));

    [Theory]
    [InlineData("Associated Press writers Alan Fram and Zeke Miller contributed to this report.")]
    [InlineData("Contributing: Liz Szabo, Michael Winter, Associated Press.")]
    [InlineData("Reporting by Asif Shahzad; Editing by Kim Coghill")]
    public void CreditLines(string line) =>
        Assert.Equal([$"credit line: {line}"], Removed("The story begins here, officials said on Monday.", line));

    [Theory]
    [InlineData("IN TEXAS: Family of Ebola patient quarantined")]
    [InlineData("ALSO READ: Blinken calls Bilawal")]
    public void LabelledTeasers(string line) =>
        Assert.Equal([$"inline teaser: {line}"], Removed("The story begins here, officials said on Monday.", line, "It ends here."));

    [Theory]
    [InlineData("Read-only access is granted to auditors, the ministry said.")]
    [InlineData("ISLAMABAD: The minister said talks would go on.")]
    [InlineData("He said the attack happened on December 1, 2022.")]
    [InlineData("The programme began in 2010.")]
    public void StoryLinesStay(string line) => Assert.Empty(Removed("The story begins here, officials said on Monday.", line));
}
