namespace Tidings.Tests.Cleaning;

public class DatelineParserTests
{
    /// <summary>One line per case: the paragraph, then the expected dateline text, place, outlet and date.</summary>
    private static void AssertDateline(string paragraph, string text, string place, string? outlet, string? date, string bodyStart)
    {
        var a = TestData.FromText("Headline\n\n" + paragraph);
        Assert.NotNull(a.Dateline);
        Assert.Equal(text, a.Dateline!.Text);
        Assert.Equal(place, a.Dateline.Place);
        Assert.Equal(outlet, a.Dateline.Outlet);
        Assert.Equal(date, a.Dateline.Date?.ToString("yyyy-MM-dd"));
        Assert.StartsWith(bodyStart, a.Body[0].Slice(a.Text));
    }

    [Fact]
    public void UrduPointForm() => AssertDateline("WASHINGTON, (UrduPoint / Pakistan Point News - 8th Dec, 2022 ) :Amid increasing attacks, officials said.",
        "WASHINGTON, (UrduPoint / Pakistan Point News - 8th Dec, 2022 ) :", "Washington", "UrduPoint / Pakistan Point News", "2022-12-08", "Amid");

    [Fact]
    public void PlaceOnly() => AssertDateline("WASHINGTON: The United States said it would help.", "WASHINGTON:", "Washington", null, null, "The United");

    [Fact]
    public void ReutersWithDateWithoutYear_NoPublicationDate() => AssertDateline("ISLAMABAD, Dec 8 (Reuters) - Pakistan said on Thursday it would act.",
        "ISLAMABAD, Dec 8 (Reuters) -", "Islamabad", "Reuters", null, "Pakistan said");

    [Fact]
    public void ApWithEmDash() => AssertDateline("KABUL (AP) — The Taliban said on Monday they would not allow attacks.",
        "KABUL (AP) —", "Kabul", "AP", null, "The Taliban");

    [Fact]
    public void PrNewswire() => AssertDateline("LONDON, Dec. 8, 2022 /PRNewswire/ -- Acme Corp announced results today.",
        "LONDON, Dec. 8, 2022 /PRNewswire/ --", "London", "PRNewswire", "2022-12-08", "Acme Corp");

    [Fact]
    public void MultiWordPlaceWithRegion() => AssertDateline("NEW YORK, N.Y. (AP) — Police said the vehicle was set on fire.",
        "NEW YORK, N.Y. (AP) —", "New York", "AP", null, "Police said");

    [Fact]
    public void TitleCasePlaceWithDate() => AssertDateline("Islamabad, December 8: The Foreign Office said on Thursday talks were held.",
        "Islamabad, December 8:", "Islamabad", null, null, "The Foreign");

    [Fact]
    public void ReutersDateTakesYearFromPublication()
    {
        var a = new Tidings.Documents.Article("Headline\n\nISLAMABAD, Dec 30 (Reuters) - Pakistan said it would act.", "t", Tidings.Documents.ArticleFormat.PlainText)
        {
            HeadlineInText = true,
            Published = new DateTimeOffset(2023, 1, 2, 0, 0, 0, TimeSpan.Zero),
        };
        Tidings.Pipeline.ArticlePipeline.CreateDefault().Process(a);
        Assert.Equal(new DateOnly(2022, 12, 30), a.Dateline?.Date);
    }

    [Theory]
    [InlineData("The United States said it eyed a strong partnership.")]
    [InlineData("BREAKING: Markets rally as rupee gains.")]
    [InlineData("US-led coalition forces withdrew last year, officials said.")]
    [InlineData("Price added: the programme continues.")]
    [InlineData("Tehreek-i-Taliban Pakistan (TTP) claimed the attack.")]
    public void NotADateline(string paragraph)
    {
        var a = TestData.FromText("Headline\n\n" + paragraph);
        Assert.Null(a.Dateline);
        Assert.Equal(paragraph, a.Body[0].Slice(a.Text));
    }
}
