namespace Tidings.Documents;

/// <summary>
/// Typed annotation layers over an article's text. Each layer is a list of records that carry their own
/// offsets; a stage owns its layer and adds it whole, so readers of the article see either nothing or all of it.
/// </summary>
public sealed class AnnotationLayers
{
    private readonly Dictionary<string, object> _layers = new(StringComparer.Ordinal);

    public void Set<T>(string name, IReadOnlyList<T> items) => _layers[name] = items;

    public IReadOnlyList<T>? Get<T>(string name) =>
        _layers.TryGetValue(name, out var value) ? value as IReadOnlyList<T> : null;

    public IEnumerable<string> Names => _layers.Keys;
}
