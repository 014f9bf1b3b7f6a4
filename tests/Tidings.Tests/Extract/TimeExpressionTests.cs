using Tidings.Extract.Times;

namespace Tidings.Tests.Extract;

public class TimeExpressionTests
{
    private static readonly DateOnly Anchor = new(2022, 12, 21); // a Wednesday

    /// <summary>One line per case: text, the expression expected in it, its type, value and mod.</summary>
    private static void AssertTimex(string text, string expression, string type, string value, string? mod = null, DateOnly? anchor = null)
    {
        var found = TimeExpressionRecognizer.Default.Recognize(text, anchor ?? Anchor);
        var t = Assert.Single(found, f => f.Text == expression);
        Assert.Equal(text.IndexOf(expression, StringComparison.Ordinal), t.Start);
        Assert.Equal((type, value, mod), (t.Type, t.Value, t.Mod));
    }

    [Theory]
    [InlineData("The talks were held on December 1, officials said.", "December 1", "DATE", "2022-12-01")]
    [InlineData("WASHINGTON, (UrduPoint / Pakistan Point News - 8th Dec, 2022 ) :", "8th Dec, 2022", "DATE", "2022-12-08")]
    [InlineData("The report was filed on 2022-12-08.", "2022-12-08", "DATE", "2022-12-08")]
    [InlineData("The strike happened in September.", "September", "DATE", "2022-09")]
    [InlineData("The attack was in 2010.", "2010", "DATE", "2010")]
    [InlineData("Since mid-November, the group has launched attacks.", "mid-November", "DATE", "2022-11", "MID")]
    [InlineData("The troops left last year.", "last year", "DATE", "2021")]
    [InlineData("It will open next month.", "next month", "DATE", "2023-01")]
    [InlineData("On Monday, militants took hostages.", "Monday", "DATE", "2022-12-19")]
    [InlineData("The ministers will meet on Friday.", "Friday", "DATE", "2022-12-23")]
    [InlineData("A spokesperson said Wednesday that talks continue.", "Wednesday", "DATE", "2022-12-21")]
    [InlineData("The minister spoke yesterday.", "yesterday", "DATE", "2022-12-20")]
    [InlineData("They talked this week.", "this week", "DATE", "2022-W51")]
    [InlineData("The FBI has tracked the group for at least a decade and a half.", "at least a decade and a half", "DURATION", "P15Y", "EQUAL_OR_MORE")]
    [InlineData("The siege lasted two weeks.", "two weeks", "DURATION", "P2W")]
    [InlineData("The review is held every year.", "every year", "SET", "P1Y")]
    [InlineData("Prices rose sharply in recent months.", "recent months", "DATE", "PAST_REF")]
    [InlineData("The plan was agreed in early 2021.", "early 2021", "DATE", "2021", "START")]
    [InlineData("The blast came at 10:15 a.m. local time.", "10:15 a.m.", "TIME", "2022-12-21T10:15")]
    [InlineData("A 35-year-old man was arrested.", "35-year-old", "DURATION", "P35Y")]
    [InlineData("Two days ago the border was closed.", "Two days ago", "DATE", "2022-12-19")]
    public void Normalizes(string text, string expression, string type, string value, string? mod = null) =>
        AssertTimex(text, expression, type, value, mod);

    [Theory]
    [InlineData("The talks were held on December 1, officials said.", "December 1", "XXXX-12-01")]
    [InlineData("Since mid-November, the group has launched attacks.", "mid-November", "XXXX-11")]
    [InlineData("On Monday, militants took hostages.", "Monday", "XXXX-WXX-1")]
    public void WithoutAnAnchorValuesStayUnderspecified(string text, string expression, string value)
    {
        var t = Assert.Single(TimeExpressionRecognizer.Default.Recognize(text, null), f => f.Text == expression);
        Assert.Equal(value, t.Value);
    }

    [Theory]
    [InlineData("The bill costs $2010 and 1998 people signed it in 20 minutes.")]
    [InlineData("May I ask a question? He may go.")]
    [InlineData("Previously unknown groups claimed it.")]
    public void NotTimeExpressions(string text)
    {
        var found = TimeExpressionRecognizer.TimeMl.Recognize(text, Anchor);
        Assert.DoesNotContain(found, f => f.Text is "2010" or "May" or "may" or "Previously" or "1998");
    }

    [Fact]
    public void Sample000()
    {
        var a = TestData.ReadOne(TestData.Sample000);
        var times = a.Layers.Get<TimeExpression>(TimeStage.Layer)!;
        string Value(string text) => Assert.Single(times, t => t.Text == text).Value;
        Assert.Equal("2022-12-08", Value("8th Dec, 2022"));
        Assert.Equal("2022-12-07", Value("Wednesday"));
        Assert.Equal("2021", Value("last year"));
        Assert.Equal("PAST_REF", Value("recent months"));
        foreach (var t in times) Assert.Equal(t.Text, a.Text[t.Start..t.End]);
    }

    [Fact]
    public void Sample004_WithoutAndWithAnAnchor()
    {
        var a = TestData.ReadOne(TestData.Sample004);
        var times = a.Layers.Get<TimeExpression>(TimeStage.Layer)!;
        TimeExpression Find(string text) => Assert.Single(times, t => t.Text == text);
        Assert.Equal(("XXXX-11", "MID"), (Find("mid-November").Value, Find("mid-November").Mod));
        Assert.Equal("XXXX-WXX-1", Find("Monday").Value);
        Assert.Equal("XXXX-09", Find("September").Value);
        Assert.Equal("XXXX-12-01", Find("December 1").Value);
        Assert.Equal("2010", Find("2010").Value);
        Assert.Equal("P15Y", Find("at least a decade and a half").Value);
        Assert.Contains(times, t => t.Text == "this week");

        // Once an anchor is known the same article resolves.
        a.Published = new DateTimeOffset(2022, 12, 21, 0, 0, 0, TimeSpan.Zero);
        new TimeStage().Process(a);
        times = a.Layers.Get<TimeExpression>(TimeStage.Layer)!;
        Assert.Equal("2022-11", Find("mid-November").Value);
        Assert.Equal("2022-12-19", Find("Monday").Value);
        Assert.Equal("2022-09", Find("September").Value);
        Assert.Equal("2022-12-01", Find("December 1").Value);
    }
}
