using Tidings.Evaluation;

namespace Tidings.Tests.Evaluation;

public class HtmlExtractionEvaluatorTests
{
    [Fact]
    public void ScoreCountsWordFourGramsWithMultiplicity()
    {
        var perfect = HtmlExtractionEvaluator.Score("p", "One two three four five.", "one, two three four FIVE");
        Assert.Equal(1.0, perfect.Precision);
        Assert.Equal(1.0, perfect.Recall);
        var extra = HtmlExtractionEvaluator.Score("p", "a b c d e", "a b c d e f g");
        Assert.Equal(2.0 / 4, extra.Precision); // shingles abcd, bcde of abcd, bcde, cdef, defg
        Assert.Equal(1.0, extra.Recall);
        var nothing = HtmlExtractionEvaluator.Score("p", "a b c d e", "");
        Assert.Equal(0.0, nothing.Recall);
        Assert.Equal(0.0, nothing.F1);
    }

    /// <summary>The dev set of real news pages (Fixtures/html-dev, see SOURCES.md) must stay at the target.</summary>
    [Fact]
    public void DevSetMeetsTheTarget()
    {
        var report = HtmlExtractionEvaluator.Evaluate(TestData.Fixture("html-dev"));
        Assert.True(report.Pages.Count >= 25);
        Assert.True(report.F1 >= 0.95, $"F1 {report.F1:0.000} below 0.95");
        Assert.All(report.Pages, p => Assert.True(p.F1 >= 0.8, $"{p.Name}: F1 {p.F1:0.000}"));
    }
}
