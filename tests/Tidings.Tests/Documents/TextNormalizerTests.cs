using Tidings.Documents;

namespace Tidings.Tests.Documents;

public class TextNormalizerTests
{
    private static void AssertNormalizes(string input, string expected) => Assert.Equal(expected, TextNormalizer.Normalize(input).Text);

    [Theory]
    [InlineData("Washington’s calls", "Washington's calls")]
    [InlineData("“strong partnership”", "\"strong partnership\"")]
    [InlineData("group — those inside", "group - those inside")]
    [InlineData("2010–2022", "2010-2022")]
    [InlineData("Washingtonâ€™s calls", "Washington's calls")]
    [InlineData("â€œquotedâ€\u009d", "\"quoted\"")]
    [InlineData("cafÃ© owners", "café owners")]
    [InlineData("threats \uFFFD whether it's", "threats - whether it's")]
    [InlineData("a\u00A0\u00A0b\t c", "a b c")]
    [InlineData("line one  \r\nline two", "line one\nline two")]
    [InlineData("cafe\u0301", "café")]
    [InlineData("zero\u200Bwidth soft\u00ADhyphen", "zerowidth softhyphen")]
    [InlineData("Ã alone stays", "Ã alone stays")]
    public void Normalizes(string input, string expected) => AssertNormalizes(input, expected);

    [Fact]
    public void ReplacementCharacterInsideAWordIsKept() => AssertNormalizes("Pak\uFFFDistan", "Pak\uFFFDistan");

    [Fact]
    public void OffsetsMapBackToTheOriginal()
    {
        const string original = "Washingtonâ€™s  “calls”   to assist";
        var n = TextNormalizer.Normalize(original);
        Assert.Equal("Washington's \"calls\" to assist", n.Text);
        int at = n.Text.IndexOf("calls", StringComparison.Ordinal);
        Assert.Equal("calls", n.ToOriginal(at, at + 5).Slice(original));
        int apostrophe = n.Text.IndexOf('\'');
        Assert.Equal("â€™", n.ToOriginal(apostrophe, apostrophe + 1).Slice(original));
        int assist = n.Text.IndexOf("assist", StringComparison.Ordinal);
        Assert.Equal("assist", n.ToOriginal(assist, assist + 6).Slice(original));
    }

    [Fact]
    public void Sample000LoneReplacementCharactersBecomeDashes()
    {
        var text = File.ReadAllText(TestData.Sample000);
        Assert.Contains("threats \uFFFD whether", text);
        var n = TextNormalizer.Normalize(text);
        Assert.Contains("threats - whether it's counterinsurgency, counterterrorism - as well", n.Text);
        Assert.DoesNotContain('\uFFFD', n.Text);
    }
}

public class TextNormalizerFastPathTests
{
    /// <summary>Hashing uses the map-less path, which copies plain ASCII runs whole; it must agree with the mapped path.</summary>
    [Theory]
    [InlineData("plain words, numbers 123 and punctuation!")]
    [InlineData("cafe\u0301 with a combining accent")]
    [InlineData("two  spaces\tand a tab\r\nnew line")]
    [InlineData("quotes “curly” and ‘single’ — dash")]
    [InlineData("Washingtonâ€™s mojibake")]
    [InlineData("`backtick` and trailing space ")]
    public void MapLessPathAgrees(string text) => Assert.Equal(TextNormalizer.Normalize(text).Text, MapLess(text));

    [Fact]
    public void SamplesAgree()
    {
        foreach (var path in Directory.EnumerateFiles(TestData.Samples))
        {
            var text = File.ReadAllText(path);
            Assert.Equal(TextNormalizer.Normalize(text).Text, MapLess(text));
        }
    }

    private static string MapLess(string text)
    {
        var sb = new System.Text.StringBuilder();
        TextNormalizer.Normalize(text, 0, text.Length, sb, null);
        return sb.ToString();
    }
}
