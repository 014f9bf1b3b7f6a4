namespace Tidings.Tests.Ingest;

public class JsonArticleReaderTests
{
    [Fact]
    public void JsonLines_TextHtmlAndNewsPleaseFields()
    {
        var (articles, problems) = TestData.Read(TestData.Fixture("articles.jsonl"));
        Assert.Equal(3, articles.Count);
        var text = articles[0];
        Assert.Equal("pp-1590000", text.Id);
        Assert.Equal("Pakistan Point News", text.Outlet);
        Assert.Equal("APP", text.Author);
        Assert.Equal(new DateTimeOffset(2022, 12, 8, 10, 15, 0, TimeSpan.FromHours(5)), text.Published);
        Assert.StartsWith("WASHINGTON, (UrduPoint", text.Text); // the given text, unchanged
        Assert.Null(text.Headline);
        Assert.Equal("Washington", text.Dateline?.Place);

        var html = articles[1];
        Assert.Equal("Geo News", html.Outlet);
        Assert.StartsWith("The United States said it eyed", html.BodyText);
        Assert.Equal(2, html.Body.Count);

        var np = articles[2];
        Assert.Equal("www.dawn.com", np.Outlet);
        Assert.Equal("Dawn Report", np.Author);
        Assert.Equal(new DateTimeOffset(2022, 12, 19, 14, 0, 0, TimeSpan.Zero), np.Published);
        Assert.Equal(2, np.Body.Count);

        Assert.Equal(2, problems.Count);
        Assert.EndsWith("articles.jsonl:3", problems[0].Source);
        Assert.StartsWith("malformed JSON", problems[0].Reason);
        Assert.EndsWith("articles.jsonl:4", problems[1].Source);
        Assert.Contains("no \"text\" or \"html\"", problems[1].Reason);
    }

    [Fact]
    public void NewsPleaseSingleObjectFile()
    {
        var a = TestData.ReadOne(TestData.Fixture("news-please.json"));
        Assert.Equal("US to work with Pakistan against terror threat: State Dept", a.Title);
        Assert.Equal("Naveed Siddiqui", a.Author);
        Assert.Equal("https://www.dawn.com/news/1725111", a.Url);
        Assert.Equal(new DateTimeOffset(2022, 12, 8, 21, 34, 12, TimeSpan.Zero), a.Published);
        Assert.Equal("en", a.Language);
    }

    [Fact]
    public void JsonArrayOfArticles()
    {
        using var dir = new TestData.TempDir();
        File.WriteAllText(dir.File("a.json"), "[\n {\"title\": \"One\", \"text\": \"First story text.\"},\n {\"title\": \"Two\", \"text\": \"Second story text.\"}\n]");
        var (articles, problems) = TestData.Read(dir.File("a.json"));
        Assert.Empty(problems);
        Assert.Equal(["First story text.", "Second story text."], articles.Select(a => a.BodyText));
    }
}
