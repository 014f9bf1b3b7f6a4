using System.Globalization;
using System.Text.RegularExpressions;
using static Tidings.Extract.Times.TimeVocabulary;

namespace Tidings.Extract.Times;

/// <summary>
/// Finds time expressions with a grammar of patterns over the text and normalizes them against an anchor
/// date. Where patterns overlap, the longest wins ("on December 1" over "December"). Thread-safe.
/// </summary>
public sealed partial class TimeExpressionRecognizer
{
    private delegate TimeMeaning? Interpret(Match m);

    private sealed record Rule(Regex Pattern, Interpret Meaning);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;
    private const RegexOptions CaseOptions = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static readonly Rule[] Rules = BuildRules();

    private readonly bool _includeAges;

    /// <param name="includeAges">Ages ("a 35-year-old man") are durations to a reader but TimeML does not mark them.</param>
    public TimeExpressionRecognizer(bool includeAges = true) => _includeAges = includeAges;

    public static TimeExpressionRecognizer Default { get; } = new();

    /// <summary>The recognizer with TimeML's conventions, for scoring against TimeML corpora.</summary>
    public static TimeExpressionRecognizer TimeMl { get; } = new(includeAges: false);

    /// <summary>All time expressions in the regions of <paramref name="text"/> (whole text when null), in order.</summary>
    public IReadOnlyList<TimeExpression> Recognize(string text, DateOnly? anchor, IReadOnlyList<(int Start, int End)>? regions = null)
    {
        var found = new List<(int Start, int End, int Rule, TimeMeaning Meaning)>();
        foreach (var (start, end) in regions ?? [(0, text.Length)])
        {
            for (int r = 0; r < Rules.Length; r++)
            {
                for (var m = Rules[r].Pattern.Match(text, start, end - start); m.Success; m = m.NextMatch())
                {
                    var g = m.Groups["t"].Success ? m.Groups["t"] : (Group)m;
                    if (g.Length == 0 || (!_includeAges && g.Value.EndsWith("-old", StringComparison.OrdinalIgnoreCase))) continue;
                    var meaning = Rules[r].Meaning(m);
                    if (meaning is not null) found.Add((g.Index, g.Index + g.Length, r, meaning));
                }
            }
        }
        // Longest first; then earliest rule. Keep what does not overlap an expression already kept.
        found.Sort((a, b) => (b.End - b.Start).CompareTo(a.End - a.Start) is var c && c != 0 ? c : a.Rule.CompareTo(b.Rule));
        var kept = new List<(int Start, int End, TimeMeaning Meaning)>();
        foreach (var f in found)
            if (!kept.Any(k => f.Start < k.End && k.Start < f.End)) kept.Add((f.Start, f.End, f.Meaning));
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        var result = new List<TimeExpression>(kept.Count);
        string? lastQuarter = null;
        foreach (var (s, e, meaning) in kept)
        {
            var (type, value, mod) = TimexResolver.Resolve(meaning, anchor, TenseCue.Of(text, s, e));
            // Results news compares a quarter with "a year earlier": the same quarter of the year before.
            if (QuarterValue().IsMatch(value)) lastQuarter = value;
            else if (lastQuarter is not null && meaning is RelativeMeaning { Unit: 'Y', Offset: -1 } && YearAgo().IsMatch(text[s..e]))
                value = (int.Parse(lastQuarter[..4], CultureInfo.InvariantCulture) - 1).ToString("D4", CultureInfo.InvariantCulture) + lastQuarter[4..];
            result.Add(new TimeExpression(s, e, text[s..e], type, value, mod));
        }
        return result;
    }

    [GeneratedRegex(@"^\d{4}-Q[1-4]$")]
    private static partial Regex QuarterValue();

    [GeneratedRegex(@"^an?\s+year\s+(?:ago|earlier)$", RegexOptions.IgnoreCase)]
    private static partial Regex YearAgo();

    private static Rule R(string pattern, Interpret meaning, bool caseSensitive = false) =>
        new(new Regex(pattern, caseSensitive ? CaseOptions : Options), meaning);

    private static int? Int(Group g) => g.Success && int.TryParse(g.Value.TrimEnd('s', 't', 'h', 'n', 'd', 'r'), out var v) ? v : null;

    private static int? DayNumber(Group g) => g.Success ? int.Parse(Regex.Match(g.Value, @"\d+").Value) : null;

    private static int Shift(Group g) => !g.Success ? 0 : g.Value.ToLowerInvariant() switch
    {
        "last" or "past" or "previous" => -1,
        "next" or "coming" => 1,
        _ => 0,
    };

    private static string? Mod(string? word) => word?.ToLowerInvariant() switch
    {
        "early" or "beginning" or "start" => "START",
        "mid" or "middle" => "MID",
        "late" or "end" => "END",
        _ => null,
    };

    private static Rule[] BuildRules() =>
    [
        // "Wednesday, Dec. 8, 2022", "December 1", "Dec 8"
        R($@"\b(?<t>(?:(?<wd>{Weekday}),?\s+)?(?<m>{Month})\s+(?<d>{Day})\b(?:,?\s+(?<y>{Year})\b)?)",
            m => m.Groups["y"].Success
                ? new CalendarMeaning(Int(m.Groups["y"]), MonthNumber(m.Groups["m"].Value), DayNumber(m.Groups["d"]))
                : new MonthMeaning(MonthNumber(m.Groups["m"].Value), DayNumber(m.Groups["d"]), 0), caseSensitive: true),
        // "8th Dec, 2022", "the 8th of December", "8 December 2022"
        R($@"\b(?<t>(?:the\s+)?(?<d>{Day})(?:\s+of)?\s+(?<m>{Month})\b(?:,?\s+(?<y>{Year})\b)?)",
            m => m.Groups["y"].Success
                ? new CalendarMeaning(Int(m.Groups["y"]), MonthNumber(m.Groups["m"].Value), DayNumber(m.Groups["d"]))
                : new MonthMeaning(MonthNumber(m.Groups["m"].Value), DayNumber(m.Groups["d"]), 0), caseSensitive: true),
        // "January nineteen ninety-seven", "nineteen ninety-six", "the year two thousand"
        R($@"\b(?<t>(?:(?<m>{MonthFull})\s+)?(?<y>{SpelledYear}))\b",
            m => new CalendarMeaning(ParseSpelledYear(m.Groups["y"].Value), m.Groups["m"].Success ? MonthNumber(m.Groups["m"].Value) : null, null)),
        // "the nineties", "the 20th century", "the twentieth century"
        R($@"\b(?<t>the\s+(?<d>{DecadeWord}))\b", m => new FixedMeaning("DATE", "19" + DecadeDigit(m.Groups["d"].Value))),
        R(@"\b(?<t>(?:the\s+)?(?:(?<n>1\d|2\d|[1-9])(?:st|nd|rd|th)|(?<w>nineteenth|twentieth|twenty-first))\s+century)\b", m =>
        {
            int n = m.Groups["n"].Success ? int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture)
                : m.Groups["w"].Value.ToLowerInvariant() switch { "nineteenth" => 19, "twentieth" => 20, _ => 21 };
            return new FixedMeaning("DATE", (n - 1).ToString("D2", CultureInfo.InvariantCulture));
        }),
        // "December 2022", "Dec. 2022"
        R($@"\b(?<t>(?<m>{Month}),?\s+(?<y>{Year}))\b",
            m => new CalendarMeaning(Int(m.Groups["y"]), MonthNumber(m.Groups["m"].Value), null), caseSensitive: true),
        // ISO and numeric dates
        R(@"\b(?<t>(?<y>(?:19|20)\d\d)-(?<mo>0[1-9]|1[0-2])-(?<d>0[1-9]|[12]\d|3[01]))\b",
            m => new CalendarMeaning(Int(m.Groups["y"]), Int(m.Groups["mo"]), Int(m.Groups["d"]))),
        R(@"(?<![\d/])(?<t>(?<a>\d{1,2})/(?<b>\d{1,2})/(?<y>(?:19|20)?\d\d))(?![\d/])", NumericDate),
        R(@"\b(?<t>(?<y>(?:19|20)\d\d)(?<mo>0[1-9]|1[0-2])(?<d>0[1-9]|[12]\d|3[01]))\b",
            m => new CalendarMeaning(Int(m.Groups["y"]), Int(m.Groups["mo"]), Int(m.Groups["d"]))),
        // "mid-November", "early 2021", "late last year", "early this month"
        R($@"\b(?<t>(?<mod>early|mid|late)[- ]+(?:(?<m>{MonthFull})(?:,?\s+(?<y>{Year}))?|(?<y>{Year})\b|(?<rel>this|last|next)\s+(?<u>year|month|week)))",
            ModifiedPeriod),
        // "the end of the year", "the beginning of next month", "the middle of 2020"
        R($@"\b(?<t>the\s+(?<mod>beginning|start|end|middle)\s+of\s+(?:(?<rel>the|this|last|next)\s+)?(?:(?<u>year|month|week|decade)|(?<m>{MonthFull})|(?<y>{Year})))\b",
            ModifiedPeriod),
        // A month alone: "September", "in May", "last March"
        R(@"\b(?<t>(?<m>January|February|April|June|July|August|September|October|November|December))\b(?!\s+\d)",
            m => new MonthMeaning(MonthNumber(m.Groups["m"].Value), null, 0), caseSensitive: true),
        R(@"\b(?:in|since|until|by|during|from|through|before|after|early|late|of)\s+(?<t>(?<m>March|May))\b(?!\s+\d)",
            m => new MonthMeaning(MonthNumber(m.Groups["m"].Value), null, 0), caseSensitive: true),
        R($@"\b(?<t>(?<rel>last|next|this)\s+(?<m>{MonthFull}))\b",
            m => new MonthMeaning(MonthNumber(m.Groups["m"].Value), null, Shift(m.Groups["rel"]))),
        // Weekdays: "Monday", "last Friday", "Sunday night"
        R($@"\b(?<t>(?:(?<rel>last|next|this)\s+)?(?<wd>{Weekday})(?:\s+(?<p>{PartOfDay}))?)\b",
            m => new WeekdayMeaning(WeekdayOf(m.Groups["wd"].Value), Shift(m.Groups["rel"]), PartOfDayCode(m.Groups["p"].Success ? m.Groups["p"].Value : null))),
        // Days around the anchor
        R($@"\b(?<t>(?<w>yesterday|today|tomorrow)(?:\s+(?<p>{PartOfDay}))?)\b", m =>
        {
            int offset = m.Groups["w"].Value.ToLowerInvariant() switch { "yesterday" => -1, "tomorrow" => 1, _ => 0 };
            return new RelativeMeaning(offset, 'D', null, PartOfDayCode(m.Groups["p"].Success ? m.Groups["p"].Value : null));
        }),
        R(@"\b(?<t>tonight|last\s+night|this\s+(?<p>morning|afternoon|evening))\b", m =>
            m.Value.StartsWith("last", StringComparison.OrdinalIgnoreCase) ? new RelativeMeaning(-1, 'D', null, "NI")
            : new RelativeMeaning(0, 'D', null, PartOfDayCode(m.Groups["p"].Success ? m.Groups["p"].Value : "night"))),
        // "this week", "last year", "earlier this month", "the coming weekend"
        R(@"\b(?<t>(?:(?:earlier|later)\s+)?(?<rel>this|last|next|coming|current|previous)\s+(?<u>week|weekend|month|quarter|year|decade|century))\b", m =>
        {
            int shift = Shift(m.Groups["rel"]);
            char unit = m.Groups["u"].Value.ToLowerInvariant() switch
            {
                "week" => 'W', "weekend" => 'E', "month" => 'M', "quarter" => 'Q', "decade" => 'X', "century" => 'C', _ => 'Y',
            };
            return new RelativeMeaning(shift, unit);
        }),
        // "the past week" is a stretch of time, not a calendar week
        R($@"\b(?<t>(?:the\s+)?(?:past|last|next|previous|coming|first|final)\s+(?:(?<n>{Number})\s+)?(?<u>{Unit}))\b", m =>
        {
            var n = m.Groups["n"].Success ? ParseNumber(m.Groups["n"].Value) : 1;
            if (!m.Groups["n"].Success && m.Value.StartsWith("last", StringComparison.OrdinalIgnoreCase)) return null; // "last year" is a date
            return new FixedMeaning("DURATION", Duration(n, m.Groups["u"].Value));
        }),
        // "three years ago", "a week ago"
        R($@"\b(?<t>(?<n>{Number})\s+(?<u>{Unit})\s+(?<dir>ago|earlier|before|later|after))\b", m =>
        {
            int sign = m.Groups["dir"].Value.ToLowerInvariant() is "later" or "after" ? 1 : -1;
            var n = ParseNumber(m.Groups["n"].Value);
            if (n is null) return new FixedMeaning("DATE", sign < 0 ? "PAST_REF" : "FUTURE_REF");
            var (letter, factor, time) = UnitOf(m.Groups["u"].Value);
            if (time) return new FixedMeaning("DATE", sign < 0 ? "PAST_REF" : "FUTURE_REF");
            return new RelativeMeaning(sign * (int)(n.Value * factor), letter == 'D' ? 'D' : letter == 'W' ? 'W' : letter == 'M' ? 'M' : 'Y');
        }),
        // Durations: "a decade and a half", "two weeks", "more than 20 years", "five-year", "10-year-old"
        R($@"\b(?<t>(?:(?<q>more than|less than|fewer than|at least|nearly|almost|about|around|some|over|up to|roughly|approximately)\s+)?(?<n>{Number})[- ](?<u>{Unit})(?<half>\s+and\s+a\s+half)?(?<old>-old)?)\b", m =>
        {
            var n = ParseNumber(m.Groups["n"].Value);
            var value = Duration(n, m.Groups["u"].Value, m.Groups["half"].Success ? 0.5 : 0);
            return new FixedMeaning("DURATION", value, Qualifier(m.Groups["q"].Success ? m.Groups["q"].Value : null));
        }),
        R($@"(?:\b(?:for|in|over|within|after)\s+)(?<t>(?<u>decades|years|months|weeks|days|hours|centuries))\b(?!\s+(?:of|ago))",
            m => new FixedMeaning("DURATION", Duration(null, m.Groups["u"].Value))),
        // Years and decades: "2010", "in 1998", "the 1990s"
        R($@"(?<![\d$£€.,#/-])(?<t>(?:the\s+)?(?<y>{Year})s?)(?![\d%/-]|\s?(?:percent|per cent|pc\b|km|miles|people|troops|votes))", m =>
            m.Value.EndsWith('s') ? new FixedMeaning("DATE", m.Groups["y"].Value[..3]) : new CalendarMeaning(Int(m.Groups["y"]), null, null)),
        // Quarters and seasons
        R(@"\b(?<t>(?:the\s+)?(?<q>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter)\b(?:\s+of\s+(?<y>(?:19|20)\d\d))?",
            m => new QuarterMeaning(m.Groups["q"].Value[0] switch { 'f' or 'F' when m.Groups["q"].Value.StartsWith("fi", StringComparison.OrdinalIgnoreCase) => 1, '1' => 1, 's' or 'S' or '2' => 2, 't' or 'T' or '3' => 3, _ => 4 }, Int(m.Groups["y"]))),
        R(@"\b(?<t>(?:(?<rel>this|last|next|past)\s+)?(?<s>spring|summer|autumn|fall|winter)(?:\s+of\s+(?<y>(?:19|20)\d\d))?)\b", m =>
        {
            if (!m.Groups["rel"].Success && !m.Groups["y"].Success) return null;
            string code = m.Groups["s"].Value.ToLowerInvariant() switch { "spring" => "SP", "summer" => "SU", "winter" => "WI", _ => "FA" };
            return new SeasonMeaning(code, Int(m.Groups["y"]), Shift(m.Groups["rel"]));
        }),
        // A clock time on a named day: "9 a.m. Tuesday", "4 a.m. EDT Thursday", "noon Saturday", "10 p.m. yesterday"
        R($@"\b(?<t>(?:(?<h>1[0-2]|0?[1-9])(?::(?<mi>[0-5]\d))?\s*(?<ap>[ap])\.?m\.?|(?<noon>noon|midnight))(?:\s+{TimeZone})?,?\s+(?:on\s+)?(?<day>{Weekday}|yesterday|today|tomorrow))\b",
            ClockOnDay),
        // Clock times: "10:15 a.m.", "3 p.m.", "noon"
        R($@"\b(?<t>(?<h>[01]?\d|2[0-3]):(?<mi>[0-5]\d)(?::[0-5]\d)?(?:\s*(?<ap>[ap])\.?m\.?)?(?:\s+{TimeZone})?)(?![\d:])", Clock),
        R(@"\b(?<t>(?<h>1[0-2]|0?[1-9])\s*(?<ap>[ap])\.m\.|(?<h>1[0-2]|0?[1-9])\s*(?<ap>[ap])m\b)", Clock),
        R(@"\b(?<t>noon|midday|midnight)\b", m => new ClockMeaning(m.Value.StartsWith("mid", StringComparison.OrdinalIgnoreCase) && m.Value.Length == 8 ? 0 : 12, 0)),
        // References
        // References, kept to the words TimeML annotators mark as such ("previously", "soon" mostly are not).
        R(@"\b(?<t>now|currently|at present|presently|nowadays|these days|at the moment)\b", _ => new FixedMeaning("DATE", "PRESENT_REF")),
        R(@"\b(?<t>recently|lately|recent\s+(?:days|weeks|months|years|times)|the\s+past)\b", _ => new FixedMeaning("DATE", "PAST_REF")),
        R(@"\b(?<t>the\s+future|the\s+coming\s+(?:days|weeks|months|years))\b", _ => new FixedMeaning("DATE", "FUTURE_REF")),
        // Reporting periods: "the latest quarter" is the last one completed, "the year-earlier quarter" the same one a year before.
        R(@"\b(?<t>the\s+(?:(?<ago>year-earlier|year-ago|year\s+earlier|comparable|corresponding)\s+|(?<latest>latest|most\s+recent|just-ended)\s+|recent\s+)?(?:quarter|period))\b",
            m => m.Value.EndsWith("period", StringComparison.OrdinalIgnoreCase) && !m.Groups["ago"].Success && !m.Groups["latest"].Success ? null
                : new RelativeMeaning(m.Groups["ago"].Success ? -5 : -1, 'Q')),
        // Fixed-date holidays
        R(@"\b(?<t>(?<h>Christmas(?:\s+Day)?|Christmas\s+Eve|New\s+Year's\s+(?:Day|Eve)|Independence\s+Day|Valentine's\s+Day|Halloween|Thanksgiving(?:\s+Day)?))\b", Holiday, caseSensitive: true),
        // Sets: "every year", "each Monday", "daily"
        R($@"\b(?<t>(?:every|each)\s+(?:(?<n>{Number})\s+)?(?<u>day|week|month|year|morning|night|evening|{Weekday}|{Unit}))\b", m =>
        {
            var u = m.Groups["u"].Value;
            if (Regex.IsMatch(u, Weekday, RegexOptions.IgnoreCase)) return new FixedMeaning("SET", $"XXXX-WXX-{(int)WeekdayOf(u) switch { 0 => 7, var d => d }}");
            if (PartOfDayCode(u) is { } part) return new FixedMeaning("SET", $"XXXX-XX-XXT{part}");
            var n = m.Groups["n"].Success ? ParseNumber(m.Groups["n"].Value) : 1;
            return new FixedMeaning("SET", Duration(n, u));
        }),
        R(@"\b(?<t>daily|weekly|monthly|yearly|hourly|nightly)\b", m => new FixedMeaning("SET", m.Value.ToLowerInvariant() switch
        {
            "daily" or "nightly" => "P1D", "weekly" => "P1W", "monthly" => "P1M", "hourly" => "PT1H", _ => "P1Y",
        })),
    ];

    private static TimeMeaning? Holiday(Match m)
    {
        var h = m.Groups["h"].Value;
        return h switch
        {
            _ when h.StartsWith("Christmas Eve", StringComparison.Ordinal) => new MonthMeaning(12, 24, 0),
            _ when h.StartsWith("Christmas", StringComparison.Ordinal) => new MonthMeaning(12, 25, 0),
            _ when h.EndsWith("Eve", StringComparison.Ordinal) => new MonthMeaning(12, 31, 0),
            _ when h.StartsWith("New Year", StringComparison.Ordinal) => new MonthMeaning(1, 1, 0),
            _ when h.StartsWith("Independence", StringComparison.Ordinal) => new MonthMeaning(7, 4, 0),
            _ when h.StartsWith("Valentine", StringComparison.Ordinal) => new MonthMeaning(2, 14, 0),
            _ when h.StartsWith("Halloween", StringComparison.Ordinal) => new MonthMeaning(10, 31, 0),
            _ => new ThanksgivingMeaning(),
        };
    }

    private static TimeMeaning? NumericDate(Match m)
    {
        int a = int.Parse(m.Groups["a"].Value), b = int.Parse(m.Groups["b"].Value);
        var yText = m.Groups["y"].Value;
        int y = int.Parse(yText);
        if (yText.Length == 2) y += y > 40 ? 1900 : 2000;
        // Month first (US) unless the first number cannot be a month.
        var (month, day) = a > 12 ? (b, a) : (a, b);
        if (month is < 1 or > 12 || day is < 1 or > 31) return null;
        return new CalendarMeaning(y, month, day);
    }

    private static TimeMeaning? ModifiedPeriod(Match m)
    {
        var mod = Mod(m.Groups["mod"].Value);
        if (m.Groups["m"].Success)
        {
            int month = MonthNumber(m.Groups["m"].Value);
            return m.Groups["y"].Success ? new CalendarMeaning(Int(m.Groups["y"]), month, null, mod) : new MonthMeaning(month, null, 0, mod);
        }
        if (m.Groups["y"].Success) return new CalendarMeaning(Int(m.Groups["y"]), null, null, mod);
        int shift = Shift(m.Groups["rel"]);
        char unit = m.Groups["u"].Value.ToLowerInvariant() switch { "month" => 'M', "week" => 'W', "decade" => 'X', _ => 'Y' };
        return new RelativeMeaning(shift, unit, mod);
    }

    private const string TimeZone = "(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC|PKT|IST|BST|CET)";

    private static TimeMeaning? ClockOnDay(Match m)
    {
        var day = m.Groups["day"].Value.ToLowerInvariant();
        TimeMeaning date = day switch
        {
            "yesterday" => new RelativeMeaning(-1, 'D'),
            "today" => new RelativeMeaning(0, 'D'),
            "tomorrow" => new RelativeMeaning(1, 'D'),
            _ => new WeekdayMeaning(WeekdayOf(day), 0),
        };
        if (m.Groups["noon"].Success) return new ClockMeaning(m.Groups["noon"].Value.Equals("noon", StringComparison.OrdinalIgnoreCase) ? 12 : 0, 0, date);
        return Clock(m) is ClockMeaning c ? c with { Date = date } : null;
    }

    private static TimeMeaning? Clock(Match m)
    {
        int h = int.Parse(m.Groups["h"].Value);
        int mi = m.Groups["mi"].Success ? int.Parse(m.Groups["mi"].Value) : 0;
        if (m.Groups["ap"].Success)
        {
            bool pm = char.ToLowerInvariant(m.Groups["ap"].Value[0]) == 'p';
            if (h == 12) h = pm ? 12 : 0;
            else if (pm) h += 12;
        }
        else if (!m.Groups["mi"].Success) return null;
        return new ClockMeaning(h, mi);
    }

    private static string? Qualifier(string? q) => q?.ToLowerInvariant() switch
    {
        "more than" or "over" => "MORE_THAN",
        "less than" or "fewer than" or "up to" => "LESS_THAN",
        "at least" => "EQUAL_OR_MORE",
        "nearly" or "almost" => "LESS_THAN",
        "about" or "around" or "some" or "roughly" or "approximately" => "APPROX",
        _ => null,
    };
}
