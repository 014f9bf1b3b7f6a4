using Tidings.Language;

namespace Tidings.Tests.Language;

public class TokenizerTests
{
    private static string[] Tokens(string text) => Tokenizer.Tokenize(text).Select(s => text[s.Start..s.End]).ToArray();

    [Theory]
    [InlineData("He met Mr. Smith on Dec. 8 in the U.S. yesterday.", "He|met|Mr.|Smith|on|Dec.|8|in|the|U.S.|yesterday|.")]
    [InlineData("Gen. Bajwa and J. K. Rowling", "Gen.|Bajwa|and|J.|K.|Rowling")]
    [InlineData("the country's army", "the|country|'s|army")]
    [InlineData("We don't know, can't say and won't go.", "We|do|n't|know|,|ca|n't|say|and|wo|n't|go|.")]
    [InlineData("They’re sure it’s Pakistan’s call", "They|’re|sure|it|’s|Pakistan|’s|call")]
    [InlineData("the countries' borders", "the|countries|'|borders")]
    [InlineData("Foreign Minister Bilawal Bhutto-Zardari", "Foreign|Minister|Bilawal|Bhutto|-|Zardari")]
    [InlineData("Tehrik-i-Taliban Pakistan (TTP)", "Tehrik-i-Taliban|Pakistan|(|TTP|)")]
    [InlineData("an e-mail from a co-worker", "an|e-mail|from|a|co-worker")]
    [InlineData("It cost $1,250.50, up 3.5% on 12/08/2022 at 5:30 pm", "It|cost|$|1,250.50|,|up|3.5|%|on|12/08/2022|at|5:30|pm")]
    [InlineData("call 713-853-3989 or (202) 828-3933", "call|713-853-3989|or|(|202|)|828-3933")]
    [InlineData("see https://example.com/a?b=1, or mail jo.doe@example.org.", "see|https://example.com/a?b=1|,|or|mail|jo.doe@example.org|.")]
    [InlineData("follow @GeoTV and #Pakistan now", "follow|@GeoTV|and|#Pakistan|now")]
    [InlineData("the group — militants said…", "the|group|—|militants|said|…")]
    [InlineData("wait... what--really?!", "wait|...|what|--|really|?!")]
    [InlineData("“We seek a strong partnership,” he said.", "“|We|seek|a|strong|partnership|,|”|he|said|.")]
    [InlineData("\"quoted\" and 'single'", "\"|quoted|\"|and|'|single|'")]
    [InlineData("in the '90s it was 5kg", "in|the|'90s|it|was|5|kg")]
    [InlineData("cannot gonna", "can|not|gon|na")]
    public void SplitsNewsTextLikeUdEwt(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Tokens(text));
    }

    [Fact]
    public void OffsetsPointIntoTheOriginalString()
    {
        const string text = "  Ned price  said: “We’re here.”\n\nNext";
        var spans = Tokenizer.Tokenize(text);
        foreach (var s in spans)
        {
            Assert.True(s.Start >= 0 && s.End <= text.Length && s.Start < s.End);
            Assert.False(string.IsNullOrWhiteSpace(text[s.Start..s.End]));
        }
        Assert.Equal(2, spans[0].Start);
        Assert.Equal("Ned", text[spans[0].Start..spans[0].End]);
        var were = spans.First(s => text[s.Start..s.End] == "’re");
        Assert.Equal("We", text[(were.Start - 2)..were.Start]);
        // Tokens are in order and never overlap.
        for (int i = 1; i < spans.Count; i++) Assert.True(spans[i].Start >= spans[i - 1].End);
    }

    [Fact]
    public void TokenizesOnlyTheRequestedRange()
    {
        const string text = "IGNORED words. Body starts here.";
        var list = new List<TextSpan>();
        Tokenizer.Tokenize(text, 15, text.Length, list);
        Assert.Equal(new[] { "Body", "starts", "here", "." }, list.Select(s => text[s.Start..s.End]));
    }
}
