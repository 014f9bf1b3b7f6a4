using System.Text.Json;
using Tidings.Stories;

namespace Tidings.Output;

/// <summary>
/// A story as JSON, the same for `tidings story --json` and the HTTP API: the record's fields (headline, dates,
/// outlets, names, places, summary with provenance, copies) and the coverage comparison's (each article's shared,
/// unique and added facts, and the disagreements), every fact with its article and offsets.
/// </summary>
public static class StoryJsonWriter
{
    public static void WriteRecordFields(Utf8JsonWriter w, StoryRecord s)
    {
        w.WriteString("id", s.Id);
        w.WriteString("headline", s.Headline);
        w.WriteString("headline_article", s.HeadlineArticleId);
        JsonFields.Date(w, "first_report", s.FirstReport);
        JsonFields.Date(w, "last_report", s.LastReport);
        JsonFields.Strings(w, "outlets", s.Outlets);
        w.WriteNumber("article_count", s.ArticleCount);
        JsonFields.Strings(w, "articles", s.ArticleIds);
        w.WriteStartArray("entities");
        foreach (var e in s.Entities)
        {
            w.WriteStartObject();
            w.WriteString("name", e.Name);
            w.WriteNumber("articles", e.Articles);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        JsonFields.Strings(w, "places", s.Places);
        w.WriteStartArray("summary");
        foreach (var x in s.Summary)
        {
            w.WriteStartObject();
            w.WriteString("article", x.ArticleId);
            w.WriteNumber("start", x.Start);
            w.WriteNumber("end", x.End);
            w.WriteString("text", x.Text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("copies");
        foreach (var (copy, original) in s.Copies) w.WriteString(copy, original);
        w.WriteEndObject();
    }

    public static void WriteComparisonFields(Utf8JsonWriter w, StoryComparison comparison)
    {
        w.WriteStartArray("coverage");
        foreach (var c in comparison.Articles)
        {
            w.WriteStartObject();
            w.WriteString("article", c.ArticleId);
            w.WriteString("outlet", c.Outlet);
            w.WriteString("headline", c.Headline);
            Facts(w, "shared", c.Shared);
            Facts(w, "unique", c.Unique);
            Facts(w, "additions", c.Additions);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("disagreements");
        foreach (var d in comparison.Disagreements)
        {
            w.WriteStartObject();
            w.WriteString("kind", d.Kind);
            w.WriteString("slot", d.Slot);
            Facts(w, "values", d.Values);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Facts(Utf8JsonWriter w, string name, IEnumerable<Fact> facts)
    {
        w.WriteStartArray(name);
        foreach (var f in facts)
        {
            w.WriteStartObject();
            w.WriteString("kind", f.Kind);
            w.WriteString("text", f.Text);
            w.WriteString("key", f.Key);
            w.WriteString("article", f.ArticleId);
            w.WriteNumber("start", f.Start);
            w.WriteNumber("end", f.End);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
