using System.Globalization;

namespace Tidings.Extract.Events.Petrarch;

/// <summary>An actor code, possibly restricted to dates (bounds inclusive, as in PETRARCH's get_actor_code).</summary>
public sealed record ActorCode(string Code, DateOnly? From, DateOnly? To)
{
    public bool IsRestricted => From is not null || To is not null;

    public bool Covers(DateOnly date) => (From is null || date >= From) && (To is null || date <= To);
}

/// <summary>One actor entry: its root phrase (the first line) and its codes in file order.</summary>
public sealed record ActorEntry(string Root, IReadOnlyList<ActorCode> Codes, string File, int Line)
{
    /// <summary>
    /// PETRARCH's rule: the first date restriction (in file order) that holds on the date wins; otherwise the first
    /// unrestricted code; otherwise the null code "---". Without a date only unrestricted codes apply.
    /// </summary>
    public string CodeOn(DateOnly? date)
    {
        if (date is { } d)
            foreach (var code in Codes)
                if (code.IsRestricted && code.Covers(d)) return code.Code;
        foreach (var code in Codes)
            if (!code.IsRestricted) return code.Code;
        return PetrarchActorDictionary.NullCode;
    }
}

/// <summary>
/// Actor dictionaries in the PETRARCH-1/TABARI format (PETRreader.read_actor_dictionary), several files merged:
/// a root phrase with an optional [CODE], '+' synonym lines, and code lines (indented '[…]') holding a default code
/// or a date restriction: [CODE &lt;YYYYMMDD], [CODE &gt;YYYYMMDD], [CODE YYYYMMDD-YYYYMMDD] (YYMMDD allowed:
/// 00–30 → 20YY, else 19YY). Codes are upper-cased; "---" is the null code (matched, but no actor).
/// Root lines without a code share the codes of the entry that follows them. "---STOP---" ends a file.
/// </summary>
public sealed class PetrarchActorDictionary : IActorDictionary
{
    public const string NullCode = "---";

    private readonly PhraseIndex _index = new();
    private readonly List<ActorEntry> _entries = [];
    private readonly List<string> _phrases = [];
    private readonly List<int> _phraseEntry = [];

    public int EntryCount => _entries.Count;
    public int PhraseCount => _index.Count;
    public IReadOnlyList<ActorEntry> Entries => _entries;

    public ActorDictionaryMatch? Match(IReadOnlyList<string> words, int start, DateOnly? date) => Match(words, start, words.Count, date);

    /// <summary>As <see cref="Match(IReadOnlyList{string}, int, DateOnly?)"/> within words[..end] (a noun phrase's end).</summary>
    public ActorDictionaryMatch? Match(IReadOnlyList<string> words, int start, int end, DateOnly? date)
    {
        if (!_index.TryMatch(words, start, end, out int payload, out int length)) return null;
        return new ActorDictionaryMatch(length, _entries[_phraseEntry[payload]].CodeOn(date), _phrases[payload]);
    }

    public void Read(DictionaryFile file, List<DictionaryProblem> problems)
    {
        var pending = new List<(string Phrase, int Line)>();
        var codes = new List<ActorCode>();
        (string Root, int Line)? root = null;

        void Finish()
        {
            if (root is not { } r) return;
            if (codes.Count == 0)
                problems.Add(new DictionaryProblem(file.Name, r.Line, $"actor '{r.Root}' has no code; entry skipped"));
            else
            {
                _entries.Add(new ActorEntry(r.Root, codes.ToArray(), file.Name, r.Line));
                foreach (var (phrase, line) in pending) AddPhrase(phrase, _entries.Count - 1, file.Name, line, problems);
            }
            pending.Clear();
            codes.Clear();
            root = null;
        }

        foreach (var (number, text) in file.Lines)
        {
            if (text.Contains("---STOP---", StringComparison.Ordinal)) break;
            string trimmed = text.Trim();
            if (trimmed.StartsWith('['))
            {
                if (root is null) problems.Add(new DictionaryProblem(file.Name, number, "code line without an actor before it; line skipped"));
                else ReadCodes(trimmed, codes, file.Name, number, problems);
                continue;
            }
            int bracket = trimmed.IndexOf('[');
            string phrase = (bracket >= 0 ? trimmed[..bracket] : trimmed).Trim();
            if (trimmed.StartsWith('+'))
            {
                if (root is null) { problems.Add(new DictionaryProblem(file.Name, number, "synonym without an actor before it; line skipped")); continue; }
                pending.Add((phrase[1..].Trim(), number));
                if (bracket >= 0) ReadCodes(trimmed[bracket..], codes, file.Name, number, problems);
                continue;
            }
            if (phrase.Length == 0) { problems.Add(new DictionaryProblem(file.Name, number, "code without an actor phrase; line skipped")); continue; }
            // A root line without a code joins the next one: consecutive roots share the codes that follow them
            // (PETRARCH keeps the code index until codes appear; the Phoenix files list several names so).
            if (codes.Count > 0) Finish();
            root ??= (phrase, number);
            pending.Add((phrase, number));
            if (bracket >= 0) ReadCodes(trimmed[bracket..], codes, file.Name, number, problems);
        }
        Finish();
    }

    private void AddPhrase(string phrase, int entry, string file, int line, List<DictionaryProblem> problems)
    {
        if (phrase.Length == 0 || !_index.Add(phrase, _phrases.Count))
        {
            problems.Add(new DictionaryProblem(file, line, "empty actor phrase; line skipped"));
            return;
        }
        _phrases.Add(phrase.ToUpperInvariant());
        _phraseEntry.Add(entry);
    }

    /// <summary>Reads every [CODE restriction] group of a line.</summary>
    private static void ReadCodes(string text, List<ActorCode> codes, string file, int line, List<DictionaryProblem> problems)
    {
        int open = text.IndexOf('[');
        while (open >= 0)
        {
            int close = text.IndexOf(']', open + 1);
            if (close < 0) { problems.Add(new DictionaryProblem(file, line, "missing ']' in a code; line skipped")); return; }
            string inside = text[(open + 1)..close].Trim();
            var code = ParseCode(inside, out string? error);
            if (code is null) problems.Add(new DictionaryProblem(file, line, $"{error} in [{inside}]; code skipped"));
            else codes.Add(code);
            open = text.IndexOf('[', close + 1);
        }
    }

    internal static ActorCode? ParseCode(string inside, out string? error)
    {
        error = null;
        int space = inside.IndexOfAny([' ', '\t']);
        string code = (space < 0 ? inside : inside[..space]).ToUpperInvariant();
        string rest = space < 0 ? "" : inside[(space + 1)..].Trim();
        if (code.Length == 0) { error = "empty code"; return null; }
        if (rest.Length == 0) return new ActorCode(code, null, null);
        if (rest[0] is '<' or '>')
        {
            if (!TryDate(rest[1..].Trim(), out var date)) { error = "date could not be read"; return null; }
            return rest[0] == '<' ? new ActorCode(code, null, date) : new ActorCode(code, date, null);
        }
        int dash = rest.IndexOf('-');
        if (dash < 0) { error = "a date needs '<', '>' or a range 'from-to'"; return null; }
        if (!TryDate(rest[..dash].Trim(), out var from) || !TryDate(rest[(dash + 1)..].Trim(), out var to)) { error = "date could not be read"; return null; }
        if (to < from) { error = "end date before start date"; return null; }
        return new ActorCode(code, from, to);
    }

    /// <summary>PETRARCH's dstr_to_ordate: YYMMDD when 7 characters or fewer (00–30 → 20YY), else the first 8 as YYYYMMDD.</summary>
    internal static bool TryDate(string digits, out DateOnly date)
    {
        date = default;
        if (digits.Length < 6 || !digits.All(char.IsAsciiDigit)) return false;
        int year, month, day;
        if (digits.Length > 7)
        {
            year = int.Parse(digits.AsSpan(0, 4), CultureInfo.InvariantCulture);
            month = int.Parse(digits.AsSpan(4, 2), CultureInfo.InvariantCulture);
            day = int.Parse(digits.AsSpan(6, 2), CultureInfo.InvariantCulture);
        }
        else
        {
            year = int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
            year += year <= 30 ? 2000 : 1900;
            month = int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture);
            day = int.Parse(digits.AsSpan(4, 2), CultureInfo.InvariantCulture);
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }
}
