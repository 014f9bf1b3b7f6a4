using Tidings.Documents;
using Tidings.Stories;

namespace Tidings.Tests.Stories;

public class NearDuplicateTests
{
    private static readonly string Body = string.Join("\n\n", Enumerable.Range(0, 6).Select(p =>
        string.Join(' ', Enumerable.Range(0, 40).Select(i => $"word{(p * 40 + i) * 7919 % 10007}"))));

    private static string[] Pool => Enumerable.Range(0, 500).Select(i => $"other{i}").ToArray();

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    [InlineData(0.03)]
    public void PlantedCopyWithHeaderAndEditsIsFound(double rate)
    {
        var index = new NearDuplicateIndex(TimeSpan.FromDays(7));
        Assert.Null(index.Add("original", "h1", DedupEvaluation.Signature(Body), null).CopyOf);
        for (int seed = 0; seed < 20; seed++)
        {
            var copy = DedupEvaluation.Edit(Body, "a completely different article about other matters " + string.Join(' ', Pool.Take(30)), rate, false, Pool, new Random(seed));
            var (copyOf, sim) = index.Add($"copy{seed}", $"c{seed}", DedupEvaluation.Signature(copy), null);
            Assert.True(copyOf == "original", $"rate {rate} seed {seed}: not found (similarity {sim:0.00})");
        }
    }

    [Fact]
    public void ExactDuplicateAndUnrelatedText()
    {
        var index = new NearDuplicateIndex(TimeSpan.FromDays(7));
        index.Add("a", "same", DedupEvaluation.Signature(Body), null);
        Assert.Equal("a", index.Add("b", "same", DedupEvaluation.Signature(Body), null).CopyOf);
        var unrelated = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"zz{i * 31 % 977}"));
        Assert.Null(index.Add("c", "other", DedupEvaluation.Signature(unrelated), null).CopyOf);
    }

    [Fact]
    public void CopiesPointAtTheEarliestVersion()
    {
        var index = new NearDuplicateIndex(TimeSpan.FromDays(7));
        index.Add("first", "1", DedupEvaluation.Signature(Body), null);
        var second = DedupEvaluation.Edit(Body, "", 0.01, false, Pool, new Random(1));
        Assert.Equal("first", index.Add("second", "2", DedupEvaluation.Signature(second), null).CopyOf);
        var third = DedupEvaluation.Edit(second, "", 0.01, false, Pool, new Random(2));
        Assert.Equal("first", index.Add("third", "3", DedupEvaluation.Signature(third), null).CopyOf);
    }
}

public class StoryClusteringTests
{
    private static Article Make(string id, string headline, string body, string date, string outlet)
    {
        var text = headline + "\n\n" + body;
        var a = new Article(text, id, ArticleFormat.PlainText)
        {
            Id = id, ContentHash = id, Outlet = outlet, HeadlineInText = true,
            Published = DateTimeOffset.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            Headline = new TextSpan(0, headline.Length),
        };
        int at = headline.Length + 2;
        foreach (var p in body.Split("\n\n")) { a.Body.Add(new TextSpan(at, at + p.Length)); at += p.Length + 2; }
        return a;
    }

    [Fact]
    public void TheTwoSamplesFormOneStoryAndTheUndatedOneIsDatedFromIt()
    {
        var a = TestData.ReadOne(TestData.Sample000);
        var b = TestData.ReadOne(TestData.Sample004);
        Assert.Null(b.Published);
        var links = StoryDating.ClusterAndAnchor([a, b]);
        Assert.Equal(links[0].StoryId, links[1].StoryId);
        Assert.Null(links[0].CopyOf);
        Assert.Null(links[1].CopyOf);
        Assert.True(b.PublishedInferred);
        Assert.Equal(a.Published, b.Published);
    }

    [Fact]
    public void SameTopicDifferentEventsDoNotMerge()
    {
        // Two Supreme Court rulings in one week: same court, same kind of news, different cases.
        var articles = new List<Article>
        {
            Make("r1a", "Supreme Court strikes down Texas abortion ban in 6-3 ruling",
                "The Supreme Court on Monday struck down a Texas law banning abortions after six weeks, ruling 6-3 that the law's private enforcement scheme violated the constitution.\n\nJustice Elena Kagan wrote for the majority that Texas clinics could sue state officials, including the attorney general Ken Paxton, to stop enforcement.",
                "2021-06-21T14:00:00Z", "Outlet A"),
            Make("r1b", "Justices rule against Texas six-week abortion law",
                "In a 6-3 decision, the justices ruled Monday that abortion providers in Texas may challenge the six-week ban, with Kagan writing that private lawsuits cannot shield the state from review.\n\nTexas Attorney General Ken Paxton said the state would keep defending the abortion law.",
                "2021-06-21T16:00:00Z", "Outlet B"),
            Make("r2a", "Supreme Court sides with cheerleader over Snapchat post",
                "The Supreme Court ruled Wednesday that a Pennsylvania school district violated the free speech rights of a cheerleader, Brandi Levy, who was punished for a profane Snapchat post made off campus.\n\nJustice Stephen Breyer wrote the 8-1 opinion in Mahanoy Area School District v. B.L.",
                "2021-06-23T14:00:00Z", "Outlet A"),
            Make("r2b", "Justices back student punished for profane Snapchat",
                "Brandi Levy, a former cheerleader in Mahanoy, Pennsylvania, won her case at the Supreme Court on Wednesday when the justices ruled 8-1 that her school went too far in punishing her Snapchat message.\n\nBreyer wrote that schools keep some power to regulate speech off campus.",
                "2021-06-23T15:00:00Z", "Outlet B"),
        };
        var links = StoryRunner.Cluster(articles);
        Assert.Equal(links[0].StoryId, links[1].StoryId);
        Assert.Equal(links[2].StoryId, links[3].StoryId);
        Assert.NotEqual(links[0].StoryId, links[2].StoryId);
    }

    [Fact]
    public void ReRunningGivesTheSameStories()
    {
        var articles = new[] { TestData.Sample000, TestData.Sample004 }.Select(TestData.ReadOne).ToList();
        var first = StoryRunner.Cluster(articles);
        var second = StoryRunner.Cluster(articles.AsEnumerable().Reverse().ToList()).Reverse().ToList();
        Assert.Equal(first.Select(l => l.StoryId), second.Select(l => l.StoryId));
        Assert.Equal(first, StoryRunner.Cluster(articles));
    }

    [Fact]
    public void ShippedModelLoadsAndScores()
    {
        var m = StoryModel.Default;
        Assert.Equal(StoryModel.FeatureNames.Length, m.Weights.Length);
        Assert.InRange(m.Threshold, 0.05, 0.95);
        Assert.NotNull(m.TrainedOn);
    }

    [Fact]
    public void BCubedAndPairwiseScores()
    {
        var s = StoryEvaluation.Score(["a", "a", "b", "b"], ["x", "x", "x", "y"]);
        Assert.Equal((1 + 1 + 0.5 + 0.5) / 4, s.BCubedRecall, 6);
        Assert.Equal((2.0 / 3 + 2.0 / 3 + 1.0 / 3 + 1) / 4, s.BCubedPrecision, 6);
        Assert.Equal(1.0 / 3, s.PairPrecision, 6);
        Assert.Equal(0.5, s.PairRecall, 6);
    }
}

public class CoverageTests
{
    private static (StoryRecord Record, StoryComparison Comparison, Article A, Article B) Samples()
    {
        var a = TestData.ReadOne(TestData.Sample000);
        var b = TestData.ReadOne(TestData.Sample004);
        var links = StoryRunner.Cluster([a, b]);
        return (StoryRecordBuilder.Build(links[0].StoryId, [a, b], links), CoverageComparer.Compare([a, b]), a, b);
    }

    [Fact]
    public void EachOutletsAdditionsAreItsOwn()
    {
        var (_, c, a, b) = Samples();
        var ca = c.Articles.Single(x => x.ArticleId == a.Id);
        var cb = c.Articles.Single(x => x.ArticleId == b.Id);
        string Own(ArticleCoverage x) => string.Join("\n", x.Unique.Select(f => f.Text).Concat(x.Additions.Select(f => f.Text)));
        foreach (var fact in new[] { "al-Zawahiri", "International Military Education and Training programme" })
            Assert.Contains(fact, Own(ca));
        foreach (var fact in new[] { "Since mid-November", "Bannu", "December 1", "Faisal Shazad", "Times Square", "Bilawal Bhutto-Zardari", "Blinken" })
        {
            Assert.Contains(fact, Own(cb));
            Assert.DoesNotContain(fact, Own(ca));
        }
        Assert.Contains(cb.Unique, f => f.Kind == "date" && f.Text == "December 1");
        Assert.Contains(cb.Unique, f => f.Kind == "name" && f.Text == "Bannu");
        // Provenance: every fact is the text at its span.
        foreach (var f in ca.Shared.Concat(ca.Unique).Concat(ca.Additions)) Assert.Equal(f.Text, a.Text[f.Start..f.End]);
        foreach (var f in cb.Shared.Concat(cb.Unique).Concat(cb.Additions)) Assert.Equal(f.Text, b.Text[f.Start..f.End]);
    }

    [Fact]
    public void SpellingDisagreementIsFound()
    {
        var (_, c, a, b) = Samples();
        var d = Assert.Single(c.Disagreements, x => x.Kind == "spelling");
        Assert.Contains(d.Values, v => v.ArticleId == a.Id && v.Text.Contains("Tehrik-i-Taliban"));
        Assert.Contains(d.Values, v => v.ArticleId == b.Id && v.Text.Contains("Tehreek-i-Taliban"));
        Assert.DoesNotContain(c.Disagreements, x => x.Kind == "spelling" && x.Values.Any(v => v.Text.Contains("Pakistan") && !v.Text.Contains("Taliban")));
    }

    [Fact]
    public void RecordHasHeadlineDatesOutletsAndSummaryWithProvenance()
    {
        var (r, _, a, b) = Samples();
        Assert.Equal(2, r.ArticleCount);
        Assert.Contains(r.Headline, new[] { a.HeadlineText, b.HeadlineText });
        Assert.Equal(a.Published, r.FirstReport);
        Assert.Contains("Pakistan", r.Entities.Select(e => e.Name));
        Assert.InRange(r.Summary.Count, 1, StoryRecordBuilder.SummarySentences);
        foreach (var s in r.Summary)
        {
            var text = (s.ArticleId == a.Id ? a : b).Text;
            Assert.Equal(s.Text, text[s.Start..s.End]);
        }
    }

    [Fact]
    public void SpellingVariantsAreNotInflections()
    {
        Assert.True(CoverageComparer.IsSpellingVariant("tehrik-i-taliban", "tehreek-i-taliban"));
        Assert.False(CoverageComparer.IsSpellingVariant("pakistan", "pakistani"));
        Assert.False(CoverageComparer.IsSpellingVariant("price", "prince"));
    }
}

public class TermStatisticsTests
{
    [Fact]
    public void TheStreamVocabularyIsCapped()
    {
        var stats = TermStatistics.CreateDefault(maxSeenTerms: 1000);
        for (ulong d = 0; d < 500; d++) stats.Add([1UL, 2UL, 1000 + d * 3, 1001 + d * 3, 1002 + d * 3]);
        Assert.InRange(stats.SeenTerms, 2, 1000);
        Assert.True(stats.Idf(1UL) < stats.Idf(5000UL), "a frequent term keeps a lower weight than an unseen one after halving");
    }
}
