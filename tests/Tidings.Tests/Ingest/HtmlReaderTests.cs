using Tidings.Evaluation;

namespace Tidings.Tests.Ingest;

public class HtmlReaderTests
{
    [Fact]
    public void NewsPageWithJsonLd_Metadata()
    {
        var a = TestData.ReadOne(TestData.Fixture("news-page.html"));
        Assert.Equal("US says in contact with Pakistan to ‘discuss ways’ to combat TTP", a.HeadlineText);
        Assert.Equal("The News International", a.Outlet);
        Assert.Equal("Wajid Ali Syed", a.Author);
        Assert.Equal("en", a.Language);
        Assert.Equal(new DateTimeOffset(2022, 12, 21, 10, 5, 0, TimeSpan.FromHours(5)), a.Published);
        Assert.False(a.PublishedInferred);
        Assert.StartsWith("https://www.thenews.com.pk/print/1021212", a.Url);
    }

    [Fact]
    public void NewsPageWithJsonLd_BodyWithoutFurniture()
    {
        var a = TestData.ReadOne(TestData.Fixture("news-page.html"));
        var body = a.BodyText;
        Assert.StartsWith("The United States said it eyed a “strong partnership”", body);
        Assert.EndsWith("as well as along the Afghanistan border.", body);
        foreach (var furniture in new[] { "Home", "Breaking:", "figcaption", "press briefing", "Facebook", "Related Stories",
                     "Be the first to comment", "Copyright", "Privacy policy", "COAS visits troops", "dataLayer" })
            Assert.DoesNotContain(furniture, body);
        var score = HtmlExtractionEvaluator.Score("news-page", File.ReadAllText(TestData.Fixture("news-page.gold.txt")), body);
        Assert.Equal(1.0, score.Precision, 3);
        Assert.Equal(1.0, score.Recall, 3);
    }

    [Fact]
    public void LegacyWindows1252PageDecodes()
    {
        var a = TestData.ReadOne(TestData.Fixture("legacy-1252.html"));
        Assert.Equal("Pakistan’s interior minister says talks held “in a state of war”", a.HeadlineText);
        Assert.Contains("the café owners of Peshawar reported a fall in business – a sign", a.BodyText);
        Assert.Equal("Islamabad", a.Dateline?.Place);
        Assert.DoesNotContain('\uFFFD', a.Text);
    }

    [Fact]
    public void UndeclaredLegacyBytesFallBackToWindows1252()
    {
        using var dir = new TestData.TempDir();
        var bytes = System.Text.Encoding.Latin1.GetBytes("<html><head><title>Caf\u00e9 talks</title></head><body><article><p>The caf\u00e9 owners said talks in Peshawar would go on for weeks, as officials in the city looked on with growing concern about the future.</p></article></body></html>");
        File.WriteAllBytes(dir.File("page.html"), bytes);
        var a = TestData.ReadOne(dir.File("page.html"));
        Assert.Contains("café owners", a.BodyText);
    }
}
