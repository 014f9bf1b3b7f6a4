namespace Tidings.Language;

/// <summary>
/// Rule-based sentence splitter over tokenizer output. Splits after terminal punctuation (plus any closing
/// quotes/brackets attached to it) when the next token can start a sentence, after abbreviations only when the
/// next word is a typical sentence opener, and at line breaks (headlines, datelines, list items). A sentence
/// made only of punctuation (a stray closing quote at the start of a paragraph) is merged into its neighbour.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>
    /// Splits tokens[first..first+count) of text into sentences, appending (firstToken, tokenCount) pairs.
    /// With a boundary model the rules become one feature of a learned decision at every token gap;
    /// paragraph breaks always end a sentence.
    /// </summary>
    public static void Split(string text, IReadOnlyList<TextSpan> tokens, int first, int count, List<(int First, int Count)> output,
        SentenceBoundaryModel? model = null)
    {
        if (count == 0) return;
        int outputStart = output.Count;
        int sentenceStart = first;
        int end = first + count;
        if (model == null)
        {
            for (int i = first; i < end - 1; i++)
            {
                int boundaryAfter = BoundaryAfter(text, tokens, i, end);
                if (boundaryAfter < 0) continue;
                output.Add((sentenceStart, boundaryAfter - sentenceStart + 1));
                sentenceStart = boundaryAfter + 1;
                i = boundaryAfter;
            }
        }
        else
        {
            var ruleSays = RuleBoundaries(text, tokens, first, end);
            for (int i = first; i < end - 1; i++)
            {
                // Line breaks inside a paragraph (headlines, list items) never occur in the training text, so
                // the rules decide there; paragraph breaks always end a sentence.
                bool boundary = HasLineBreak(text, tokens[i].End, tokens[i + 1].Start)
                    ? ruleSays[i - first] || HasParagraphBreak(text, tokens[i].End, tokens[i + 1].Start)
                    : IsCandidate(text, tokens, i, ruleSays[i - first])
                      && model.IsBoundary(text, tokens, i, end, ruleSays[i - first], i - sentenceStart + 1)
                      && (ruleSays[i - first] || !IsClauseJoiner(text, tokens[i]) || IsSalutation(text, tokens, sentenceStart, i));
                if (!boundary) continue;
                output.Add((sentenceStart, i - sentenceStart + 1));
                sentenceStart = i + 1;
            }
        }
        if (sentenceStart < end) output.Add((sentenceStart, end - sentenceStart));
        MergePunctuationOnlySentences(text, tokens, output, outputStart);
    }

    /// <summary>For each token of [first, end), whether the rules end a sentence right after it.</summary>
    internal static bool[] RuleBoundaries(string text, IReadOnlyList<TextSpan> tokens, int first, int end)
    {
        var result = new bool[end - first];
        for (int i = first; i < end - 1; i++)
        {
            int boundaryAfter = BoundaryAfter(text, tokens, i, end);
            if (boundaryAfter < 0) continue;
            result[boundaryAfter - first] = true;
            i = boundaryAfter;
        }
        return result;
    }

    /// <summary>Returns the index of the last token of a sentence ending at or right after token i, or -1.</summary>
    private static int BoundaryAfter(string text, IReadOnlyList<TextSpan> tokens, int i, int end)
    {
        var tok = tokens[i];
        int last = i;
        bool terminal = IsTerminalPunct(text, tok);
        bool abbreviation = !terminal && tok.Length > 1 && text[tok.End - 1] == '.' && char.IsLetter(text[tok.End - 2]);
        if (terminal || abbreviation)
        {
            // Closing quotes and brackets glued to the terminal punctuation belong to this sentence.
            while (last + 1 < end && IsClosingQuoteOrBracket(text, tokens, last + 1, end) && !HasLineBreak(text, tokens[last].End, tokens[last + 1].Start)) last++;
            if (last + 1 >= end) return -1;
            var next = tokens[last + 1];
            if (HasParagraphBreak(text, tokens[last].End, next.Start)) return last;
            char c = text[next.Start];
            if (abbreviation)
            {
                if (Abbreviations.Titles.Contains(text.AsSpan(tok.Start, tok.Length))) return -1;
                if (last > i) return char.IsUpper(c) || IsOpeningQuote(c) ? last : -1;
                return char.IsUpper(c) && Abbreviations.SentenceStarters.Contains(WordAt(text, next)) ? last : -1;
            }
            // A stand-alone full stop is never an abbreviation's (those keep their period), so even a lower-case
            // next word starts a new sentence (web text: "nice sarcasm. that's fine").
            if (IsContinuationPunct(c) || IsTerminalPunct(text, next)) return -1;
            // “Is it over?” she asked. — a quotation followed by a lower-case reporting clause goes on.
            if (last > i && char.IsLower(c)) return -1;
            return last;
        }
        // No terminal punctuation: line breaks still end headlines, datelines and list items.
        var following = tokens[i + 1];
        if (HasLineBreak(text, tok.End, following.Start))
        {
            if (HasParagraphBreak(text, tok.End, following.Start)) return i;
            char p = text[tok.End - 1];
            char n = text[following.Start];
            if (p == ',' || p == '-' || p == '&' || char.IsLower(n)) return -1;
            return i;
        }
        return -1;
    }

    private static ReadOnlySpan<char> WordAt(string text, TextSpan span) => text.AsSpan(span.Start, span.Length);

    internal static bool IsTerminalPunct(string text, TextSpan tok)
    {
        for (int k = tok.Start; k < tok.End; k++)
        {
            char c = text[k];
            if (c != '.' && c != '!' && c != '?' && c != '…') return false;
        }
        return true;
    }

    private static bool IsClosingQuoteOrBracket(string text, IReadOnlyList<TextSpan> tokens, int index, int end)
    {
        var t = tokens[index];
        if (t.Length != 1) return false;
        char c = text[t.Start];
        if (c is ')' or ']' or '”' or '’' or '»') return true;
        if (c is '"' or '\'')
        {
            // A straight quote closes when it is glued to the previous token and not to the next one.
            bool gluedLeft = t.Start == tokens[index - 1].End;
            bool gluedRight = index + 1 < end && tokens[index + 1].Start == t.End;
            return gluedLeft || !gluedRight;
        }
        return false;
    }

    private static bool IsOpeningQuote(char c) => c is '"' or '“' or '‘' or '\'' or '(' or '[';

    private static bool IsContinuationPunct(char c) => c is ',' or ';' or ':' or ')' or '%';

    private static bool HasLineBreak(string text, int from, int to)
    {
        for (int k = from; k < to; k++) if (text[k] == '\n') return true;
        return false;
    }

    /// <summary>
    /// Gaps worth asking the model about: the rules say so, or the current token is punctuation, or the next
    /// token does not start with a lower-case letter. Skipping "word word" gaps keeps splitting fast.
    /// </summary>
    internal static bool IsCandidate(string text, IReadOnlyList<TextSpan> tokens, int i, bool rule)
    {
        if (rule) return true;
        char next = text[tokens[i + 1].Start];
        if (!char.IsLower(next)) return true;
        var cur = tokens[i];
        return !char.IsLetterOrDigit(text[cur.End - 1]);
    }

    /// <summary>
    /// "Vince," / "Good luck," / "Hi David:" — a fragment of at most three words ending in a comma or colon
    /// before a capitalised word opens or closes a letter; the model may split after it.
    /// </summary>
    private static bool IsSalutation(string text, IReadOnlyList<TextSpan> tokens, int sentenceStart, int i)
    {
        if (i - sentenceStart > 3 || i == sentenceStart || tokens[i].Length != 1 || text[tokens[i].Start] is not (',' or ':')) return false;
        for (int k = sentenceStart; k < i; k++)
            if (!char.IsLetter(text[tokens[k].Start])) return false;
        return char.IsUpper(text[tokens[i + 1].Start]);
    }

    /// <summary>Dashes, commas, colons and the like join clauses in edited text; the model may not split after them.</summary>
    private static bool IsClauseJoiner(string text, TextSpan t)
    {
        if (t.Length > 2) return text[t.Start] == '-' && text[t.End - 1] == '-';
        char c = text[t.Start];
        return c is ',' or ';' or ':' or '—' or '–' or '-' or '(' or '[' or '&' or '/';
    }

    internal static bool HasParagraphBreak(string text, int from, int to)
    {
        int newlines = 0;
        for (int k = from; k < to; k++) if (text[k] == '\n') newlines++;
        return newlines >= 2;
    }

    private static void MergePunctuationOnlySentences(string text, IReadOnlyList<TextSpan> tokens, List<(int First, int Count)> output, int from)
    {
        for (int s = from; s < output.Count; s++)
        {
            var (first, count) = output[s];
            bool allPunct = true;
            for (int k = first; k < first + count && allPunct; k++)
                for (int c = tokens[k].Start; c < tokens[k].End; c++)
                    if (char.IsLetterOrDigit(text[c])) { allPunct = false; break; }
            if (!allPunct || output.Count - from == 1) continue;
            if (s + 1 < output.Count)
            {
                var next = output[s + 1];
                output[s + 1] = (first, count + next.Count);
            }
            else
            {
                var prev = output[s - 1];
                output[s - 1] = (prev.First, prev.Count + count);
            }
            output.RemoveAt(s);
            s--;
        }
    }
}
