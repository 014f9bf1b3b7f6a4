using System.Text.Json;

namespace Tidings.Output;

/// <summary>Small JSON field writers shared by the CLI, the API and the library's writers.</summary>
public static class JsonFields
{
    /// <summary>A date as the article JSON writes it (<see cref="ArticleJsonWriter.FormatPublished"/>), or null.</summary>
    public static void Date(Utf8JsonWriter w, string name, DateTimeOffset? d)
    {
        if (d is { } v) w.WriteString(name, ArticleJsonWriter.FormatPublished(v));
        else w.WriteNull(name);
    }

    public static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
