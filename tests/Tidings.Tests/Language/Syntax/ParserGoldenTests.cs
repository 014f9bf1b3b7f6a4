using Tidings.Language;
using Tidings.Language.Syntax;
using Tidings.Tests.Language;

namespace Tidings.Tests.Language.Syntax;

/// <summary>Golden parses of sentences of the sample articles, with the committed parser model.</summary>
public class ParserGoldenTests
{
    /// <summary>The tree of the sentence of sample prefix that starts with start, analysed as the pipeline does (by paragraph).</summary>
    private static DependencyTree SentenceOf(string prefix, string start)
    {
        var text = SampleGoldenTests.Sample(prefix);
        var analyzed = LanguageAnalyzer.Default.Analyze(text, SampleGoldenTests.Paragraphs(text));
        var sentence = analyzed.Sentences.Single(s => text.AsSpan(s.Start).StartsWith(start, StringComparison.Ordinal));
        return new DependencyTree(text, analyzed.Tokens, sentence);
    }

    private static int Find(DependencyTree tree, string word) => Enumerable.Range(0, tree.Count).Single(i => tree.TextOf(i) == word);

    private static string[] Texts(DependencyTree tree, IEnumerable<int> indices) => indices.Select(tree.TextOf).ToArray();

    [Fact]
    public void SpokespersonNedPriceSaid()
    {
        var tree = SentenceOf("000", "\"It is, of course, our broader goal");
        int said = Find(tree, "said");
        var subject = Assert.Single(tree.Subjects(said));
        Assert.Equal("price", tree.TextOf(subject));
        Assert.Contains("Spokesperson", Texts(tree, tree.Titles(subject)));
    }

    [Fact]
    public void HeSaidIsAParentheticalAndTheTalibanTheSubjectOfWas()
    {
        var tree = SentenceOf("000", "The Taliban, he said,");
        int said = Find(tree, "said");
        Assert.True(tree.IsParenthetical(said), $"said: {tree.Relation(said)}");
        Assert.Equal(new[] { "he" }, Texts(tree, tree.Subjects(said)));
        Assert.Equal(new[] { "Taliban" }, Texts(tree, tree.Subjects(Find(tree, "was"))));
    }

    [Fact]
    public void MilitantsTookHostagesAfterSeizingACentre()
    {
        var tree = SentenceOf("004", "On Monday, militants took hostages");
        int took = Find(tree, "took");
        Assert.Equal(new[] { "militants" }, Texts(tree, tree.Subjects(took)));
        Assert.Equal(new[] { "hostages" }, Texts(tree, tree.Objects(took)));
        Assert.Contains("centre", Texts(tree, tree.Objects(Find(tree, "seizing"))));
    }

    [Fact]
    public void TheStateDepartmentLabeledTheTtp()
    {
        var tree = SentenceOf("004", "Subsequently, on December 1, the State Department labeled");
        int labeled = Find(tree, "labeled");
        Assert.Equal(new[] { "Department" }, Texts(tree, tree.Subjects(labeled)));
        Assert.Equal(new[] { "TTP" }, Texts(tree, tree.Objects(labeled)));
    }

    [Fact]
    public void AnalyzeGivesEveryTokenAHeadInItsSentence()
    {
        var text = SampleGoldenTests.Sample("004");
        var analyzed = LanguageAnalyzer.Default.Analyze(text, SampleGoldenTests.Paragraphs(text));
        foreach (var s in analyzed.Sentences)
        {
            var heads = analyzed.Tokens.Skip(s.FirstToken).Take(s.TokenCount).Select(t => t.Head).ToList();
            Assert.All(heads, h => Assert.InRange(h, 0, s.TokenCount));
            Assert.Equal(1, heads.Count(h => h == 0));
        }
    }
}
