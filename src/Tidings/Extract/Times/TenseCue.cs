using System.Text.RegularExpressions;

namespace Tidings.Extract.Times;

/// <summary>
/// Whether the sentence around an expression speaks of the future ("will meet on Monday"): news reports
/// mostly the past, so past is the default and only explicit cues turn a weekday or month forward.
/// </summary>
internal static partial class TenseCue
{
    [GeneratedRegex(@"\b(?:will|'ll|shall|going to|plans? to|planned for|scheduled|expected to|is due|are due|set to|upcoming|next|would be held|to be held|to visit|to meet|will be)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FutureCue();

    private const int Window = 60;

    /// <summary>A future cue close to the expression, in its own sentence.</summary>
    public static bool IsFuture(string text, int start, int end)
    {
        int from = Math.Max(SentenceStart(text, start), start - Window), to = Math.Min(SentenceEnd(text, end), end + Window);
        return FutureCue().IsMatch(text.AsSpan(from, to - from));
    }

    private static int SentenceStart(string text, int i)
    {
        int limit = Math.Max(0, i - 200);
        while (i > limit && text[i - 1] is not ('.' or '\n' or '!' or '?')) i--;
        return i;
    }

    private static int SentenceEnd(string text, int i)
    {
        int limit = Math.Min(text.Length, i + 200);
        while (i < limit && text[i] is not ('.' or '\n' or '!' or '?')) i++;
        return i;
    }
}
