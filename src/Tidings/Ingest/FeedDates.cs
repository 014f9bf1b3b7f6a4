using System.Globalization;
using System.Text.RegularExpressions;

namespace Tidings.Ingest;

/// <summary>
/// Parses the dates feeds and pages publish: RFC 822/1123 with or without weekday, seconds or a numeric
/// zone, named zones (EST, PKT, IST…), ISO 8601 in its variants, and the loose forms seen in the wild.
/// A wrong weekday is ignored rather than failing the date. Times without a zone are taken as UTC.
/// </summary>
public static partial class FeedDates
{
    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = "+00:00", ["UT"] = "+00:00", ["UTC"] = "+00:00", ["Z"] = "+00:00", ["WET"] = "+00:00",
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00", ["MST"] = "-07:00",
        ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00", ["AKST"] = "-09:00", ["HST"] = "-10:00",
        ["BST"] = "+01:00", ["CET"] = "+01:00", ["CEST"] = "+02:00", ["EET"] = "+02:00", ["EEST"] = "+03:00",
        ["MSK"] = "+03:00", ["IST"] = "+05:30", ["PKT"] = "+05:00", ["AFT"] = "+04:30", ["JST"] = "+09:00",
        ["KST"] = "+09:00", ["HKT"] = "+08:00", ["SGT"] = "+08:00", ["AEST"] = "+10:00", ["AEDT"] = "+11:00",
        ["NZST"] = "+12:00", ["NZDT"] = "+13:00", ["GST"] = "+04:00", ["AST"] = "+03:00", ["WIB"] = "+07:00",
    };

    private static readonly string[] Formats =
    [
        "d MMM yyyy H:mm:ss zzz", "d MMM yyyy H:mm zzz", "d MMM yy H:mm:ss zzz", "d MMM yy H:mm zzz",
        "d MMMM yyyy H:mm:ss zzz", "d MMMM yyyy H:mm zzz", "d MMM yyyy H:mm:ss", "d MMM yyyy H:mm", "d MMM yyyy",
        "MMM d yyyy H:mm:ss zzz", "MMM d yyyy h:mm tt zzz", "MMMM d yyyy h:mm tt zzz", "MMMM d yyyy h:mm tt",
        "MMM d yyyy h:mm tt", "MMMM d yyyy H:mm", "MMMM d yyyy", "MMM d yyyy", "MMM d yyyy H:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyyMMdd'T'HHmmsszzz",
        "yyyyMMdd", "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd", "dd.MM.yyyy HH:mm", "dd.MM.yyyy",
    ];

    [GeneratedRegex(@"^\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\s*\(?\b(?<z>[A-Z]{1,4})\)?\s*$")]
    private static partial Regex TrailingZone();

    [GeneratedRegex(@"(?<=\s)(?<sign>[+-])(?<h>\d{2}):?(?<m>\d{2})\s*$")]
    private static partial Regex NumericZone();

    [GeneratedRegex(@"(?<=\d)(?:st|nd|rd|th)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Ordinal();

    public static bool TryParse(string? input, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 100) return false;
        var s = input.Trim();
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value)
            && LooksIso(s))
            return true;

        s = Weekday().Replace(s, "");
        s = Ordinal().Replace(s, "");
        s = s.Replace(",", " ").Replace("  ", " ").Trim();
        s = Regex.Replace(s, @"\s+", " ");
        // "Sept" is not a .NET month abbreviation; "a.m." and "p.m." are not .NET designators.
        s = Regex.Replace(s, @"\bSept\b\.?", "Sep", RegexOptions.IgnoreCase);
        s = Regex.Replace(s, @"\b([ap])\.m\.", "$1m", RegexOptions.IgnoreCase);
        s = Regex.Replace(s, @"(?<=[A-Za-z]{3})\.(?=\s)", "");
        var zone = TrailingZone().Match(s);
        if (zone.Success && Zones.TryGetValue(zone.Groups["z"].Value, out var offset))
            s = s[..zone.Index].TrimEnd() + " " + offset;
        else
        {
            var numeric = NumericZone().Match(s);
            if (numeric.Success)
                s = s[..numeric.Index] + $"{numeric.Groups["sign"].Value}{numeric.Groups["h"].Value}:{numeric.Groups["m"].Value}";
        }
        if (DateTimeOffset.TryParseExact(s, Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value))
            return true;
        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value)
               && value.Year > 1900;
    }

    private static bool LooksIso(string s) => s.Length >= 10 && char.IsDigit(s[0]) && s[4] == '-';
}
