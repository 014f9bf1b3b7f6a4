namespace Tidings.Language;

/// <summary>
/// Averaged perceptron over hashed features with lazy averaging (each weight remembers when it last changed,
/// so an update costs O(features) rather than O(all weights)). Produces a pruned, read-only <see cref="LinearModel"/>.
/// </summary>
public sealed class PerceptronTrainer
{
    private readonly int _classes;
    private readonly Dictionary<ulong, int> _rowOf = new();
    private float[] _weights;
    private double[] _totals;
    private int[] _stamps;
    private int _rows;
    private int _now = 1;

    public PerceptronTrainer(int classes, int initialRows = 1 << 16)
    {
        if (classes > 255) throw new ArgumentOutOfRangeException(nameof(classes), "At most 255 classes.");
        _classes = classes;
        _weights = new float[initialRows * classes];
        _totals = new double[initialRows * classes];
        _stamps = new int[initialRows * classes];
    }

    public int Classes => _classes;

    /// <summary>Advances the averaging clock; call once per training instance.</summary>
    public void Tick() => _now++;

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var f in features)
        {
            if (!_rowOf.TryGetValue(f, out int row)) continue;
            int b = row * _classes;
            for (int c = 0; c < _classes; c++) scores[c] += _weights[b + c];
        }
    }

    public static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        for (int c = 1; c < scores.Length; c++) if (scores[c] > scores[best]) best = c;
        return best;
    }

    /// <summary>Standard update: reward the truth, penalise the guess.</summary>
    public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
    {
        if (truth == guess) return;
        foreach (var f in features)
        {
            int row = RowFor(f);
            Adjust(row * _classes + truth, 1f);
            Adjust(row * _classes + guess, -1f);
        }
    }

    /// <summary>Adds delta to the weight of (feature, class); used by the structured (Viterbi) trainer.</summary>
    public void Adjust(ulong feature, int cls, float delta) => Adjust(RowFor(feature) * _classes + cls, delta);

    private void Adjust(int index, float delta)
    {
        _totals[index] += (double)(_now - _stamps[index]) * _weights[index];
        _stamps[index] = _now;
        _weights[index] += delta;
    }

    private int RowFor(ulong feature)
    {
        if (_rowOf.TryGetValue(feature, out int row)) return row;
        row = _rows++;
        _rowOf[feature] = row;
        if (_rows * _classes > _weights.Length)
        {
            int size = _weights.Length * 2;
            Array.Resize(ref _weights, size);
            Array.Resize(ref _totals, size);
            Array.Resize(ref _stamps, size);
        }
        return row;
    }

    /// <summary>Averages the weights and keeps those with |w| ≥ minWeight.</summary>
    public LinearModel ToModel(string[] labels, float minWeight = 1e-3f)
    {
        var rows = new List<(ulong, (byte, float)[])>();
        var row = new List<(byte, float)>();
        foreach (var (key, r) in _rowOf.OrderBy(p => p.Value))
        {
            row.Clear();
            for (int c = 0; c < _classes; c++)
            {
                int i = r * _classes + c;
                double total = _totals[i] + (double)(_now - _stamps[i]) * _weights[i];
                float avg = (float)(total / _now);
                if (MathF.Abs(avg) >= minWeight) row.Add(((byte)c, avg));
            }
            if (row.Count > 0) rows.Add((key, row.ToArray()));
        }
        return new LinearModel(labels, rows, []);
    }
}
