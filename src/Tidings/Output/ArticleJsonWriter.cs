using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tidings.Documents;
using Tidings.Extract.Entities;
using Tidings.Extract.Quotes;
using Tidings.Extract.Places;
using Tidings.Extract.Times;
using Tidings.Language;
using TextSpan = Tidings.Documents.TextSpan;
using Tidings.Storage;
using Tidings.Stories;

namespace Tidings.Output;

/// <summary>
/// Writes an article as one JSON object in the documented machine interface (docs/schema.md). Names are
/// stable: later stages add fields, none are renamed. Offsets are UTF-16 positions in <c>text</c>, end exclusive.
/// </summary>
public static class ArticleJsonWriter
{
    public const int SchemaVersion = 1;

    public static readonly JsonWriterOptions CompactOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    public static readonly JsonWriterOptions IndentedOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static void Write(Utf8JsonWriter w, Article a, IReadOnlyList<ArticleSource>? sources = null, StoryLink? story = null, bool tokens = false)
    {
        w.WriteStartObject();
        w.WriteNumber("schema_version", SchemaVersion);
        w.WriteString("id", a.Id);
        w.WriteString("source", a.Source);
        w.WriteString("format", a.Format.ToString().ToLowerInvariant());
        w.WriteString("url", a.Url);
        w.WriteString("title", a.Title);
        w.WriteString("outlet", a.Outlet);
        w.WriteString("author", a.Author);
        w.WriteString("language", a.Language);
        if (a.Published is { } p) w.WriteString("published", FormatPublished(p));
        else w.WriteNull("published");
        w.WriteBoolean("published_inferred", a.PublishedInferred);
        if (a.Dateline is { } d)
        {
            w.WriteStartObject("dateline");
            w.WriteString("text", d.Text);
            w.WriteString("place", d.Place);
            w.WriteString("outlet", d.Outlet);
            if (d.Date is { } dd) w.WriteString("date", dd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            else w.WriteNull("date");
            w.WriteNumber("start", d.Start);
            w.WriteNumber("end", d.End);
            w.WriteEndObject();
        }
        else w.WriteNull("dateline");
        w.WriteString("text", a.Text);
        if (a.Headline is { } h) WriteSpan(w, "headline", h);
        else w.WriteNull("headline");
        w.WriteStartArray("body");
        foreach (var s in a.Body) WriteSpan(w, null, s);
        w.WriteEndArray();
        WriteSpans(w, "boilerplate", a.Boilerplate, b => (b.Start, b.End), (w, b) => w.WriteString("reason", b.Reason));
        if (sources is not null)
        {
            w.WriteStartArray("sources");
            foreach (var s in sources)
            {
                w.WriteStartObject();
                w.WriteString("source", s.Source);
                w.WriteString("url", s.Url);
                w.WriteString("outlet", s.Outlet);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (a.Layers.Get<Sentence>(LanguageStage.Sentences) is { } sentences)
            WriteSpans(w, "sentences", sentences, s => (s.Start, s.End), null);
        if (a.Layers.Get<EntitySpan>(LanguageStage.Entities) is { } entities)
        {
            var refs = a.Layers.Get<EntityRef>(EntityLinker.RefsLayer);
            WriteSpans(w, "entities", entities, e => (e.Start, e.End), (w, e) =>
            {
                w.WriteString("text", e.Text);
                w.WriteString("type", e.Type);
                if (refs is null) return;
                // The global entity (entities stage): its id and canonical name; null when not linked.
                var r = refs.FirstOrDefault(x => x.Start == e.Start && x.End == e.End);
                w.WriteString("entity", r.Entity);
                w.WriteString("name", r.Name);
            });
        }
        if (tokens && a.Layers.Get<Token>(LanguageStage.Tokens) is { } tokenList)
            WriteSpans(w, "tokens", tokenList, t => (t.Start, t.End), (w, t) =>
            {
                w.WriteString("upos", t.Upos);
                w.WriteString("xpos", t.Xpos);
                w.WriteString("lemma", t.Lemma);
                w.WriteString("ner", t.Ner);
                if (t.Head < 0) return;
                w.WriteNumber("head", t.Head);
                w.WriteString("deprel", t.Deprel);
            });
        if (a.Layers.Get<Quote>(QuoteStage.Layer) is { } quotes)
        {
            w.WriteStartArray("quotes");
            foreach (var q in quotes) WriteQuote(w, q);
            w.WriteEndArray();
        }
        if (a.Layers.Get<TimeExpression>(TimeStage.Layer) is { } times)
            WriteSpans(w, "times", times, t => (t.Start, t.End), (w, t) =>
            {
                w.WriteString("text", t.Text);
                w.WriteString("type", t.Type);
                w.WriteString("value", t.Value);
                w.WriteString("mod", t.Mod);
            });
        if (a.Layers.Get<PlaceMention>(PlaceStage.Layer) is { } places)
            WriteSpans(w, "places", places, p => (p.Start, p.End), (w, p) =>
            {
                w.WriteString("text", p.Text);
                JsonFields.Gazetteer(w, p.GeonameId, p.Name, p.Country, p.Admin1, p.Lat, p.Lon, p.FeatureCode);
                w.WriteBoolean("metonymy", p.Metonymy);
            });
        if (a.Layers.Get<DemonymMention>(PlaceStage.DemonymLayer) is { } demonyms)
            WriteSpans(w, "demonyms", demonyms, d => (d.Start, d.End), (w, d) =>
            {
                w.WriteString("text", d.Text);
                w.WriteString("country", d.Country);
                w.WriteNumber("geonameid", d.GeonameId);
                w.WriteString("name", d.Name);
            });
        if (a.Layers.Get<Extract.Events.EventMention>(Extract.Events.EventStage.Layer) is { } events)
        {
            w.WriteStartArray("events");
            foreach (var e in events) EventJsonWriter.WriteMention(w, e);
            w.WriteEndArray();
        }
        w.WriteStartArray("warnings");
        foreach (var warning in a.Warnings) w.WriteStringValue(warning);
        w.WriteEndArray();
        if (story is not null)
        {
            // Stories stage: the story id and, for a copy, the id of the earliest version.
            w.WriteString("story", story.StoryId);
            w.WriteString("copy_of", story.CopyOf);
        }
        w.WriteEndObject();
    }

    /// <summary>An array of objects that each start with the span's offsets, then their own fields.</summary>
    private static void WriteSpans<T>(Utf8JsonWriter w, string name, IEnumerable<T> items, Func<T, (int Start, int End)> span, Action<Utf8JsonWriter, T>? fields)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            var (start, end) = span(item);
            w.WriteStartObject();
            w.WriteNumber("start", start);
            w.WriteNumber("end", end);
            fields?.Invoke(w, item);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteQuote(Utf8JsonWriter w, Quote q)
    {
        w.WriteStartObject();
        w.WriteNumber("start", q.Start);
        w.WriteNumber("end", q.End);
        w.WriteString("text", q.Text);
        w.WriteString("kind", q.Kind);
        if (q.Cue is { } c)
        {
            w.WriteStartObject("cue");
            w.WriteNumber("start", c.Start);
            w.WriteNumber("end", c.End);
            w.WriteString("text", c.Text);
            w.WriteEndObject();
        }
        else w.WriteNull("cue");
        if (q.Speaker is { } s)
        {
            w.WriteStartObject("speaker");
            w.WriteNumber("start", s.Start);
            w.WriteNumber("end", s.End);
            w.WriteString("text", s.Text);
            w.WriteString("name", s.Name);
            w.WriteString("entity", s.Entity);
            w.WriteEndObject();
        }
        else w.WriteNull("speaker");
        w.WriteString("channel", q.Channel);
        w.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter w, string? name, TextSpan s)
    {
        if (name is null) w.WriteStartObject();
        else w.WriteStartObject(name);
        w.WriteNumber("start", s.Start);
        w.WriteNumber("end", s.End);
        w.WriteEndObject();
    }

    /// <summary>ISO 8601 in UTC; a date stated without a time of day is written as a date alone.</summary>
    public static string FormatPublished(DateTimeOffset p) =>
        p.UtcDateTime.TimeOfDay == TimeSpan.Zero && p.Offset == TimeSpan.Zero
            ? p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : p.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string ToJson(Article a, bool indented = false, IReadOnlyList<ArticleSource>? sources = null, StoryLink? story = null)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, indented ? IndentedOptions : CompactOptions)) Write(w, a, sources, story);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }
}
