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

    /// <summary>The gazetteer fields every place object shares (place mentions, event places).</summary>
    public static void Gazetteer(Utf8JsonWriter w, int geonameId, string name, string country, string? admin1, double lat, double lon, string featureCode)
    {
        w.WriteNumber("geonameid", geonameId);
        w.WriteString("name", name);
        w.WriteString("country", country);
        w.WriteString("admin1", admin1);
        w.WriteNumber("lat", lat);
        w.WriteNumber("lon", lon);
        w.WriteString("feature_code", featureCode);
    }
}
