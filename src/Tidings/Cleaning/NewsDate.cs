using System.Text.RegularExpressions;

namespace Tidings.Cleaning;

/// <summary>Dates as news prints them in datelines: "8th Dec, 2022", "Dec. 8, 2022", "December 8", "2022-12-08".</summary>
public static partial class NewsDate
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["january"] = 1, ["feb"] = 2, ["february"] = 2, ["mar"] = 3, ["march"] = 3,
        ["apr"] = 4, ["april"] = 4, ["may"] = 5, ["jun"] = 6, ["june"] = 6, ["jul"] = 7, ["july"] = 7,
        ["aug"] = 8, ["august"] = 8, ["sep"] = 9, ["sept"] = 9, ["september"] = 9, ["oct"] = 10,
        ["october"] = 10, ["nov"] = 11, ["november"] = 11, ["dec"] = 12, ["december"] = 12,
    };

    /// <summary>Regex fragment matching a month name or abbreviation (with optional period).</summary>
    public const string MonthPattern =
        @"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

    /// <summary>Regex fragment matching a whole dateline date.</summary>
    public const string DatePattern =
        @"(?:\d{1,2}(?:st|nd|rd|th)?\s+" + MonthPattern + @",?\s+\d{4}" +
        @"|" + MonthPattern + @"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?" +
        @"|\d{4}-\d{2}-\d{2})";

    [GeneratedRegex(@"^\s*(?:(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?<m>[A-Za-z]+)\.?,?\s+(?<y>\d{4})|(?<m>[A-Za-z]+)\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<y>\d{4}))?|(?<y>\d{4})-(?<mn>\d{2})-(?<d>\d{2}))\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DateRegex();

    /// <summary>
    /// Parses a dateline date. A date without a year takes the year of <paramref name="reference"/> when given
    /// (a December 30 dateline on a January 2 publication belongs to the year before); otherwise it fails.
    /// </summary>
    public static bool TryParse(string text, DateOnly? reference, out DateOnly date)
    {
        date = default;
        var m = DateRegex().Match(text);
        if (!m.Success) return false;
        int month;
        if (m.Groups["mn"].Success) month = int.Parse(m.Groups["mn"].Value);
        else if (!Months.TryGetValue(m.Groups["m"].Value, out month)) return false;
        int day = int.Parse(m.Groups["d"].Value);
        int year;
        if (m.Groups["y"].Success) year = int.Parse(m.Groups["y"].Value);
        else if (reference is { } r)
        {
            year = r.Year;
            if (month - r.Month > 6) year--;
            else if (r.Month - month > 6) year++;
        }
        else return false;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }
}
