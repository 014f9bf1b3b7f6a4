using System.Text.Json;
using Tidings.Stories;

namespace Tidings.Web.Api;

/// <summary>A story in the API: its record (headline, dates, outlets, summary with provenance) and the coverage comparison.</summary>
public static class StoryJson
{
    public static void Write(Utf8JsonWriter w, StoryRecord s, StoryComparison comparison)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("headline", s.Headline);
        w.WriteString("headline_article", s.HeadlineArticleId);
        ApiReply.Date(w, "first_report", s.FirstReport);
        ApiReply.Date(w, "last_report", s.LastReport);
        ApiReply.Strings(w, "outlets", s.Outlets);
        ApiReply.Strings(w, "articles", s.ArticleIds);
        w.WriteStartArray("names");
        foreach (var n in s.Entities)
        {
            w.WriteStartObject();
            w.WriteString("name", n.Name);
            w.WriteNumber("articles", n.Articles);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        ApiReply.Strings(w, "places", s.Places);
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
        w.WriteStartObject("comparison");
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
        w.WriteEndObject();
        w.WriteEndObject();
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
