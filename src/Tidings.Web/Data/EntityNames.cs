using System.Globalization;
using System.Reflection;
using System.Text;
using Tidings.Documents;
using Tidings.Extract.Quotes;
using Tidings.Extract.Times;
using Tidings.Language;
using Tidings.Stories;

namespace Tidings.Web.Data;

/// <summary>The names of one article grouped into entities: key, display name, type and the spellings used.</summary>
internal sealed record ArticleEntity(string Key, string Name, string Type, Dictionary<string, int> Spellings);

/// <summary>
/// Groups an article's entity mentions by normalized name (case, accents and punctuation ignored; a leading "the"
/// dropped); within one article a shorter name whose words all occur in a longer name of the same type is that
/// entity ("Price" is "Ned Price").
/// </summary>
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

    public static List<ArticleEntity> Group(Article a)
    {
        var spans = a.Layers.Get<EntitySpan>(LanguageStage.Entities) ?? [];
        var byKey = new Dictionary<string, ArticleEntity>(StringComparer.Ordinal);
        foreach (var e in spans)
        {
            var text = e.Text.Trim();
            var key = Normalize(text);
            if (key.Length < 2) continue;
            if (!byKey.TryGetValue(key, out var entity)) byKey[key] = entity = new ArticleEntity(key, Display(text), e.Type, []);
            entity.Spellings[text] = entity.Spellings.GetValueOrDefault(text) + 1;
        }
        // Fold short forms into the longest name of the same type that contains all their words.
        foreach (var shortName in byKey.Values.OrderBy(x => x.Key.Length).ToList())
        {
            var words = shortName.Key.Split(' ');
            var full = byKey.Values.Where(x => x != shortName && x.Type == shortName.Type && x.Key.Length > shortName.Key.Length
                                               && words.All(w => x.Key.Split(' ').Contains(w)))
                .OrderByDescending(x => x.Key.Length).FirstOrDefault();
            if (full is null) continue;
            foreach (var (s, n) in shortName.Spellings) full.Spellings[s] = full.Spellings.GetValueOrDefault(s) + n;
            byKey.Remove(shortName.Key);
        }
        return byKey.Values.ToList();
    }

    /// <summary>The entity key of a speaker's name: the article's entity that contains its words, else the name itself.</summary>
    public static string KeyOf(Article a, List<ArticleEntity> names, string speaker)
    {
        var key = Normalize(speaker);
        if (names.Any(n => n.Key == key)) return key;
        var words = key.Split(' ');
        return names.Where(n => n.Type == "PERSON" && words.All(w => n.Key.Split(' ').Contains(w)))
            .OrderByDescending(n => n.Key.Length).Select(n => n.Key).FirstOrDefault() ?? key;
    }

    private static string Display(string text) =>
        text.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? text[4..] : text;
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

    public static List<Place> Places(Article a, IEnumerable<ArticleEntity>? names = null)
    {
        var list = new List<Place>();
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
        foreach (var n in names ?? EntityNames.Group(a))
            if (n.Type is "LOC" or "GPE") list.Add(new Place(n.Key, n.Name, null, null, -1, -1));
        if (a.Dateline?.Place is { } p && EntityNames.Normalize(p) is { Length: > 1 } key) list.Add(new Place(key, p, null, null, -1, -1));
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
