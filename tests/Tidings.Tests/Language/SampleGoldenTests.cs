using Tidings.Language;

namespace Tidings.Tests.Language;

/// <summary>Golden tests on the two sample articles (sentence boundaries and entities with exact offsets).</summary>
public class SampleGoldenTests
{
    internal static string Sample(string prefix)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Samples");
        return File.ReadAllText(Directory.GetFiles(dir, prefix + "_*.txt").Single());
    }

    /// <summary>Paragraph spans (blank-line separated), as the article reader hands them over.</summary>
    internal static List<(int, int)> Paragraphs(string text)
    {
        var regions = new List<(int, int)>();
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            if (end < 0) end = text.Length;
            if (text[start..end].Trim().Length > 0) regions.Add((start, end));
            start = end + 2;
        }
        return regions;
    }

    private static readonly string[] Sample000SentenceStarts =
    [
        "US Determined To Work", "US determined to work", "WASHINGTON, (UrduPoint", "\"It is, of course,", "The Taliban, he said,",
        "However, the US have", "\"We demonstrated those", "\" \"We are determined", "Pakistan, the spokesperson emphasized",
        "\"We value that bilateral", "We welcome opportunities", "That, of course, does include", "He pointed out that",
        "\"The programme continues", "It continues to strengthen",
    ];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Sample000SentenceBoundaries(bool byParagraph)
    {
        string text = Sample("000");
        var sentences = SentenceSplitterTests.Sentences(text, byParagraph ? Paragraphs(text) : null);
        Assert.Equal(Sample000SentenceStarts.Length, sentences.Length);
        for (int i = 0; i < sentences.Length; i++)
            Assert.StartsWith(Sample000SentenceStarts[i], sentences[i], StringComparison.Ordinal);
        // The split quotation: the previous paragraph ends at "interests." and the stray closing quote
        // opens the next sentence together with the real opening quote.
        Assert.EndsWith("protects our interests.", sentences[6], StringComparison.Ordinal);
        Assert.EndsWith("Price added.", sentences[7], StringComparison.Ordinal);
        Assert.EndsWith("it comes to counterterrorism.\"", sentences[11], StringComparison.Ordinal);
    }

    [Fact]
    public void Sample004SentenceBoundaries()
    {
        string text = Sample("004");
        var sentences = SentenceSplitterTests.Sentences(text, Paragraphs(text));
        Assert.Equal("US says in contact with Pakistan to ‘discuss ways’ to combat TTP", sentences[0]);
        Assert.StartsWith("WASHINGTON: The United States said", sentences[1], StringComparison.Ordinal);
        Assert.EndsWith("groups without distinction.”", sentences[2], StringComparison.Ordinal);
        Assert.Contains("Must Read", sentences);
        Assert.Contains(sentences, s => s.StartsWith("The Federal Bureau of Investigation (FBI)", StringComparison.Ordinal) && s.EndsWith("Times Square in 2010.", StringComparison.Ordinal));
        Assert.Equal(20, sentences.Length);
    }

    public static TheoryData<string, string, string, int> ExpectedEntities => new()
    {
        // sample, text, type, occurrence (0-based) of the text in the sample
        { "000", "WASHINGTON", "LOC", 0 },
        { "000", "Pakistan", "LOC", 0 },
        { "000", "Islamabad", "LOC", 0 },
        { "000", "Afghanistan", "LOC", 0 },
        { "000", "United States", "LOC", 0 },
        { "000", "State Department", "ORG", 0 },
        { "000", "al-Qaeda", "ORG", 0 },
        { "000", "Ayman al-Zawahiri", "PERSON", 0 },
        { "004", "WASHINGTON", "LOC", 0 },
        { "004", "Pakistan", "LOC", 0 },
        { "004", "Washington", "LOC", 0 },
        { "004", "Islamabad", "LOC", 0 },
        { "004", "Kabul", "LOC", 0 },
        { "004", "Bannu", "LOC", 0 },
        { "004", "New York", "LOC", 0 },
        { "004", "State Department", "ORG", 0 },
        { "004", "Federal Bureau of Investigation", "ORG", 0 },
        { "004", "TTP", "ORG", 1 },
        { "004", "Faisal Shazad", "PERSON", 0 },
        { "004", "Rana Sanaullah Khan", "PERSON", 0 },
        { "000", "Ned price", "PERSON", 0 },
        { "000", "Price", "PERSON", 1 },
        { "000", "Price", "PERSON", 0 },
        { "000", "Price", "PERSON", 2 },
        { "000", "Taliban", "ORG", 1 },
        { "000", "Taliban", "ORG", 2 },
        { "000", "International Military Education and Training", "ORG", 0 },
        { "000", "(Joe) Biden", "PERSON", 0 },
        { "004", "Geo TV", "ORG", 0 },
        { "004", "Times Square", "LOC", 0 },
        { "004", "Washington", "LOC", 1 },
        { "004", "Afghan Taliban", "ORG", 0 },
        { "004", "Bilawal Bhutto-Zardari", "PERSON", 0 },
        { "004", "Tehreek-i-Taliban Pakistan", "ORG", 0 },
        { "004", "ISI", "ORG", 0 },
        { "004", "FBI", "ORG", 0 },
        { "004", "Afghanistan", "LOC", 0 },
        { "000", "Tehrik-i-Taliban Pakistan", "ORG", 0 },
        { "000", "TTP", "ORG", 0 },
        { "004", "Antony Blinkon", "PERSON", 0 },
        { "004", "Blinken", "PERSON", 0 },
        { "004", "Inter-Services Intelligence", "ORG", 0 },
        { "004", "TTP", "ORG", 0 },
        { "004", "Islamabad", "LOC", 1 },
    };

    [Theory]
    [MemberData(nameof(ExpectedEntities))]
    public void SampleEntitiesHaveTypeAndExactOffsets(string sample, string entityText, string type, int occurrence)
    {
        string text = Sample(sample);
        int start = -1;
        for (int k = 0; k <= occurrence; k++) start = text.IndexOf(entityText, start + 1, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{entityText}' not in sample {sample}");
        var analyzed = LanguageAnalyzer.Default.Analyze(text, Paragraphs(text));
        var found = analyzed.Entities.Where(e => e.Start == start && e.End == start + entityText.Length).ToList();
        Assert.True(found.Count == 1,
            $"expected {type} '{entityText}' at {start}; entities near it: " +
            string.Join(", ", analyzed.Entities.Where(e => e.End > start - 20 && e.Start < start + entityText.Length + 20).Select(e => $"{e.Type} '{e.Text}' {e.Start}-{e.End}")));
        Assert.Equal(type, found[0].Type);
        Assert.Equal(entityText, found[0].Text);
    }
}
