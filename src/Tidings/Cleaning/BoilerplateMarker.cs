using System.Text.RegularExpressions;
using Tidings.Documents;
using Tidings.Pipeline;

namespace Tidings.Cleaning;

/// <summary>
/// Marks what outlets append to a story but is not the story: a teaser section ("Must Read" and everything
/// after it), inline teasers ("Also Read: …"), share, follow and subscribe lines. Marked paragraphs leave
/// the body and are kept as boilerplate spans with the reason, so nothing of the original is lost.
/// </summary>
public sealed partial class BoilerplateMarker : IArticleStage
{
    public string Name => "boilerplate";

    // A line that is only one of these opens a section of teasers that runs to the end of the article.
    [GeneratedRegex(@"^(?:must[ -]reads?|also read|read more|read also|related|related (?:articles?|stories|news|content|coverage|posts|links|topics)|more (?:stories|news|on this story|from [\w ]{1,30})|more to read|you (?:may|might) (?:also )?like|you may also be interested in|recommended(?: (?:stories|for you|articles|reading))?|trending(?: now| news| stories)?|most (?:read|popular|viewed)|read next|up next|see also|also see|latest (?:news|stories)|top stories|what to read next|don['’]?t miss|editor['’]?s picks?|popular (?:stories|now)|other news)\s*[:.…]?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TeaserSectionRegex();

    // A short line that starts with one of these is one teaser link inside the story.
    [GeneratedRegex(@"^(?:also read|read more|read also|read|related|see also|also see|watch|listen|click here|more on this|recommended|must read)(?:\s*[:|>»]|\s+[\-\u2013\u2014])\s*\S",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InlineTeaserRegex();

    [GeneratedRegex(@"^(?:share (?:this|on|via|the story|article)|share$|tweet$|email$|print$|whatsapp$|facebook$|twitter$|linkedin$|follow (?:us|@|the latest)|subscribe|sign up (?:for|to)|click here to (?:subscribe|follow|join|download|read)|join our|download (?:the|our) app|get the latest|all rights reserved|copyright\b|©|advertisement$|sponsored content$|comments?\s*\(?\d*\)?$|leave a comment|post a comment|report an error|we welcome your comments|read or share this story)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShareLineRegex();

    // A short line that is only a label in capitals and a headline: "IN TEXAS: Family of patient quarantined".
    [GeneratedRegex(@"^[A-Z][A-Z .'\-]{2,30}:\s+\S.*[^.!?:""”’)]$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelledTeaserRegex();

    // Agency credit lines that close a story: "Associated Press writers … contributed to this report."
    [GeneratedRegex(@"^(?:contributing:|(?:[\w.,'’ -]+ )?contributed (?:reporting )?to this (?:report|story|article)\.?$|(?:additional )?reporting by .{2,100}$|editing by .{2,100}$|compiled by .{2,60}$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditLineRegex();

    [GeneratedRegex(@"^(?:(?:last )?updated|published|posted|first published)(?: on| at)?:?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPrefixRegex();

    private const int MaxTeaserLineWords = 30;

    public void Process(Article article)
    {
        var text = article.Text;
        var kept = new List<TextSpan>(article.Body.Count);
        for (int i = 0; i < article.Body.Count; i++)
        {
            var span = article.Body[i];
            var line = span.AsSpan(text);
            int words = CountWords(line);
            // Every rule is about short lines; story paragraphs are skipped without running a pattern.
            if (words > MaxTeaserLineWords)
            {
                kept.Add(span);
                continue;
            }
            if (i > 0 && TeaserSectionRegex().IsMatch(line))
            {
                string label = line.TrimEnd(":.… ").ToString();
                for (int j = i; j < article.Body.Count; j++)
                    article.Boilerplate.Add(new BoilerplateSpan(article.Body[j].Start, article.Body[j].End,
                        j == i ? $"teaser section: {label}" : $"after teaser section: {label}"));
                break;
            }
            if (InlineTeaserRegex().IsMatch(line) || (words <= 12 && LabelledTeaserRegex().IsMatch(line)))
                article.Boilerplate.Add(new BoilerplateSpan(span.Start, span.End, "inline teaser"));
            else if (words <= 10 && IsTimestamp(line))
                article.Boilerplate.Add(new BoilerplateSpan(span.Start, span.End, "timestamp line"));
            else if (i > 0 && CreditLineRegex().IsMatch(line))
                article.Boilerplate.Add(new BoilerplateSpan(span.Start, span.End, "credit line"));
            else if (words <= 20 && ShareLineRegex().IsMatch(line))
                article.Boilerplate.Add(new BoilerplateSpan(span.Start, span.End, "share/subscribe line"));
            else
                kept.Add(span);
        }
        article.Body.Clear();
        article.Body.AddRange(kept);
        article.Boilerplate.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>A line that is nothing but a publication or update time: page furniture, not story.</summary>
    private static bool IsTimestamp(ReadOnlySpan<char> line)
    {
        if (line.Length < 6 || !char.IsAsciiLetterOrDigit(line[0])) return false;
        var text = TimestampPrefixRegex().Replace(line.ToString(), "", 1);
        return Tidings.Ingest.FeedDates.TryParse(text, out _);
    }

    private static int CountWords(ReadOnlySpan<char> s)
    {
        int n = 0;
        bool inWord = false;
        foreach (char c in s)
        {
            bool w = !char.IsWhiteSpace(c);
            if (w && !inWord) n++;
            inWord = w;
        }
        return n;
    }
}
