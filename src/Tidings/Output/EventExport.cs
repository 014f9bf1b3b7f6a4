using System.Globalization;
using System.Text;
using System.Text.Json;
using Tidings.Extract.Events;

namespace Tidings.Output;

/// <summary>
/// Merged events as PLOVER/POLECAT records (JSON Lines with the field names of the PLOVER manual's data-fields chapter),
/// as CSV (one row per event) and as Tidings' own JSON Lines (one event with its reports per line).
/// </summary>
public static class EventExport
{
    /// <summary>The fields the PLOVER manual marks as required.</summary>
    public static readonly IReadOnlyList<string> PloverRequiredFields = ["id", "date", "actor", "event"];

    public const string Coder = "Tidings";

    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "id", "story", "date", "plover", "mode", "context", "cameo", "quad", "goldstein",
        "source_code", "source_text", "source_name", "target_code", "target_text", "target_name",
        "place", "place_country", "place_geonameid", "lat", "lon",
        "flags", "confidence", "mentions", "articles", "outlets", "independent_outlets", "first_url",
    ];

    public static void WritePlover(Stream output, IEnumerable<(MergedEvent Event, IReadOnlyList<EventReport> Reports)> events, DateTimeOffset codedAt) =>
        WriteLines(output, events, (w, e, reports) => WritePloverRecord(w, e, reports, codedAt));

    public static void WriteJsonLines(Stream output, IEnumerable<(MergedEvent Event, IReadOnlyList<EventReport> Reports)> events) =>
        WriteLines(output, events, EventJsonWriter.WriteEvent);

    private static void WriteLines(Stream output, IEnumerable<(MergedEvent Event, IReadOnlyList<EventReport> Reports)> events,
        Action<Utf8JsonWriter, MergedEvent, IReadOnlyList<EventReport>> write)
    {
        using var w = new Utf8JsonWriter(output, ArticleJsonWriter.CompactOptions);
        foreach (var (e, reports) in events)
        {
            write(w, e, reports);
            w.Flush();
            w.Reset();
            output.WriteByte((byte)'\n');
        }
    }

    /// <summary>One PLOVER record: id, date, actor, recipient, event, event_loc, event_text, quad_code, event_scale, mode, context, link, text_info, cite_info, coder, coded_date — plus Tidings' cameo, flags and counts.</summary>
    public static void WritePloverRecord(Utf8JsonWriter w, MergedEvent e, IReadOnlyList<EventReport> reports, DateTimeOffset codedAt)
    {
        var first = reports.FirstOrDefault();
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteString("date", GdeltExport.EventDay(e, reports)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        WritePloverActors(w, "actor", e.Source);
        WritePloverActors(w, "recipient", e.Target);
        JsonFields.Strings(w, "event", [e.Plover]);
        if (e.Place is { } p)
        {
            w.WriteStartObject("event_loc");
            w.WriteString("extracted_place", p.Text);
            w.WriteString("resolved_place", p.Name);
            w.WriteNumber("geonameid", p.GeonameId);
            w.WriteNumber("lat", p.Lat);
            w.WriteNumber("lon", p.Lon);
            w.WriteString("country", CountryCodes.Name(p.Country));
            w.WriteString("country_code", CountryCodes.Alpha3(p.Country));
            w.WriteString("feature_class", FeatureClass(p.FeatureCode));
            w.WriteString("feature_code", p.FeatureCode);
            w.WriteNumber("resolution", p.FeatureCode.StartsWith("PCL", StringComparison.Ordinal) ? 1 : p.FeatureCode == "ADM1" ? 2 : p.FeatureCode == "ADM2" ? 3 : 4);
            w.WriteEndObject();
        }
        JsonFields.Strings(w, "event_text", reports.Select(r => r.Mention.Text).Distinct());
        w.WriteNumber("quad_code", e.Quad);
        if (Goldstein.Of(e.Cameo) is { } g) w.WriteNumber("event_scale", g);
        JsonFields.Strings(w, "mode", e.Mode is null ? [] : [e.Mode]);
        JsonFields.Strings(w, "context", e.Context is null ? [] : [e.Context]);
        if (e.StoryId is not null) w.WriteString("link", e.StoryId);
        if (first is not null)
        {
            w.WriteStartObject("text_info");
            w.WriteNumber("sequence", first.SentenceNumber);
            w.WriteNumber("start", first.Mention.SentenceStart);
            w.WriteNumber("end", first.Mention.SentenceEnd);
            w.WriteEndObject();
            w.WriteStartObject("cite_info");
            w.WriteString("citation", first.ArticleId);
            w.WriteString("url", first.Url);
            w.WriteString("publication", first.Outlet);
            w.WriteString("coder", Coder);
            w.WriteString("codebook", "plover");
            w.WriteEndObject();
        }
        w.WriteString("coder", Coder);
        w.WriteString("coded_date", codedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("cameo", e.Cameo);
        JsonFields.Strings(w, "flags", e.Flags);
        w.WriteNumber("num_mentions", e.Mentions);
        w.WriteNumber("num_articles", e.Articles);
        w.WriteNumber("num_sources", e.IndependentOutlets);
        w.WriteEndObject();
    }

    /// <summary>PLOVER's actor list: entity objects with code (country), sector and the text; empty when not known.</summary>
    private static void WritePloverActors(Utf8JsonWriter w, string name, EventActor? a)
    {
        w.WriteStartArray(name);
        if (a is not null)
        {
            w.WriteStartObject();
            w.WriteString("code", a.Country ?? a.Code);
            w.WriteString("sector", a.Sector);
            w.WriteString("entity_text", a.Text);
            w.WriteString("identifier_id", a.Entity);
            w.WriteString("identifier_text", a.Name);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>GeoNames' feature class of a feature code: A (country, state, region), P (populated place), else unknown.</summary>
    private static string? FeatureClass(string code) =>
        code.StartsWith("PCL", StringComparison.Ordinal) || code.StartsWith("ADM", StringComparison.Ordinal) ? "A"
        : code.StartsWith("PPL", StringComparison.Ordinal) ? "P" : null;

    public static void WriteCsv(TextWriter w, IEnumerable<(MergedEvent Event, IReadOnlyList<EventReport> Reports)> events)
    {
        WriteCsvRow(w, CsvColumns);
        foreach (var (e, reports) in events)
        {
            var p = e.Place;
            WriteCsvRow(w,
            [
                e.Id, e.StoryId ?? "", e.Date ?? "", e.Plover, e.Mode ?? "", e.Context ?? "", e.Cameo, Num(e.Quad),
                Goldstein.Of(e.Cameo)?.ToString("0.0", CultureInfo.InvariantCulture) ?? "",
                e.Source?.Code ?? "", e.Source?.Text ?? "", e.Source?.Name ?? "", e.Target?.Code ?? "", e.Target?.Text ?? "", e.Target?.Name ?? "",
                p?.Name ?? "", p?.Country ?? "", p is null ? "" : Num(p.GeonameId),
                p?.Lat.ToString(CultureInfo.InvariantCulture) ?? "", p?.Lon.ToString(CultureInfo.InvariantCulture) ?? "",
                string.Join(";", e.Flags), e.Confidence.ToString("0.####", CultureInfo.InvariantCulture),
                Num(e.Mentions), Num(e.Articles), Num(e.Outlets), Num(e.IndependentOutlets), reports.FirstOrDefault()?.Url ?? "",
            ]);
        }
    }

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.</summary>
    private static void WriteCsvRow(TextWriter w, IReadOnlyList<string> fields)
    {
        var line = new StringBuilder();
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0) line.Append(',');
            var f = fields[i];
            line.Append(f.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + f.Replace("\"", "\"\"") + "\"" : f);
        }
        line.Append("\r\n");
        w.Write(line);
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
