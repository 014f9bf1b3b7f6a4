using System.Globalization;
using System.Reflection;
using System.Text;
using Tidings.Documents;
using Tidings.Extract.Quotes;
using Tidings.Extract.Times;
using Tidings.Language;
using Tidings.Stories;

namespace Tidings.Web.Data;

/// <summary>Names as keys: case, accents and punctuation ignored, a leading "the" dropped.</summary>
internal static class EntityNames
{
    public static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (char ch in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
            else if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
        }
        var key = sb.ToString().Trim();
        return key.StartsWith("the ", StringComparison.Ordinal) ? key[4..] : key;
    }
}

/// <summary>Typed access to the layers the pages show; places come from any "places" layer by property name.</summary>
internal static class Layers
{
    public static IReadOnlyList<Quote> Quotes(Article a) => a.Layers.Get<Quote>(QuoteStage.Layer) ?? [];

    public static IReadOnlyList<EntitySpan> Entities(Article a) => a.Layers.Get<EntitySpan>(LanguageStage.Entities) ?? [];

    public static IReadOnlyList<TimeExpression> Times(Article a) => a.Layers.Get<TimeExpression>(TimeStage.Layer) ?? [];

    public static IReadOnlyList<Sentence> Sentences(Article a) => a.Layers.Get<Sentence>(LanguageStage.Sentences) ?? [];

    /// <summary>A place named by the article: the places layer (with gazetteer coordinates), place entities, the dateline.</summary>
    public sealed record Place(string Key, string Name, double? Latitude, double? Longitude, int Start, int End);

    public static List<Place> Places(Article a)
    {
        var list = new List<Place>();
        // The places layer (geoparsing) is read by property name, so this works with whatever record type it uses.
        if (LayerReader.Items(a, "places") is { } items)
        {
            foreach (var item in items)
            {
                if (item is null) continue;
                var name = Prop(item, "Name") as string ?? Prop(item, "Text") as string;
                if (string.IsNullOrWhiteSpace(name)) continue;
                list.Add(new Place(EntityNames.Normalize(name), name, Number(item, "Latitude", "Lat"), Number(item, "Longitude", "Lon", "Lng"),
                    Prop(item, "Start") as int? ?? -1, Prop(item, "End") as int? ?? -1));
            }
        }
        foreach (var e in Entities(a))
            if (e.Type is "LOC" or "GPE" && EntityNames.Normalize(e.Text) is { Length: > 1 } key) list.Add(new Place(key, e.Text.Trim(), null, null, e.Start, e.End));
        if (a.Dateline?.Place is { } p && EntityNames.Normalize(p) is { Length: > 1 } datelineKey) list.Add(new Place(datelineKey, p, null, null, -1, -1));
        return list;
    }

    private static object? Prop(object item, string name) =>
        item.GetType().GetProperty(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.IgnoreCase)?.GetValue(item);

    private static double? Number(object item, params string[] names)
    {
        foreach (var n in names)
            if (Prop(item, n) is { } v && v is double or float or decimal or int) return Convert.ToDouble(v, CultureInfo.InvariantCulture);
        // Coordinates may sit on a nested gazetteer entry (place.Entry.Latitude).
        foreach (var nested in new[] { "Entry", "Gazetteer", "Location", "Point" })
            if (Prop(item, nested) is { } inner && inner is not string) return Number(inner, names);
        return null;
    }
}
