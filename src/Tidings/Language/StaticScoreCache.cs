using System.Numerics;

namespace Tidings.Language;

/// <summary>
/// Per-thread cache of the summed weights of a word's context-free features (form, affixes, shape, ...),
/// keyed by the exact form's hash: frequent words then cost one lookup instead of a dozen. The partial sum
/// is always computed the same way, so results do not depend on whether the cache was hit.
/// </summary>
internal sealed class StaticScoreCache
{
    private const int MaxEntries = 50_000;
    private readonly ThreadLocal<Dictionary<ulong, float[]>> _perThread = new(() => new Dictionary<ulong, float[]>());
    private readonly LinearModel _model;
    private readonly int _classes;

    public StaticScoreCache(LinearModel model)
    {
        _model = model;
        _classes = model.Labels.Length;
    }

    /// <summary>Copies the cached static score of the word into scores; false when the word is not cached.</summary>
    public bool TryLoad(ulong wordKey, Span<float> scores)
    {
        if (!_perThread.Value!.TryGetValue(wordKey, out var row)) return false;
        row.AsSpan().CopyTo(scores);
        return true;
    }

    /// <summary>Scores the static features into scores (overwriting them) and caches the result.</summary>
    public void Store(ulong wordKey, ReadOnlySpan<ulong> staticFeatures, Span<float> scores)
    {
        var cache = _perThread.Value!;
        if (cache.Count >= MaxEntries) cache.Clear();
        var row = new float[_classes];
        _model.Add(staticFeatures, row);
        cache[wordKey] = row;
        row.AsSpan().CopyTo(scores);
    }

    public static void AddInto(ReadOnlySpan<float> source, Span<float> target)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= source.Length - Vector<float>.Count; i += Vector<float>.Count)
                (new Vector<float>(source[i..]) + new Vector<float>(target[i..])).CopyTo(target[i..]);
        }
        for (; i < source.Length; i++) target[i] += source[i];
    }
}
