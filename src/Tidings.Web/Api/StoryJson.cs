using System.Text.Json;
using Tidings.Output;
using Tidings.Stories;

namespace Tidings.Web.Api;

/// <summary>A story in the API: its record (headline, dates, outlets, summary with provenance) and the coverage comparison.</summary>
public static class StoryJson
{
    public static void Write(Utf8JsonWriter w, StoryRecord s, StoryComparison comparison)
    {
        w.WriteStartObject();
        StoryJsonWriter.WriteRecordFields(w, s);
        w.WriteStartObject("comparison");
        StoryJsonWriter.WriteComparisonFields(w, comparison);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
