using System.Text.Json;
using Tidings.Extract.Events;

namespace Tidings.Output;

/// <summary>
/// Event JSON (docs/schema.md): a mention as <c>analyze</c> writes it in an article's <c>events</c>, and a merged
/// event with its reports as <c>tidings events --json</c>, the JSON Lines export and the API write it.
/// </summary>
public static class EventJsonWriter
{
    /// <summary>One mention: <c>{start, end, text, plover, mode, context, cameo, quad, source, target, date, date_source, place, flags, confidence, event}</c>.</summary>
    public static void WriteMention(Utf8JsonWriter w, EventMention m)
    {
        w.WriteStartObject();
        w.WriteNumber("start", m.Start);
        w.WriteNumber("end", m.End);
        w.WriteString("text", m.Text);
        WriteCoding(w, m.Plover, m.Mode, m.Context, m.Cameo, m.Quad);
        WriteActor(w, "source", m.Source, mention: true);
        WriteActor(w, "target", m.Target, mention: true);
        w.WriteString("date", m.Date);
        w.WriteString("date_source", m.DateSource);
        WritePlace(w, m.Place, m.PlaceSource);
        JsonFields.Strings(w, "flags", m.Flags);
        w.WriteNumber("confidence", Math.Round(m.Confidence, 4));
        w.WriteString("event", m.Event);
        w.WriteEndObject();
    }

    /// <summary>What an event codes to, the same for a mention and a merged event.</summary>
    private static void WriteCoding(Utf8JsonWriter w, string plover, string? mode, string? context, string cameo, int quad)
    {
        w.WriteString("plover", plover);
        w.WriteString("mode", mode);
        w.WriteString("context", context);
        w.WriteString("cameo", cameo);
        w.WriteNumber("quad", quad);
    }

    /// <summary>
    /// An actor object, or null. A mention's actor carries its offsets (the schema's {start, end, text, code, entity});
    /// a merged event's carries its canonical name, country and sector instead.
    /// </summary>
    private static void WriteActor(Utf8JsonWriter w, string name, EventActor? a, bool mention)
    {
        if (a is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        if (mention)
        {
            w.WriteNumber("start", a.Start);
            w.WriteNumber("end", a.End);
        }
        w.WriteString("text", a.Text);
        if (!mention) w.WriteString("name", a.Name);
        w.WriteString("code", a.Code);
        if (!mention)
        {
            w.WriteString("country", a.Country);
            w.WriteString("sector", a.Sector);
        }
        w.WriteString("entity", a.Entity);
        w.WriteEndObject();
    }

    /// <summary>The place object, or null; <c>source</c> says whether it came from the sentence or the dateline.</summary>
    private static void WritePlace(Utf8JsonWriter w, EventPlace? p, string? source)
    {
        if (p is null)
        {
            w.WriteNull("place");
            return;
        }
        w.WriteStartObject("place");
        if (source is not null)
        {
            w.WriteNumber("start", p.Start);
            w.WriteNumber("end", p.End);
            w.WriteString("text", p.Text);
        }
        JsonFields.Gazetteer(w, p.GeonameId, p.Name, p.Country, p.Admin1, p.Lat, p.Lon, p.FeatureCode);
        if (source is not null) w.WriteString("source", source);
        w.WriteEndObject();
    }

    /// <summary>A merged event; its reports (article, outlet, predicate and sentence offsets) when <paramref name="reports"/> is given.</summary>
    public static void WriteEvent(Utf8JsonWriter w, MergedEvent e, IReadOnlyList<EventReport>? reports = null)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteString("story", e.StoryId);
        WriteCoding(w, e.Plover, e.Mode, e.Context, e.Cameo, e.Quad);
        if (Goldstein.Of(e.Cameo) is { } g) w.WriteNumber("goldstein", g);
        else w.WriteNull("goldstein");
        WriteActor(w, "source", e.Source, mention: false);
        WriteActor(w, "target", e.Target, mention: false);
        w.WriteString("date", e.Date);
        WritePlace(w, e.Place, null);
        JsonFields.Strings(w, "flags", e.Flags);
        w.WriteNumber("confidence", Math.Round(e.Confidence, 4));
        w.WriteNumber("mentions", e.Mentions);
        w.WriteNumber("articles", e.Articles);
        w.WriteNumber("outlets", e.Outlets);
        w.WriteNumber("independent_outlets", e.IndependentOutlets);
        if (reports is not null)
        {
            w.WriteStartArray("reports");
            foreach (var r in reports)
            {
                w.WriteStartObject();
                w.WriteString("article", r.ArticleId);
                w.WriteString("outlet", r.Outlet);
                JsonFields.Date(w, "published", r.Published);
                w.WriteString("copy_of", r.CopyOf);
                w.WriteNumber("start", r.Mention.Start);
                w.WriteNumber("end", r.Mention.End);
                w.WriteString("text", r.Mention.Text);
                w.WriteNumber("sentence_start", r.Mention.SentenceStart);
                w.WriteNumber("sentence_end", r.Mention.SentenceEnd);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
