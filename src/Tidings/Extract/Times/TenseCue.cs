using System.Text.RegularExpressions;

namespace Tidings.Extract.Times;

/// <summary>
/// Whether an expression refers forward ("will meet on Monday") or back ("met on Monday"): the nearest tense
/// cue in its sentence decides — a future auxiliary or plan word, or a past form (said, was, -ed). News reports
/// mostly the past, so past is the default.
/// </summary>
internal enum Tense
{
    Unknown,
    Past,
    Future,
}

internal static partial class TenseCue
{
    [GeneratedRegex(@"\b(?:(?<f>will|'ll|shall|going to|plans?|planned|scheduled|expected|is to|are to|due|set to|upcoming|next|would)|(?<p>said|says|was|were|had|did|told|been|ago|last|[a-z]{3,}ed))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Cue();

    private const int Window = 80;

    public static bool IsFuture(string text, int start, int end) => Of(text, start, end) == Tense.Future;

    public static Tense Of(string text, int start, int end)
    {
        int from = Math.Max(SentenceStart(text, start), start - Window), to = Math.Min(SentenceEnd(text, end), end + Window);
        var tense = Tense.Unknown;
        int best = int.MaxValue;
        for (var m = Cue().Match(text, from, to - from); m.Success; m = m.NextMatch())
        {
            if (m.Index >= start && m.Index < end) continue; // the expression's own words ("last week")
            int distance = m.Index < start ? start - (m.Index + m.Length) : m.Index - end;
            // A cue before the expression binds closer than one after it ("will meet Monday", "Monday, he said").
            if (m.Index > end) distance += 10;
            if (distance < best)
            {
                best = distance;
                tense = m.Groups["f"].Success ? Tense.Future : Tense.Past;
            }
        }
        return tense;
    }

    private static int SentenceStart(string text, int i)
    {
        int limit = Math.Max(0, i - 300);
        while (i > limit && text[i - 1] is not ('.' or '\n' or '!' or '?')) i--;
        return i;
    }

    private static int SentenceEnd(string text, int i)
    {
        int limit = Math.Min(text.Length, i + 300);
        while (i < limit && text[i] is not ('.' or '\n' or '!' or '?')) i++;
        return i;
    }
}
