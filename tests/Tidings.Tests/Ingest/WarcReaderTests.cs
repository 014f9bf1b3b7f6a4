namespace Tidings.Tests.Ingest;

public class WarcReaderTests
{
    [Fact]
    public void ResponseRecordsBecomeArticles()
    {
        var (articles, problems) = TestData.Read(TestData.Fixture("news.warc.gz"));
        Assert.Empty(problems); // warcinfo, request, redirect and image records are not articles and not problems
        Assert.Equal(3, articles.Count);

        Assert.Equal("https://news.example.com/us-pakistan", articles[0].Url);
        Assert.Equal(new DateTimeOffset(2022, 12, 8, 9, 0, 0, TimeSpan.Zero), articles[0].Published); // from the page
        Assert.False(articles[0].PublishedInferred);

        // chunked transfer coding and gzip content coding
        Assert.Equal("Militants take hostages in Bannu", articles[1].Title);
        Assert.StartsWith("On Monday, militants took hostages", articles[1].BodyText);
        Assert.Equal(new DateTimeOffset(2022, 12, 20, 6, 0, 0, TimeSpan.Zero), articles[1].Published); // WARC-Date
        Assert.True(articles[1].PublishedInferred);

        // charset only in the HTTP header
        Assert.Equal("Pakistan’s partner: the US", articles[2].Title);
        Assert.Contains("shared challenges – including", articles[2].BodyText);
        Assert.All(articles, a => Assert.EndsWith(".warc.gz#record " + a.Source.Split(' ')[^1], a.Source));
    }

    [Fact]
    public void UncompressedWarcReadsTheSame()
    {
        using var dir = new TestData.TempDir();
        using (var gz = new System.IO.Compression.GZipStream(File.OpenRead(TestData.Fixture("news.warc.gz")), System.IO.Compression.CompressionMode.Decompress))
        using (var output = File.Create(dir.File("news.warc")))
            gz.CopyTo(output);
        var (articles, problems) = TestData.Read(dir.File("news.warc"));
        Assert.Empty(problems);
        Assert.Equal(3, articles.Count);
    }
}
