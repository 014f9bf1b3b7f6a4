namespace Tidings.Language;

/// <summary>A half-open character span [Start, End) in the analysed string.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>
/// Rule-based tokenizer that follows the UD English (EWT) conventions, because the tagger and recognizer are
/// trained on EWT-tokenized text: clitics and possessives split (<c>don't</c> → <c>do n't</c>,
/// <c>country's</c> → <c>country 's</c>), hyphens between words split (<c>Bhutto - Zardari</c>; entity spans
/// re-join them), abbreviations keep their period, URLs / e-mails / handles stay whole. Works on whitespace
/// chunks and peels prefixes, suffixes and infixes, so it never allocates per token.
/// </summary>
public static class Tokenizer
{
    /// <summary>Tokenizes text[start..end) and appends token spans to output.</summary>
    public static void Tokenize(string text, int start, int end, List<TextSpan> output)
    {
        int i = start;
        while (i < end)
        {
            while (i < end && char.IsWhiteSpace(text[i])) i++;
            if (i >= end) break;
            int chunkStart = i;
            while (i < end && !char.IsWhiteSpace(text[i])) i++;
            TokenizeChunk(text, chunkStart, i, output);
        }
    }

    public static List<TextSpan> Tokenize(string text)
    {
        var list = new List<TextSpan>();
        Tokenize(text, 0, text.Length, list);
        return list;
    }

    private static void TokenizeChunk(string t, int s, int e, List<TextSpan> output)
    {
        // Prefixes: opening punctuation, currency signs, leading dashes and dot runs.
        while (s < e)
        {
            char c = t[s];
            int emoticon = EmoticonLength(t, s, e);
            if (emoticon > 0) { output.Add(new TextSpan(s, s + emoticon)); s += emoticon; continue; }
            int run = PunctRunLength(t, s, e);
            if (run > 0) { output.Add(new TextSpan(s, s + run)); s += run; continue; }
            if (c == '\'' || c == '‘' || c == '’')
            {
                // '90s and 'em keep their apostrophe; otherwise it is a quote.
                if (s + 1 < e && (char.IsDigit(t[s + 1]) || IsWordApostropheStart(t, s + 1, e))) break;
                output.Add(new TextSpan(s, s + 1)); s++; continue;
            }
            if ((c == '@' || c == '#') && s + 1 < e && char.IsLetter(t[s + 1])) break; // @handle, #hashtag
            if (IsOpeningPunct(c) || IsCurrency(c) || c == '"' || c == '*' || c == '<' || c == '>' || c == '~')
            {
                output.Add(new TextSpan(s, s + 1)); s++; continue;
            }
            break;
        }
        if (s >= e) return;

        // Whole-chunk tokens: URLs, e-mail addresses, handles and hashtags (minus trailing punctuation).
        int wholeEnd = MatchWholeToken(t, s, e);
        if (wholeEnd > s)
        {
            output.Add(new TextSpan(s, wholeEnd));
            if (wholeEnd < e) TokenizeChunk(t, wholeEnd, e, output);
            return;
        }

        // Suffixes, collected right to left.
        Span<TextSpan> suffix = stackalloc TextSpan[16];
        int nSuffix = 0;
        while (e > s && nSuffix < 14)
        {
            char c = t[e - 1];
            int emoticon = TrailingEmoticonLength(t, s, e);
            if (emoticon > 0) { suffix[nSuffix++] = new TextSpan(e - emoticon, e); e -= emoticon; continue; }
            if ((c is '*' or '=' or '^' or '~' or '+') && e - 1 > s)
            {
                int runStart = e - 1;
                while (runStart > s && t[runStart - 1] == c) runStart--;
                if (runStart > s || e - runStart > 1) { suffix[nSuffix++] = new TextSpan(runStart, e); e = runStart; continue; }
            }
            if (c == '.' || c == '!' || c == '?')
            {
                int runStart = e - 1;
                while (runStart > s && (t[runStart - 1] == '.' || t[runStart - 1] == '!' || t[runStart - 1] == '?')) runStart--;
                if (c == '.' && e - runStart == 1 && runStart > s && IsAbbreviation(t, s, e) && !EndsParagraph(t, s, e)) break;
                suffix[nSuffix++] = new TextSpan(runStart, e); e = runStart; continue;
            }
            if (IsClosingPunct(c) || c == ',' || c == ';' || c == ':' || c == '"' || c == '%' || c == '*' || c == '>' || c == '\'' || c == '’' || c == '‘' || c == '…' || c == '-' || c == '—' || c == '–')
            {
                if (c == ')' && HasUnclosedParen(t, s, e - 1)) break; // keep "(s)"-style inner parentheses
                if ((c == '\'' || c == '’') && e - 1 > s && (t[e - 2] == 's' || t[e - 2] == 'S') && e - 2 > s && char.IsLetter(t[e - 3]))
                {
                    suffix[nSuffix++] = new TextSpan(e - 1, e); e--; continue; // plural possessive: countries '
                }
                int len = 1;
                if (c == '-') while (e - len - 1 >= s && t[e - len - 1] == '-') len++;
                suffix[nSuffix++] = new TextSpan(e - len, e); e -= len; continue;
            }
            break;
        }

        if (e > s)
        {
            int coreEnd = SplitClitic(t, s, e, out int cliticStart);
            SplitInfixes(t, s, coreEnd, output);
            if (cliticStart < e) output.Add(new TextSpan(cliticStart, e));
        }
        for (int k = nSuffix - 1; k >= 0; k--) output.Add(suffix[k]);
    }

    /// <summary>Length of a run of sentence punctuation (".", "...", "?!") or a dash at position s; 0 if none.</summary>
    private static int PunctRunLength(string t, int s, int e)
    {
        char c = t[s];
        if (c == '.' || c == '!' || c == '?')
        {
            // ".5" is a number, not punctuation.
            if (c == '.' && s + 1 < e && char.IsDigit(t[s + 1])) return 0;
            int j = s;
            while (j < e && (t[j] == '.' || t[j] == '!' || t[j] == '?')) j++;
            return j - s;
        }
        if (c == '-' )
        {
            if (s + 1 < e && t[s + 1] == '-')
            {
                int j = s;
                while (j < e && t[j] == '-') j++;
                return j - s;
            }
            return 1;
        }
        if (c is '*' or '=' or '^' or '~' or '_' or '#' && s + 1 < e && t[s + 1] == c)
        {
            int j = s;
            while (j < e && t[j] == c) j++;
            return j - s;
        }
        if (c == '—' || c == '–' || c == '…' || c == ',' || c == ';' || c == ':' || c == '&' || c == '=' || c == '+' || c == '/' || c == '|' || c == '•') return 1;
        return 0;
    }

    private static bool IsWordApostropheStart(string t, int i, int e)
    {
        // 'em, 'cause, 'til are words; other leading apostrophes are quotes.
        return StartsWithIgnoreCase(t, i, e, "em") && (i + 2 == e || !char.IsLetter(t[i + 2]))
            || StartsWithIgnoreCase(t, i, e, "cause") || StartsWithIgnoreCase(t, i, e, "til");
    }

    private static bool StartsWithIgnoreCase(string t, int i, int e, string prefix)
        => e - i >= prefix.Length && string.Compare(t, i, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0;

    internal static bool IsOpeningPunct(char c) => c is '(' or '[' or '{' or '“' or '«' or '¿' or '¡' or '‹' or '„';
    internal static bool IsClosingPunct(char c) => c is ')' or ']' or '}' or '”' or '»' or '›';
    private static bool IsCurrency(char c) => c is '$' or '£' or '€' or '¥' or '₹' or '#' or '@';

    private static bool HasUnclosedParen(string t, int s, int e)
    {
        int depth = 0;
        for (int i = s; i < e; i++) { if (t[i] == '(') depth++; else if (t[i] == ')') depth--; }
        return depth > 0;
    }

    /// <summary>URL, e-mail, @handle or #hashtag starting at s; returns its end (trailing punctuation excluded) or -1.</summary>
    private static int MatchWholeToken(string t, int s, int e)
    {
        int len = e - s;
        bool url = StartsWithIgnoreCase(t, s, e, "http://") || StartsWithIgnoreCase(t, s, e, "https://")
                   || StartsWithIgnoreCase(t, s, e, "www.") || StartsWithIgnoreCase(t, s, e, "ftp://");
        bool handle = false, email = false;
        if (!url)
        {
            int at = t.IndexOf('@', s, len);
            if (at > s)
            {
                int dot = t.IndexOf('.', at, e - at);
                email = dot > at + 1 && dot < e - 1 && (char.IsLetterOrDigit(t[at - 1]) || t[at - 1] == '.') && char.IsLetter(t[dot + 1]);
                for (int k = s; k < at && email; k++) email = char.IsLetterOrDigit(t[k]) || t[k] is '.' or '_' or '-' or '+';
            }
            handle = (t[s] == '@' || t[s] == '#') && len > 1 && char.IsLetterOrDigit(t[s + 1]) ;
            if (!url && !email && !handle)
            {
                // Bare domain names such as example.com or news.bbc.co.uk/path.
                url = LooksLikeDomain(t, s, e);
            }
        }
        if (!url && !email && !handle) return -1;
        int end = e;
        if (handle && !email)
        {
            end = s + 1;
            while (end < e && (char.IsLetterOrDigit(t[end]) || t[end] == '_')) end++;
            return end;
        }
        while (end > s + 1)
        {
            char c = t[end - 1];
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '"' or '\'' or '”' or '’' or ']' or '>') { end--; continue; }
            if (c == ')' && !HasUnclosedParen(t, s, end - 1)) { end--; continue; }
            break;
        }
        return end;
    }

    private static bool LooksLikeDomain(string t, int s, int e)
    {
        // letters.letters ending in a common top-level domain, e.g. "Amazon.com".
        ReadOnlySpan<char> chunk = t.AsSpan(s, e - s).TrimEnd(".,;:!?\"')”’");
        int slash = chunk.IndexOf('/');
        ReadOnlySpan<char> host = slash >= 0 ? chunk[..slash] : chunk;
        int lastDot = host.LastIndexOf('.');
        if (lastDot <= 0 || lastDot == host.Length - 1) return false;
        foreach (char c in host) if (!(char.IsLetterOrDigit(c) || c == '.' || c == '-')) return false;
        ReadOnlySpan<char> tld = host[(lastDot + 1)..];
        return tld is "com" or "org" or "net" or "gov" or "edu" or "uk" or "pk" or "co" or "io" or "info" or "biz" or "de" or "fr" or "ca" or "au" or "in";
    }

    /// <summary>Whether t[s..e) (ending in '.') is an abbreviation that keeps its period.</summary>
    internal static bool IsAbbreviation(string t, int s, int e)
    {
        int bodyLen = e - 1 - s;
        if (bodyLen <= 0) return false;
        ReadOnlySpan<char> body = t.AsSpan(s, bodyLen);
        // Initials and dotted acronyms: "J.", "U.S.", "a.m.", "e.g."
        if (bodyLen == 1 && char.IsLetter(body[0])) return true;
        if (body.Contains('.'))
        {
            bool allShortParts = true;
            foreach (var range in body.Split('.'))
            {
                var part = body[range];
                if (part.Length > 3 || part.Length == 0) { allShortParts = false; break; }
                foreach (char c in part) if (!char.IsLetter(c)) { allShortParts = false; break; }
            }
            if (allShortParts) return true;
        }
        if (body is "No" or "no" or "Nos" || body is "Art" or "Fig")
        {
            // "No. 5" is an abbreviation, "said no." is not.
            int j = e;
            while (j < t.Length && t[j] == ' ') j++;
            return j < t.Length && char.IsDigit(t[j]);
        }
        return Abbreviations.Lookup.Contains(body);
    }

    /// <summary>
    /// A listed abbreviation ("etc.", "Inc.") right before a line break or the end of the text also ends the
    /// sentence; EWT then splits the period off. Initials and dotted acronyms keep it.
    /// </summary>
    private static bool EndsParagraph(string t, int s, int e)
    {
        int j = e;
        while (j < t.Length && (t[j] == ' ' || t[j] == '\t')) j++;
        if (j < t.Length && t[j] != '\n' && t[j] != '\r') return false;
        ReadOnlySpan<char> body = t.AsSpan(s, e - 1 - s);
        return body.Length > 1 && !body.Contains('.') && !Abbreviations.Titles.Contains(t.AsSpan(s, e - s));
    }

    private static readonly string[] Emoticons = [":-)", ":-(", ":)", ":(", ";)", ";-)", ":D", ":P", ":p", "=)", "(:", "):", ":/", "<3", "^^", "^_^", ":-D", ":'("];

    private static int EmoticonLength(string t, int s, int e)
    {
        foreach (var em in Emoticons)
            if (e - s >= em.Length && string.CompareOrdinal(t, s, em, 0, em.Length) == 0
                && (s + em.Length == e || !char.IsLetterOrDigit(t[s + em.Length]) || em[0] == ':' && em.Length == 2 && !char.IsLetter(em[1])))
                return em.Length;
        return 0;
    }

    private static int TrailingEmoticonLength(string t, int s, int e)
    {
        foreach (var em in Emoticons)
            if (e - s >= em.Length && string.CompareOrdinal(t, e - em.Length, em, 0, em.Length) == 0 && em[^1] is ')' or '(' or 'D' or 'P' or 'p' or '3' or '^' or '/')
            {
                if (em[^1] is 'D' or 'P' or 'p' or '3' or '/' && e - s > em.Length) continue; // "AT:D" or "a:/b" are not emoticons
                return em.Length;
            }
        return 0;
    }

    /// <summary>Splits a final clitic ('s, n't, 're, ...) off t[s..e); returns the core end and the clitic start.</summary>
    private static int SplitClitic(string t, int s, int e, out int cliticStart)
    {
        cliticStart = e;
        int len = e - s;
        if (len < 2) return e;
        // Special verb fusions, as UD EWT splits them.
        if (len == 6 && EqualsIgnoreCase(t, s, "cannot")) { cliticStart = s + 3; return s + 3; }
        if (len == 5 && (EqualsIgnoreCase(t, s, "gonna") || EqualsIgnoreCase(t, s, "wanna") || EqualsIgnoreCase(t, s, "gotta")))
        { cliticStart = s + 3; return s + 3; }
        // Contractions typed without apostrophe ("dont", "im"), which EWT splits like the real ones.
        if (len <= 8 && Abbreviations.ApostropheLessContractions.TryGetValue(t.AsSpan(s, len), out int splitAt))
        {
            cliticStart = s + splitAt; return s + splitAt;
        }
        // n't
        if (len >= 4 && IsApostrophe(t[e - 2]) && (t[e - 1] == 't' || t[e - 1] == 'T') && (t[e - 3] == 'n' || t[e - 3] == 'N') && char.IsLetter(t[e - 4]))
        {
            cliticStart = e - 3; return e - 3;
        }
        int apo = -1;
        for (int i = e - 1; i > s && i >= e - 3; i--) if (IsApostrophe(t[i])) { apo = i; break; }
        if (apo > s && char.IsLetterOrDigit(t[apo - 1]))
        {
            int rest = e - apo - 1;
            char a = rest > 0 ? char.ToLowerInvariant(t[apo + 1]) : '\0';
            char b = rest > 1 ? char.ToLowerInvariant(t[apo + 2]) : '\0';
            bool clitic = (rest == 1 && (a == 's' || a == 'm' || a == 'd'))
                          || (rest == 2 && ((a == 'l' && b == 'l') || (a == 'r' && b == 'e') || (a == 'v' && b == 'e')));
            if (clitic) { cliticStart = apo; return apo; }
        }
        return e;
    }

    private static bool EqualsIgnoreCase(string t, int s, string word)
        => string.Compare(t, s, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0;

    internal static bool IsApostrophe(char c) => c == '\'' || c == '’' || c == '´';

    /// <summary>Splits inner hyphens, slashes, dashes, ellipses and number+unit joins, as EWT does.</summary>
    private static void SplitInfixes(string t, int s, int e, List<TextSpan> output)
    {
        int tokenStart = s;
        int i = s;
        bool phoneLike = IsPhoneOrCode(t, s, e) || IsConnectedName(t, s, e);
        while (i < e)
        {
            char c = t[i];
            int sepLen = 0;
            if ((c == '-' || c == '–') && !phoneLike)
            {
                if (i + 1 < e && t[i + 1] == '-') { sepLen = 2; while (i + sepLen < e && t[i + sepLen] == '-') sepLen++; }
                else if (IsPhoneGroup(t, tokenStart, i, e)) sepLen = 0;
                else if (i > tokenStart && i + 1 < e && char.IsLetterOrDigit(t[i - 1]) && char.IsLetterOrDigit(t[i + 1]) && !KeepsHyphen(t, tokenStart, i)) sepLen = 1;
            }
            else if (c == '+' && i > tokenStart && i + 1 < e && char.IsDigit(t[i - 1]) && char.IsLetter(t[i + 1]))
            {
                sepLen = 1;
            }
            else if ((c == '"' || c == '<' || c == ';' || c == '?' || c == '!') && i > tokenStart && i + 1 < e)
            {
                // Glued text after a quote, bracket or punctuation ("Ian"<ian@x.com>, "Uecker;explain"): restart.
                output.Add(new TextSpan(tokenStart, i));
                output.Add(new TextSpan(i, i + 1));
                TokenizeChunk(t, i + 1, e, output);
                return;
            }
            else if (c == '—' || c == '…' || c == '"' || c == '“' || c == '”' || (c == '(' && i > tokenStart) || c == ')' && !HasUnclosedParen(t, tokenStart, i))
            {
                sepLen = 1;
            }
            else if (c == '/' && i > tokenStart && i + 1 < e && char.IsLetter(t[i - 1]) && char.IsLetter(t[i + 1]) && !(i - tokenStart == 1 || e - i == 2))
            {
                sepLen = 1; // and/or → and / or, but keep w/o, a/c
            }
            else if (c == '.' && i + 1 < e && t[i + 1] == '.' && i > tokenStart)
            {
                sepLen = 2;
                while (i + sepLen < e && t[i + sepLen] == '.') sepLen++;
            }
            else if (c == ',' && i > tokenStart && i + 1 < e && !(char.IsDigit(t[i - 1]) && char.IsDigit(t[i + 1])))
            {
                sepLen = 1;
            }
            else if (char.IsLetter(c) && i > tokenStart && char.IsDigit(t[i - 1]) && IsUnitAfterNumber(t, tokenStart, i, e))
            {
                output.Add(new TextSpan(tokenStart, i));
                tokenStart = i;
                i++;
                continue;
            }
            if (sepLen > 0)
            {
                if (i > tokenStart) output.Add(new TextSpan(tokenStart, i));
                output.Add(new TextSpan(i, i + sepLen));
                i += sepLen;
                tokenStart = i;
                continue;
            }
            i++;
        }
        if (e > tokenStart) output.Add(new TextSpan(tokenStart, e));
    }

    /// <summary>Phone numbers, dates and codes such as 713-853-3989 or 11-20-2000 keep their hyphens.</summary>
    private static bool IsPhoneOrCode(string t, int s, int e)
    {
        int hyphens = 0, digits = 0;
        for (int i = s; i < e; i++)
        {
            char c = t[i];
            if (c == '-') hyphens++;
            else if (char.IsDigit(c)) digits++;
            else if (!char.IsLetter(c) && c != '.' && c != '#') return false;
        }
        return hyphens >= 2 && digits >= 6;
    }

    /// <summary>
    /// Names joined by a short lower-case connector stay one token: "Tehrik-i-Taliban", "Jaish-e-Mohammed",
    /// "Hizb-ul-Mujahideen". (Plain hyphenated names such as "Bhutto-Zardari" split as in EWT.)
    /// </summary>
    private static bool IsConnectedName(string t, int s, int e)
    {
        if (e - s < 5 || !char.IsUpper(t[s])) return false;
        int first = t.IndexOf('-', s, e - s);
        if (first < 0) return false;
        int second = t.IndexOf('-', first + 1, e - first - 1);
        if (second < 0 || second - first - 1 is < 1 or > 3 || second + 1 >= e || !char.IsUpper(t[second + 1])) return false;
        for (int k = first + 1; k < second; k++) if (!char.IsLower(t[k])) return false;
        for (int k = s; k < e; k++) if (!char.IsLetter(t[k]) && t[k] != '-') return false;
        return true;
    }

    /// <summary>"828-3933" and ZIP+4 "20006-3700": 3 or 5 digits, hyphen, 4 digits.</summary>
    private static bool IsPhoneGroup(string t, int tokenStart, int hyphen, int e)
    {
        int left = 0, k = hyphen - 1;
        while (k >= tokenStart && char.IsDigit(t[k])) { left++; k--; }
        if (k >= tokenStart && t[k] != '/' && t[k] != ')') return false;
        int right = 0, j = hyphen + 1;
        while (j < e && char.IsDigit(t[j])) { right++; j++; }
        return (left == 3 || left == 5) && right == 4 && (j == e || !char.IsLetterOrDigit(t[j]));
    }

    private static bool KeepsHyphen(string t, int wordStart, int hyphen)
    {
        ReadOnlySpan<char> prefix = t.AsSpan(wordStart, hyphen - wordStart);
        if (prefix is "e" or "E" && hyphen + 1 < t.Length && !char.IsLower(t[hyphen + 1])) return false; // Lashkar-e-Toiba
        if (char.IsUpper(prefix[0]) && hyphen + 1 < t.Length && char.IsUpper(t[hyphen + 1])) return false; // Inter-Services Intelligence
        return Abbreviations.HyphenPrefixes.Contains(prefix);
    }

    private static bool IsUnitAfterNumber(string t, int tokenStart, int i, int e)
    {
        // "5kg", "$3M", "11:30am" split; "1980s", "5th", "2nd", "3D" stay whole.
        for (int k = tokenStart; k < i; k++) if (char.IsLetter(t[k])) return false;
        int j = i;
        while (j < e && char.IsLetter(t[j])) j++;
        if (j != e) return false;
        ReadOnlySpan<char> unit = t.AsSpan(i, j - i);
        if (unit.Length >= 3 && !unit.ContainsAnyInRange('a', 'z')) return true; // 22,101MMBTU
        return Abbreviations.UnitsAfterNumber.Contains(unit);
    }
}
