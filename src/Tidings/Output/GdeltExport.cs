using System.Globalization;
using Tidings.Extract.Events;

namespace Tidings.Output;

/// <summary>
/// Merged events as the GDELT 2.0 event table (61 tab-separated columns, no header, as GDELT publishes it) and the
/// GDELT 2.0 mentions table (16 columns), so GDELT loaders read them unchanged. What Tidings does not compute (tone,
/// actor geography, ethnic and religion codes) is left empty; geography codes are ISO 3166 and GeoNames ids where
/// GDELT has FIPS 10-4 and GNS ids (docs/events.md).
/// </summary>
public static class GdeltExport
{
    public static readonly IReadOnlyList<string> EventColumns =
    [
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
        .. ActorColumns("Actor1"), .. ActorColumns("Actor2"),
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone",
        .. GeoColumns("Actor1Geo"), .. GeoColumns("Actor2Geo"), .. GeoColumns("ActionGeo"),
        "DATEADDED", "SOURCEURL",
    ];

    public static readonly IReadOnlyList<string> MentionColumns =
    [
        "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
        "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
        "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
    ];

    private static string[] ActorColumns(string p) =>
        [$"{p}Code", $"{p}Name", $"{p}CountryCode", $"{p}KnownGroupCode", $"{p}EthnicCode", $"{p}Religion1Code", $"{p}Religion2Code",
         $"{p}Type1Code", $"{p}Type2Code", $"{p}Type3Code"];

    private static string[] GeoColumns(string p) =>
        [$"{p}_Type", $"{p}_FullName", $"{p}_CountryCode", $"{p}_ADM1Code", $"{p}_ADM2Code", $"{p}_Lat", $"{p}_Long", $"{p}_FeatureID"];

    /// <summary>GDELT's numeric GLOBALEVENTID from a Tidings event id ("ev" + 14 hex digits).</summary>
    public static long NumericId(string eventId) =>
        long.TryParse(eventId.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var n) ? n : eventId.GetHashCode() & long.MaxValue;

    public static void WriteEvents(TextWriter w, IEnumerable<(MergedEvent Event, IReadOnlyList<EventReport> Reports)> events)
    {
        foreach (var (e, reports) in events) WriteRow(w, EventRow(e, reports));
    }

    public static void WriteMentions(TextWriter w, IEnumerable<(MergedEvent Event, IReadOnlyList<EventReport> Reports)> events)
    {
        foreach (var (e, reports) in events)
            foreach (var r in reports) WriteRow(w, MentionRow(e, reports, r));
    }

    public static IReadOnlyList<string> EventRow(MergedEvent e, IReadOnlyList<EventReport> reports)
    {
        var day = EventDay(e, reports);
        var first = reports.FirstOrDefault();
        var row = new List<string>(EventColumns.Count)
        {
            Num(NumericId(e.Id)),
            day?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "",
            day?.ToString("yyyyMM", CultureInfo.InvariantCulture) ?? "",
            day?.ToString("yyyy", CultureInfo.InvariantCulture) ?? "",
            day is { } d ? (d.Year + (d.DayOfYear - 1) / 365.0).ToString("0.0000", CultureInfo.InvariantCulture) : "",
        };
        row.AddRange(ActorFields(e.Source));
        row.AddRange(ActorFields(e.Target));
        row.AddRange(
        [
            reports.Any(r => r.Lead) ? "1" : "0",
            e.Cameo, Goldstein.Base(e.Cameo), Goldstein.Root(e.Cameo),
            Num(e.Quad),
            Goldstein.Of(e.Cameo) is { } g ? g.ToString("0.0", CultureInfo.InvariantCulture) : "",
            Num(e.Mentions), Num(e.Outlets), Num(e.Articles),
            "",
        ]);
        row.AddRange(NoGeo);
        row.AddRange(NoGeo);
        row.AddRange(GeoFields(e.Place));
        row.Add(Stamp(first?.Published) ?? (day?.ToString("yyyyMMdd000000", CultureInfo.InvariantCulture) ?? ""));
        // As GDELT's MentionIdentifier: the URL, else an identifier of the document (the article id).
        row.Add(first is null ? "" : first.Url ?? first.ArticleId);
        return row;
    }

    public static IReadOnlyList<string> MentionRow(MergedEvent e, IReadOnlyList<EventReport> reports, EventReport r) =>
    [
        Num(NumericId(e.Id)),
        Stamp(reports.FirstOrDefault()?.Published) ?? "",
        Stamp(r.Published) ?? "",
        "1",
        r.Outlet ?? "",
        r.Url ?? r.ArticleId,
        Num(r.SentenceNumber),
        r.Mention.Source is { } s ? Num(s.Start) : "-1",
        r.Mention.Target is { } t ? Num(t.Start) : "-1",
        Num(r.Mention.Start),
        "1",
        Num((int)Math.Round(100 * Math.Clamp(r.Mention.Confidence, 0, 1))),
        Num(r.DocumentLength),
        "", "", "",
    ];

    /// <summary>The event's date; its first report's when the text gave none (GDELT's SQLDATE is never empty).</summary>
    public static DateOnly? EventDay(MergedEvent e, IReadOnlyList<EventReport> reports)
    {
        if (EventMerger.DayOf(e.Date) is { } day) return day;
        // A month or a year alone ("2022-12", "2010") stands for its first day.
        if (e.Date is { Length: >= 4 } partial && DateOnly.TryParseExact(partial.Length >= 7 ? partial[..7] + "-01" : partial[..4] + "-01-01",
                "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            return start;
        return reports.Select(r => r.Published).Min() is { } published ? DateOnly.FromDateTime(published.UtcDateTime) : null;
    }

    private static IEnumerable<string> ActorFields(EventActor? a) =>
        a is null ? Enumerable.Repeat("", 10) :
        [a.Code ?? "", (a.Name ?? a.Text).ToUpperInvariant(), a.Country ?? "", "", "", "", "", a.Sector ?? "", "", ""];

    private static readonly string[] NoGeo = ["0", "", "", "", "", "", "", ""];

    /// <summary>GDELT geography type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.</summary>
    private static IEnumerable<string> GeoFields(EventPlace? p)
    {
        if (p is null) return NoGeo;
        bool country = p.FeatureCode.StartsWith("PCL", StringComparison.Ordinal), state = p.FeatureCode == "ADM1";
        int type = country ? 1 : p.Country == "US" ? (state ? 2 : 3) : state ? 5 : 4;
        string countryName = CountryCodes.Name(p.Country);
        string fullName = country ? countryName : $"{p.Name}, {countryName}";
        return
        [
            Num(type), fullName, p.Country, country ? p.Country : p.Country + (p.Admin1 ?? ""), "",
            p.Lat.ToString("0.####", CultureInfo.InvariantCulture), p.Lon.ToString("0.####", CultureInfo.InvariantCulture),
            Num(p.GeonameId),
        ];
    }

    private static string? Stamp(DateTimeOffset? d) => d?.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    private static string Num(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Tabs and line breaks inside a value would break the table: they become spaces.</summary>
    private static void WriteRow(TextWriter w, IReadOnlyList<string> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0) w.Write('\t');
            w.Write(fields[i].Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' '));
        }
        w.Write('\n');
    }
}

/// <summary>ISO 3166 country names and alpha-3 codes from an alpha-2 code (the gazetteer's), falling back to the code itself.</summary>
public static class CountryCodes
{
    public static string Name(string alpha2) => Region(alpha2)?.EnglishName ?? alpha2;

    public static string Alpha3(string alpha2) => Region(alpha2)?.ThreeLetterISORegionName ?? alpha2;

    private static RegionInfo? Region(string alpha2)
    {
        if (alpha2.Length != 2) return null;
        try { return new RegionInfo(alpha2); }
        catch (ArgumentException) { return null; }
    }
}
