using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Tidings.Documents;

namespace Tidings.Stories;

/// <summary>
/// Reads the layers later stages add (sentences, entities, places, quotes) without depending on their types:
/// a record with <c>Start</c>, <c>End</c> and, where it applies, <c>Type</c>, <c>Text</c>, <c>Speaker</c>.
/// When a layer is missing, callers fall back to their own light-weight heuristics.
/// </summary>
public static class LayerReader
{
    private static readonly FieldInfo? LayersField =
        typeof(AnnotationLayers).GetField("_layers", BindingFlags.Instance | BindingFlags.NonPublic);

    /// <summary>The raw items of a layer, whatever their element type; null when the layer is absent.</summary>
    public static IEnumerable? Items(Article a, string name)
    {
        if (!a.Layers.Names.Contains(name)) return null;
        if (a.Layers.Get<object>(name) is { } list) return list;
        return LayersField?.GetValue(a.Layers) is IDictionary d && d[name] is IEnumerable e ? e : null;
    }

    // Property lookups by name are slow next to reading one; a layer has many items of few types.
    private static readonly ConcurrentDictionary<(Type, string), PropertyInfo?> Properties = new();

    private static object? Prop(object item, string name) =>
        Properties.GetOrAdd((item.GetType(), name), k => k.Item1.GetProperty(k.Item2, BindingFlags.Instance | BindingFlags.Public | BindingFlags.IgnoreCase))?.GetValue(item);

    private static bool TrySpan(Article a, object item, out int start, out int end)
    {
        start = Prop(item, "Start") is int s ? s : -1;
        end = Prop(item, "End") is int e ? e : -1;
        return start >= 0 && end > start && end <= a.Text.Length;
    }

    public static List<TextSpan>? Sentences(Article a)
    {
        if (Items(a, "sentences") is not { } items) return null;
        var list = new List<TextSpan>();
        foreach (var item in items)
            if (item is not null && TrySpan(a, item, out int s, out int e)) list.Add(new TextSpan(s, e));
        return list;
    }

    /// <summary>Named entities (people, organizations, places…) from the "entities" layer, when present.</summary>
    public static List<NameMention>? Entities(Article a)
    {
        if (Items(a, "entities") is not { } items) return null;
        var list = new List<NameMention>();
        foreach (var item in items)
        {
            if (item is null || !TrySpan(a, item, out int s, out int e)) continue;
            var text = Prop(item, "Text") as string ?? a.Text[s..e];
            list.Add(new NameMention(text, s, e, (Prop(item, "Type") ?? Prop(item, "Label"))?.ToString() ?? "NAME"));
        }
        return list;
    }

    /// <summary>Places: the "places" layer, else entities typed as places, else the dateline's place.</summary>
    public static List<string> Places(Article a, IReadOnlyList<NameMention>? names = null)
    {
        var places = new List<string>();
        if (Items(a, "places") is { } items)
        {
            foreach (var item in items)
            {
                if (item is null) continue;
                var name = Prop(item, "Name") as string ?? Prop(item, "Text") as string
                           ?? (TrySpan(a, item, out int s, out int e) ? a.Text[s..e] : null);
                if (!string.IsNullOrWhiteSpace(name)) places.Add(name);
            }
        }
        else if (names is not null)
        {
            foreach (var n in names)
                if (n.Type.ToUpperInvariant() is "GPE" or "LOC" or "LOCATION" or "PLACE") places.Add(n.Text);
        }
        if (a.Dateline?.Place is { } p) places.Add(p);
        return places;
    }

    /// <summary>A quote from the "quotes" layer: its span and speaker text when known.</summary>
    public sealed record QuoteItem(int Start, int End, string? Speaker);

    public static List<QuoteItem>? Quotes(Article a)
    {
        if (Items(a, "quotes") is not { } items) return null;
        var list = new List<QuoteItem>();
        foreach (var item in items)
        {
            if (item is null) continue;
            object? content = Prop(item, "Content") ?? item;
            if (!TrySpan(a, content, out int s, out int e) && !TrySpan(a, item, out s, out e)) continue;
            var speaker = Prop(item, "Speaker");
            string? speakerText = speaker as string ?? (speaker is not null ? Prop(speaker, "Text") as string : null);
            list.Add(new QuoteItem(s, e, speakerText));
        }
        return list;
    }
}
