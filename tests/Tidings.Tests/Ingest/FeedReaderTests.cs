namespace Tidings.Tests.Ingest;

public class FeedReaderTests
{
    [Fact]
    public void Rss2_ItemsWithOddDates()
    {
        var (articles, problems) = TestData.Read(TestData.Fixture("feed-rss2.xml"));
        Assert.Empty(problems);
        Assert.Equal(4, articles.Count);
        Assert.All(articles, a => Assert.Equal("Pakistan Point News", a.Outlet));
        Assert.Equal(new DateTimeOffset(2022, 12, 8, 10, 15, 0, TimeSpan.FromHours(5)), articles[0].Published); // PKT
        Assert.Equal(new DateTimeOffset(2022, 12, 7, 18, 30, 0, TimeSpan.FromHours(-5)), articles[1].Published); // EST, no seconds
        Assert.Equal(new DateTimeOffset(2022, 12, 6, 9, 0, 0, TimeSpan.Zero), articles[2].Published); // ISO 8601 in RSS
        Assert.Null(articles[3].Published); // "yesterday afternoon": the item is kept without a date
        Assert.Equal("APP", articles[0].Author);
        Assert.Equal("https://www.pakistanpoint.com/en/story/1590001/blinken-condolences.html", articles[1].Url);
        // content:encoded wins over the description, and its dateline is parsed like any other.
        Assert.Equal(9, articles[0].Body.Count);
        Assert.Equal("Washington", articles[0].Dateline?.Place);
        Assert.Equal(2, articles[1].Body.Count); // escaped HTML description becomes paragraphs
    }

    [Theory]
    [InlineData("Thu, 08 Dec 2022 10:15:00 GMT", "2022-12-08T10:15:00+00:00")]
    [InlineData("Thu, 8 Dec 2022 10:15:00 +0500", "2022-12-08T10:15:00+05:00")]
    [InlineData("8 Dec 2022 10:15 PKT", "2022-12-08T10:15:00+05:00")]
    [InlineData("Mon, 08 Dec 2022 10:15:00 GMT", "2022-12-08T10:15:00+00:00")]
    [InlineData("Thursday, December 8, 2022 10:15 AM", "2022-12-08T10:15:00+00:00")]
    [InlineData("2022-12-08T10:15:00.123+05:00", "2022-12-08T10:15:00.123+05:00")]
    [InlineData("2022-12-08 10:15:00", "2022-12-08T10:15:00+00:00")]
    [InlineData("Sept. 8, 2022", "2022-09-08T00:00:00+00:00")]
    [InlineData("Thu, 08 Dec 22 10:15:00 EST", "2022-12-08T10:15:00-05:00")]
    public void FeedDatesParse(string text, string expected)
    {
        Assert.True(Tidings.Ingest.FeedDates.TryParse(text, out var d), text);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), d);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, d.Offset);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData("32 Dec 2022")]
    public void UnreadableDatesFail(string text) => Assert.False(Tidings.Ingest.FeedDates.TryParse(text, out _));

    [Fact]
    public void Atom_Entries()
    {
        var (articles, problems) = TestData.Read(TestData.Fixture("feed-atom.xml"));
        Assert.Empty(problems);
        Assert.Equal(3, articles.Count);
        Assert.All(articles, a => Assert.Equal("Geo News - World", a.Outlet));
        Assert.Equal(new DateTimeOffset(2022, 12, 21, 10, 5, 0, 123, TimeSpan.FromHours(5)), articles[0].Published);
        Assert.Equal("Wajid Ali Syed", articles[0].Author);
        Assert.Equal("https://www.geo.tv/latest/460000-us-says-in-contact-with-pakistan", articles[0].Url);
        Assert.Equal(new DateTimeOffset(2022, 12, 2, 8, 0, 0, TimeSpan.Zero), articles[1].Published); // "2022-12-02 08:00:00"
        Assert.Equal(new DateTimeOffset(2022, 12, 19, 14, 0, 0, TimeSpan.FromHours(5)), articles[2].Published); // RFC 822 in Atom
        Assert.Contains("specially designated global terrorists", articles[1].BodyText);
    }

    [Fact]
    public void Rss1_Items()
    {
        var (articles, problems) = TestData.Read(TestData.Fixture("feed-rss1.xml"));
        Assert.Empty(problems);
        Assert.Equal(2, articles.Count);
        Assert.Equal("Example Wire", articles[0].Outlet);
        Assert.Equal(new DateTimeOffset(2022, 12, 8, 15, 20, 0, TimeSpan.Zero), articles[0].Published);
        Assert.Equal(new DateTimeOffset(2022, 12, 7, 0, 0, 0, TimeSpan.Zero), articles[1].Published);
        Assert.Equal("https://example-news.org/2022/12/08/kabul", articles[0].Url);
    }

    [Fact]
    public void BrokenItemIsSkippedAndTheOthersKept()
    {
        var (articles, problems) = TestData.Read(TestData.Fixture("feed-broken-item.xml"));
        var problem = Assert.Single(problems);
        Assert.EndsWith("feed-broken-item.xml#item 3", problem.Source);
        Assert.Contains("malformed XML item", problem.Reason);
        Assert.Equal(3, articles.Count);
        Assert.All(articles, a => Assert.Equal("Pakistan Point News", a.Outlet));
    }
}
