using System.Globalization;
using System.Text.RegularExpressions;
using Tidings.Documents;
using Tidings.Pipeline;

namespace Tidings.Cleaning;

/// <summary>
/// Finds the dateline at the start of the first body paragraph — "WASHINGTON:", "KABUL (AP) —",
/// "ISLAMABAD, Dec 8 (Reuters) -", "LONDON, Dec. 8, 2022 /PRNewswire/ --",
/// "WASHINGTON, (UrduPoint / Pakistan Point News - 8th Dec, 2022 ) :" — records its place, outlet and date,
/// and starts the body after it.
/// </summary>
public sealed partial class DatelineParser : IArticleStage
{
    public string Name => "dateline";

    // Words that open a paragraph in capitals followed by a colon but are not places.
    private static readonly HashSet<string> NotPlaces = new(StringComparer.OrdinalIgnoreCase)
    {
        "BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "LIVE", "OPINION", "ANALYSIS", "EDITORIAL",
        "NOTE", "PHOTO", "PHOTOS", "VIDEO", "FILE", "CORRECTION", "ADVERTISEMENT", "ALERT", "FLASH", "URGENT",
        "EDITOR'S NOTE", "Q", "A", "UPDATE 1", "REVIEW", "COMMENT", "SPONSORED", "READ", "ALSO READ",
    };

    [GeneratedRegex(
        @"^(?<place>[A-Z][A-Za-z'.\-]*(?:[ \-][A-Z][A-Za-z'.\-]*){0,3})" +
        @"(?:,\s*(?<region>(?!" + NewsDate.MonthPattern + @"\s*\d)[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?))?" +
        @"(?:,?\s*(?<date>" + NewsDate.DatePattern + @"))?" +
        @"(?:,?\s*\((?<paren>[^()\n]{1,100})\))?" +
        @"(?:\s*/(?<wire>[A-Za-z][A-Za-z .\-]{1,40})/)?" +
        @"\s*(?<sep>:|--|-|\u2014|\u2013|\uFFFD)\s*",
        RegexOptions.CultureInvariant)]
    private static partial Regex DatelineRegex();

    [GeneratedRegex(@"^(?<outlet>.*?)\s+[-\u2013\u2014]\s+(?<date>[^-\u2013\u2014]+?)\s*$")]
    private static partial Regex OutletAndDateRegex();

    public void Process(Article article)
    {
        if (article.Body.Count == 0) return;
        var first = article.Body[0];
        var m = DatelineRegex().Match(article.Text, first.Start, Math.Min(first.Length, 200));
        if (!m.Success) return;

        string place = m.Groups["place"].Value;
        bool hasDate = m.Groups["date"].Success, hasParen = m.Groups["paren"].Success, hasWire = m.Groups["wire"].Success;
        bool allCaps = place.Any(char.IsLetter) && !place.Any(char.IsLower);
        // A title-case opening ("Islamabad, December 8:") is a dateline only with a date or an agency; all
        // capitals suffice on their own ("WASHINGTON:").
        if (!allCaps && !hasDate && !hasParen && !hasWire) return;
        if (allCaps && place.Count(char.IsLetter) < 2) return;
        if (NotPlaces.Contains(place)) return;
        if (m.Groups["sep"].Value == "-" && !hasDate && !hasParen && !hasWire && !place.Contains(' ')
            && m.Index + m.Length < first.End && !char.IsWhiteSpace(article.Text[m.Index + m.Length - 1]))
            return; // "US-led coalition" is not "US -"
        int end = m.Index + m.Length;
        if (end >= first.End) return; // a paragraph that is only a dateline-like line is not a dateline

        DateOnly? reference = article.Published is { } p ? DateOnly.FromDateTime(p.UtcDateTime) : null;
        string? outlet = null;
        DateOnly? date = null;
        if (hasDate && NewsDate.TryParse(m.Groups["date"].Value, reference, out var d1)) date = d1;
        if (hasParen)
        {
            string paren = m.Groups["paren"].Value.Trim();
            var od = OutletAndDateRegex().Match(paren);
            if (od.Success && NewsDate.TryParse(od.Groups["date"].Value, reference, out var d2))
            {
                outlet = od.Groups["outlet"].Value.Trim();
                date ??= d2;
            }
            else if (NewsDate.TryParse(paren, reference, out var d3)) date ??= d3;
            else outlet = paren;
        }
        if (hasWire) outlet ??= m.Groups["wire"].Value.Trim();

        string placeName = allCaps && place.Length > 3 ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(place.ToLowerInvariant()) : place;
        var text = article.Text[m.Index..end].TrimEnd();
        article.Dateline = new Dateline(m.Index, m.Index + text.Length, text, placeName, outlet, date);
        article.Outlet ??= outlet;
        if (article.Published is null && date is { } dd)
        {
            article.Published = new DateTimeOffset(dd.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            article.PublishedInferred = false;
        }
        article.Body[0] = new TextSpan(end, first.End);
    }
}
