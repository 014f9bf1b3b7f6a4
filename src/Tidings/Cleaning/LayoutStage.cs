using Tidings.Documents;
using Tidings.Pipeline;

namespace Tidings.Cleaning;

/// <summary>
/// Splits the text into paragraphs (one per non-blank line), takes the headline from the first line
/// when the reader put it there, and marks a second line that only repeats the headline as boilerplate.
/// </summary>
public sealed class LayoutStage : IArticleStage
{
    public string Name => "layout";

    public void Process(Article article)
    {
        var lines = Lines(article.Text);
        int first = 0;
        if (lines.Count > 0 && (article.HeadlineInText || MatchesTitle(article, lines[0])))
        {
            article.Headline = lines[0];
            article.Title ??= lines[0].Slice(article.Text);
            first = 1;
            if (lines.Count > 1 && SameHeadline(lines[0].Slice(article.Text), lines[1].Slice(article.Text)))
            {
                article.Boilerplate.Add(new BoilerplateSpan(lines[1].Start, lines[1].End, "repeated headline"));
                first = 2;
            }
        }
        article.Body.Clear();
        for (int i = first; i < lines.Count; i++) article.Body.Add(lines[i]);
    }

    private static bool MatchesTitle(Article article, TextSpan line) =>
        article.Title is { Length: > 0 } title && SameHeadline(title, line.Slice(article.Text));

    /// <summary>Two headlines are the same when their letters and digits are, whatever the case.</summary>
    public static bool SameHeadline(string a, string b)
    {
        var ka = Key(a);
        return ka.Length > 0 && ka == Key(b);
    }

    private static string Key(string s)
    {
        var norm = TextNormalizer.NormalizeForMatch(s);
        return string.Concat(norm.Where(char.IsLetterOrDigit)).ToLowerInvariant();
    }

    /// <summary>Non-blank lines of the text, trimmed.</summary>
    public static List<TextSpan> Lines(string text)
    {
        var result = new List<TextSpan>();
        int start = 0;
        while (start <= text.Length)
        {
            int nl = text.IndexOf('\n', start);
            int end = nl < 0 ? text.Length : nl;
            var span = new TextSpan(start, end).Trim(text);
            if (!span.IsEmpty) result.Add(span);
            if (nl < 0) break;
            start = nl + 1;
        }
        return result;
    }
}
