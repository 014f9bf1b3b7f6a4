namespace Tidings.Extract.Quotes;

/// <summary>A span of text between quotation marks: Start/End exclude the marks; Open and Close are the marks' positions.</summary>
public readonly record struct QuotedSpan(int Start, int End, int Open, int Close);

/// <summary>
/// Pairs quotation marks in every style ("…", “…”, ‘…’, '…', «…»). A quotation may run over several paragraphs:
/// a paragraph ending without a closing mark continues when the next one opens with a mark. A closing mark
/// stranded at the start of the next paragraph (`…our interests.` / `" "We are…`) closes the quotation before it.
/// Apostrophes inside words (country's, don't) are not marks.
/// </summary>
public static class QuotationFinder
{
    public static List<QuotedSpan> Find(string text, IReadOnlyList<(int Start, int End)> paragraphs)
    {
        var result = new List<QuotedSpan>();
        int open = -1;           // position of an unclosed opening mark
        char openMark = '\0';
        for (int p = 0; p < paragraphs.Count; p++)
        {
            var (ps, pe) = paragraphs[p];
            int i = ps;
            if (open >= 0)
            {
                // A quotation left open at the end of the previous paragraph: a stranded closing mark first
                // closes it; an opening mark continues it (multi-paragraph quotation); anything else drops it.
                if (IsDoubleMark(text[ps]) && ps + 1 < pe && char.IsWhiteSpace(text[ps + 1]))
                {
                    result.Add(new QuotedSpan(open + 1, TrimEnd(text, open + 1, paragraphs[p - 1].End), open, ps));
                    open = -1;
                    i = ps + 1;
                }
                else if (IsMark(text[ps]) && IsOpening(text, ps, text[ps]))
                {
                    result.Add(new QuotedSpan(open + 1, TrimEnd(text, open + 1, paragraphs[p - 1].End), open, -1));
                    open = ps;
                    i = ps + 1;
                }
                else
                {
                    open = -1;
                }
            }
            int nested = 0; // curly quotation marks inside a straight-quoted passage: “Shark Tank” inside "…"
            for (; i < pe; i++)
            {
                char c = text[i];
                if (!IsMark(c)) continue;
                // Two apostrophes stand for a double quotation mark in some archives: ''This isn't tax reform,''
                if (c == '\'' && i + 1 < pe && text[i + 1] == '\'')
                {
                    if (open < 0 && i + 2 < pe && !char.IsWhiteSpace(text[i + 2])) { open = i + 1; openMark = '"'; nested = 0; i++; continue; }
                    if (open >= 0 && openMark == '"' && i > 0 && !char.IsWhiteSpace(text[i - 1]))
                    {
                        if (i > open + 1) result.Add(new QuotedSpan(open + 1, i, open, i + 1));
                        open = -1;
                        i++;
                        continue;
                    }
                }
                if (open < 0)
                {
                    if (IsOpening(text, i, c)) { open = i; openMark = c; nested = 0; }
                }
                else if (openMark == '"' && c == '“' && IsOpening(text, i, c)) nested++;
                else if (openMark == '"' && c == '”' && nested > 0) nested--;
                else if (IsClosing(text, i, openMark, pe))
                {
                    if (i > open + 1) result.Add(new QuotedSpan(open + 1, i, open, i));
                    open = -1;
                }
            }
        }
        if (open >= 0 && paragraphs.Count > 0)
            result.Add(new QuotedSpan(open + 1, TrimEnd(text, open + 1, paragraphs[^1].End), open, -1));
        return result;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }

    private static bool IsMark(char c) => c is '"' or '“' or '”' or '‘' or '’' or '\'' or '«' or '»' or '„';

    private static bool IsDoubleMark(char c) => c is '"' or '”' or '“' or '»';

    private static bool IsOpening(string text, int i, char c)
    {
        // A closing-style mark after white space opens a quotation in some typesetting: ”Fear. I am…”
        if (c is '”' or '»') return (i == 0 || char.IsWhiteSpace(text[i - 1])) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);
        if (c is '’' or '\'')
        {
            // An apostrophe after a letter is part of a word (Pakistan's, '90s is rare enough to miss).
            if (i > 0 && char.IsLetterOrDigit(text[i - 1])) return false;
        }
        if (c is '"' or '\'' && i > 0 && char.IsLetterOrDigit(text[i - 1])) return false;
        return i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
    }

    private static bool IsClosing(string text, int i, char openMark, int paragraphEnd)
    {
        char c = text[i];
        bool matches = openMark switch
        {
            '“' or '„' => c is '”' or '"' or '“',
            '‘' => c is '’' or '\'',
            '«' => c is '»',
            '"' => c is '"' or '”',
            '\'' => c is '\'' or '’',
            _ => false,
        };
        if (!matches) return false;
        if (c is '’' or '\'')
        {
            // Inside a word it is an apostrophe: "country’s".
            if (i + 1 < paragraphEnd && char.IsLetter(text[i + 1])) return false;
        }
        return i > 0 && !char.IsWhiteSpace(text[i - 1]) || c is '”' or '»';
    }
}
