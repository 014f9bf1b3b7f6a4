namespace Tidings.Extract.Times;

/// <summary>Words of time: months, weekdays, number words and units, as regex fragments and lookups.</summary>
internal static class TimeVocabulary
{
    public const string MonthFull = "January|February|March|April|May|June|July|August|September|October|November|December";
    public const string MonthAbbr = @"Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?";
    public const string Month = "(?:" + MonthFull + "|" + MonthAbbr + ")";
    public const string Weekday = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    public const string Day = @"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?";
    public const string Year = @"(?:1[6-9]\d\d|20\d\d)";
    public const string NumberWord =
        "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a|an|several|a few|a couple of|dozens of|a dozen)";
    public const string Number = @"(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|eight|nine)|" + NumberWord + ")";
    public const string Unit = "(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))";
    public const string PartOfDay = "(?:morning|afternoon|evening|night)";

    /// <summary>Years as broadcasts say them: "nineteen ninety-six", "the year two thousand".</summary>
    public const string SpelledYear =
        @"(?:nineteen[- ](?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:the\s+)?year\s+two\s+thousand)";

    /// <summary>The year a <see cref="SpelledYear"/> names.</summary>
    public static int ParseSpelledYear(string text)
    {
        var t = text.ToLowerInvariant();
        if (t.Contains("thousand")) return 2000;
        var rest = t[(t.IndexOf("nineteen", StringComparison.Ordinal) + "nineteen".Length)..].Trim(' ', '-');
        return 1900 + (int)(ParseNumber(rest) ?? 0);
    }

    public const string DecadeWord = "(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)";

    /// <summary>"nineties" → 9 (the decade digit of the 1990s).</summary>
    public static int DecadeDigit(string word) => (int)(ParseNumber(word.ToLowerInvariant()[..^3] + "y") ?? 0) / 10;

    private static readonly Dictionary<string, int> Numbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13,
        ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70,
        ["eighty"] = 80, ["ninety"] = 90, ["hundred"] = 100, ["a dozen"] = 12, ["a couple of"] = 2,
    };

    /// <summary>The number a phrase names, or null for vague amounts ("several", "a few").</summary>
    public static double? ParseNumber(string text)
    {
        var t = text.Trim();
        if (double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)) return d;
        if (Numbers.TryGetValue(t, out var n)) return n;
        var parts = t.Split('-', ' ');
        if (parts.Length == 2 && Numbers.TryGetValue(parts[0], out var tens) && Numbers.TryGetValue(parts[1], out var ones) && tens >= 20) return tens + ones;
        return null;
    }

    public static int MonthNumber(string text)
    {
        var t = text.TrimEnd('.').ToLowerInvariant();
        string[] names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        return Array.IndexOf(names, t.Length >= 3 ? t[..3] : t) + 1;
    }

    public static DayOfWeek WeekdayOf(string text) => Enum.Parse<DayOfWeek>(text, ignoreCase: true);

    /// <summary>The TIMEX3 duration letter and multiplier of a unit word ("decade" → 10 Y).</summary>
    public static (char Letter, int Factor, bool Time) UnitOf(string unit)
    {
        var u = unit.ToLowerInvariant();
        return u switch
        {
            _ when u.StartsWith("second", StringComparison.Ordinal) => ('S', 1, true),
            _ when u.StartsWith("minute", StringComparison.Ordinal) => ('M', 1, true),
            _ when u.StartsWith("hour", StringComparison.Ordinal) => ('H', 1, true),
            _ when u.StartsWith("day", StringComparison.Ordinal) => ('D', 1, false),
            _ when u.StartsWith("fortnight", StringComparison.Ordinal) => ('W', 2, false),
            _ when u.StartsWith("week", StringComparison.Ordinal) => ('W', 1, false),
            _ when u.StartsWith("month", StringComparison.Ordinal) => ('M', 1, false),
            _ when u.StartsWith("quarter", StringComparison.Ordinal) => ('M', 3, false),
            _ when u.StartsWith("decade", StringComparison.Ordinal) => ('Y', 10, false),
            _ when u.StartsWith("centur", StringComparison.Ordinal) => ('Y', 100, false),
            _ => ('Y', 1, false),
        };
    }

    /// <summary>A duration value: "P15Y", "PT5H", "PXY" when the amount is vague.</summary>
    public static string Duration(double? amount, string unit, double extra = 0)
    {
        var (letter, factor, time) = UnitOf(unit);
        string n = amount is { } a ? FormatAmount((a + extra) * factor) : "X";
        return time ? $"PT{n}{letter}" : $"P{n}{letter}";
    }

    private static string FormatAmount(double v) =>
        Math.Abs(v - Math.Round(v)) < 1e-9 ? ((long)Math.Round(v)).ToString(System.Globalization.CultureInfo.InvariantCulture)
                                           : v.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    public static string? PartOfDayCode(string? part) => part?.ToLowerInvariant() switch
    {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" or "tonight" => "NI",
        _ => null,
    };
}
