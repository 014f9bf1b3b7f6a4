using Tidings.Extract.Places;
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

/// <summary>Typed access to the layers the pages show.</summary>
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
        // Resolved places (Extract/Places) carry gazetteer coordinates; entities and the dateline fill in the rest.
        foreach (var m in a.Layers.Get<PlaceMention>(PlaceStage.Layer) ?? [])
            list.Add(new Place(EntityNames.Normalize(m.Name), m.Name, m.Lat, m.Lon, m.Start, m.End));
        foreach (var e in Entities(a))
            if (e.Type is "LOC" or "GPE" && EntityNames.Normalize(e.Text) is { Length: > 1 } key) list.Add(new Place(key, e.Text.Trim(), null, null, e.Start, e.End));
        if (a.Dateline?.Place is { } p && EntityNames.Normalize(p) is { Length: > 1 } datelineKey) list.Add(new Place(datelineKey, p, null, null, -1, -1));
        return list;
    }
}
