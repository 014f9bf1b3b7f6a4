using Tidings.Documents;

namespace Tidings.Tests.Cleaning;

/// <summary>The two articles the project was started from, read exactly.</summary>
public class SampleGoldenTests
{
    private static string FirstSentence(Article a) => FirstSentenceOf(a.Body[0].Slice(a.Text));

    private static string FirstSentenceOf(string paragraph)
    {
        int end = paragraph.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? paragraph : paragraph[..(end + 1)];
    }

    [Fact]
    public void Sample000_HeadlineOutletPlaceDate()
    {
        var a = TestData.ReadOne(TestData.Sample000);
        Assert.Equal("US Determined To Work With Pakistan To Combat Terror Threat In Region: State Dept.", a.HeadlineText);
        Assert.Equal("UrduPoint / Pakistan Point News", a.Outlet);
        Assert.NotNull(a.Dateline);
        Assert.Equal("Washington", a.Dateline!.Place);
        Assert.Equal("UrduPoint / Pakistan Point News", a.Dateline.Outlet);
        Assert.Equal(new DateOnly(2022, 12, 8), a.Dateline.Date);
        Assert.Equal(new DateTimeOffset(2022, 12, 8, 0, 0, 0, TimeSpan.Zero), a.Published);
        Assert.False(a.PublishedInferred);
        Assert.Equal("WASHINGTON, (UrduPoint / Pakistan Point News - 8th Dec, 2022 ) :", a.Dateline.Text);
        Assert.Equal(a.Dateline.Text, a.Text[a.Dateline.Start..a.Dateline.End]);
    }

    [Fact]
    public void Sample000_BodyFirstAndLastSentence_RepeatedHeadlineIsBoilerplate()
    {
        var a = TestData.ReadOne(TestData.Sample000);
        Assert.StartsWith("Amid increasing cross-border attacks against Pakistan, the United States plans to work with Islamabad", FirstSentence(a));
        Assert.EndsWith("a State Department spokesperson said Wednesday.", FirstSentence(a));
        Assert.EndsWith("It continues to strengthen military cooperation between our two countries,\" Price added.", a.Body[^1].Slice(a.Text));
        var repeated = Assert.Single(a.Boilerplate);
        Assert.Equal("repeated headline", repeated.Reason);
        Assert.Equal("US determined to work with Pakistan to combat terror threat in region: State Dept.", repeated.Span.Slice(a.Text));
        Assert.DoesNotContain("US determined to work", a.BodyText);
        Assert.Equal(9, a.Body.Count);
    }

    [Fact]
    public void Sample004_HeadlinePlaceNoDate()
    {
        var a = TestData.ReadOne(TestData.Sample004);
        Assert.Equal("US says in contact with Pakistan to ‘discuss ways’ to combat TTP", a.HeadlineText);
        Assert.Equal("Washington", a.Dateline?.Place);
        Assert.Null(a.Dateline?.Outlet);
        Assert.Null(a.Dateline?.Date);
        Assert.Null(a.Published);
        Assert.Null(a.Outlet);
    }

    [Fact]
    public void Sample004_BodyAndMustReadTail()
    {
        var a = TestData.ReadOne(TestData.Sample004);
        Assert.Equal("The United States said it eyed a “strong partnership” with Pakistan in the arena of counter-terrorism and that it was “continuing to discuss ways that we can be most effective” to eliminate every regional and global threat of militancy.",
            FirstSentence(a));
        Assert.Equal("Earlier this week, the State Department maintained that Pakistan remains a partner of the US when it comes to shared challenges, including the challenge of terrorist groups — those inside Afghanistan as well as along the Afghanistan border.",
            a.Body[^1].Slice(a.Text));
        Assert.Equal(3, a.Boilerplate.Count);
        Assert.Equal("Must Read", a.Boilerplate[0].Span.Slice(a.Text));
        Assert.StartsWith("teaser section", a.Boilerplate[0].Reason);
        Assert.StartsWith("TTP presence, cross-border attacks", a.Boilerplate[1].Span.Slice(a.Text));
        Assert.EndsWith("ISLAMABAD: Chief of Army...", a.Boilerplate[2].Span.Slice(a.Text));
        Assert.DoesNotContain("Must Read", a.BodyText);
        Assert.DoesNotContain("COAS", a.BodyText);
        // Nothing is lost: boilerplate is still in the original text.
        Assert.Contains("Must Read", a.Text);
    }

    [Fact]
    public void SpansAreOffsetsIntoTheOriginalFile()
    {
        foreach (var path in new[] { TestData.Sample000, TestData.Sample004 })
        {
            var a = TestData.ReadOne(path);
            Assert.Equal(File.ReadAllText(path), a.Text);
            foreach (var s in a.Body.Concat(a.Boilerplate.Select(b => b.Span)))
            {
                Assert.InRange(s.Start, 0, a.Text.Length);
                Assert.InRange(s.End, s.Start + 1, a.Text.Length);
                Assert.False(char.IsWhiteSpace(a.Text[s.Start]));
                Assert.False(char.IsWhiteSpace(a.Text[s.End - 1]));
            }
        }
    }

    [Fact]
    public void IdsAreStableAndDistinct()
    {
        var a = TestData.ReadOne(TestData.Sample000);
        var b = TestData.ReadOne(TestData.Sample000);
        var c = TestData.ReadOne(TestData.Sample004);
        Assert.Equal(a.Id, b.Id);
        Assert.Equal(16, a.Id.Length);
        Assert.NotEqual(a.Id, c.Id);
        Assert.NotEqual(a.ContentHash, c.ContentHash);
    }
}
