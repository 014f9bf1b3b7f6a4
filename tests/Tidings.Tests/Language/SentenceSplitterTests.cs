using Tidings.Language;

namespace Tidings.Tests.Language;

public class SentenceSplitterTests
{
    internal static string[] Sentences(string text, IReadOnlyList<(int, int)>? regions = null)
    {
        var seg = Segmenter.Segment(text, regions);
        return seg.Sentences
            .Select(s => text[seg.Tokens[s.First].Start..seg.Tokens[s.First + s.Count - 1].End])
            .ToArray();
    }

    [Fact]
    public void AbbreviationsInitialsAndDecimalsDoNotEndSentences()
    {
        var s = Sentences("Mr. Smith paid $3.5 million to J. R. Ewing at 5 p.m. on Dec. 8. He left.");
        Assert.Equal(new[] { "Mr. Smith paid $3.5 million to J. R. Ewing at 5 p.m. on Dec. 8.", "He left." }, s);
    }

    [Fact]
    public void AbbreviationFollowedByASentenceOpenerEndsTheSentence()
    {
        var s = Sentences("The talks were held in the U.S. The delegation then flew home.");
        Assert.Equal(2, s.Length);
    }

    [Fact]
    public void QuotationThatEndsASentenceStaysWithIt()
    {
        var s = Sentences("He said: \"We will protect our interests.\" \"We are determined,\" Price added.");
        Assert.Equal(new[] { "He said: \"We will protect our interests.\"", "\"We are determined,\" Price added." }, s);
    }

    [Fact]
    public void CurlyQuotesAndQuestionMarks()
    {
        var s = Sentences("“Is it over?” she asked. “No!” He laughed.");
        Assert.Equal(new[] { "“Is it over?” she asked.", "“No!”", "He laughed." }, s);
    }

    [Fact]
    public void HeadlinesDatelinesAndListItemsEndAtLineBreaks()
    {
        var s = Sentences("US says in contact with Pakistan\n\nWASHINGTON: The US said so.\n- first item\n- second item");
        Assert.Equal(new[] { "US says in contact with Pakistan", "WASHINGTON: The US said so.", "- first item", "- second item" }, s);
    }

    [Fact]
    public void SentencesNeverCrossRegionsAndTextOutsideIsIgnored()
    {
        const string text = "Headline without stop Body one is here and continues. Body two.";
        int bodyStart = text.IndexOf("Body one", StringComparison.Ordinal);
        var regions = new List<(int, int)> { (0, bodyStart - 1), (bodyStart, text.Length) };
        Assert.Equal(new[] { "Headline without stop", "Body one is here and continues.", "Body two." }, Sentences(text, regions));
        Assert.Equal(new[] { "Body one is here and continues.", "Body two." }, Sentences(text, new List<(int, int)> { (bodyStart, text.Length) }));
    }

    [Fact]
    public void StrayClosingQuoteAtParagraphStartJoinsTheNextSentence()
    {
        const string text = "We will take action.\n\n\" \"We are determined to work,\" Price added.";
        var s = Sentences(text);
        Assert.Equal(new[] { "We will take action.", "\" \"We are determined to work,\" Price added." }, s);
    }
}
