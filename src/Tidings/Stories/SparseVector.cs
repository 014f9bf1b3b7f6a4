namespace Tidings.Stories;

/// <summary>An L2-normalized sparse vector: term hashes sorted ascending with their weights.</summary>
public readonly record struct SparseVector(ulong[] Keys, float[] Values)
{
    public static readonly SparseVector Empty = new([], []);

    public int Count => Keys.Length;

    public static SparseVector Normalize(ulong[] keys, float[] values)
    {
        double sum = 0;
        foreach (var v in values) sum += v * v;
        if (sum <= 0) return Empty;
        float inv = (float)(1 / Math.Sqrt(sum));
        var vals = new float[values.Length];
        for (int i = 0; i < values.Length; i++) vals[i] = values[i] * inv;
        return new SparseVector(keys, vals);
    }

    public double Dot(SparseVector other)
    {
        double s = 0;
        int i = 0, j = 0;
        var a = Keys; var b = other.Keys;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { s += Values[i] * other.Values[j]; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return s;
    }

    public double Dot(Dictionary<ulong, float> dense)
    {
        double s = 0;
        for (int i = 0; i < Keys.Length; i++)
            if (dense.TryGetValue(Keys[i], out var v)) s += Values[i] * v;
        return s;
    }
}

/// <summary>A running sum of normalized vectors with its norm kept up to date.</summary>
public sealed class Centroid
{
    public Dictionary<ulong, float> Sum { get; } = new();
    private double _sumSquares;

    public double Norm => Math.Sqrt(Math.Max(_sumSquares, 0));

    public void Add(SparseVector v)
    {
        for (int i = 0; i < v.Keys.Length; i++)
        {
            float old = Sum.GetValueOrDefault(v.Keys[i]);
            float now = old + v.Values[i];
            Sum[v.Keys[i]] = now;
            _sumSquares += (double)now * now - (double)old * old;
        }
    }

    public void Add(Centroid other)
    {
        foreach (var (k, v) in other.Sum)
        {
            float old = Sum.GetValueOrDefault(k);
            float now = old + v;
            Sum[k] = now;
            _sumSquares += (double)now * now - (double)old * old;
        }
    }

    public double Cosine(SparseVector v) => Norm == 0 ? 0 : v.Dot(Sum) / Norm;

    public double Cosine(Centroid other)
    {
        if (Norm == 0 || other.Norm == 0) return 0;
        var (small, large) = Sum.Count <= other.Sum.Count ? (Sum, other.Sum) : (other.Sum, Sum);
        double s = 0;
        foreach (var (k, v) in small) if (large.TryGetValue(k, out var w)) s += v * w;
        return s / (Norm * other.Norm);
    }

    public SparseVector ToVector()
    {
        var keys = Sum.Keys.ToArray();
        Array.Sort(keys);
        return SparseVector.Normalize(keys, keys.Select(k => Sum[k]).ToArray());
    }
}
