using System.Runtime.CompilerServices;

namespace Tidings.Language;

/// <summary>
/// Read-only multiclass linear model: hashed feature → sparse row of (class, weight). Rows are stored
/// contiguously (CSR) and found through an open-addressing table, so scoring a token allocates nothing and
/// touches one cache line per feature in the common case. Immutable after load, hence thread-safe.
/// </summary>
public sealed class LinearModel
{
    private readonly ulong[] _slots;      // feature keys; 0 = empty
    private readonly int[] _slotRow;      // row index per slot
    private readonly int[] _rowStart;     // CSR row starts, length rows + 1
    private readonly byte[] _classes;
    private readonly float[] _weights;
    private readonly int _mask;

    public LinearModel(string[] labels, IReadOnlyList<(ulong Key, (byte Class, float Weight)[] Row)> rows, float[] transitions)
    {
        Labels = labels;
        Transitions = transitions;
        int capacity = 1;
        while (capacity < rows.Count * 2) capacity <<= 1;
        _mask = capacity - 1;
        _slots = new ulong[capacity];
        _slotRow = new int[capacity];
        _rowStart = new int[rows.Count + 1];
        int nnz = rows.Sum(r => r.Row.Length);
        _classes = new byte[nnz];
        _weights = new float[nnz];
        int at = 0;
        for (int r = 0; r < rows.Count; r++)
        {
            _rowStart[r] = at;
            foreach (var (c, w) in rows[r].Row) { _classes[at] = c; _weights[at] = w; at++; }
            ulong key = rows[r].Key == 0 ? 1 : rows[r].Key;
            int slot = (int)key & _mask;
            while (_slots[slot] != 0) slot = (slot + 1) & _mask;
            _slots[slot] = key;
            _slotRow[slot] = r;
        }
        _rowStart[rows.Count] = at;
    }

    public string[] Labels { get; }

    /// <summary>Label-to-label transition weights [prev * n + cur] (+ a start row at index n), for Viterbi; may be empty.</summary>
    public float[] Transitions { get; }

    public int FeatureCount => _rowStart.Length - 1;
    public int NonZeroCount => _weights.Length;

    /// <summary>Adds the weights of one feature to scores (no-op for unknown features).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddFeature(ulong key, Span<float> scores)
    {
        if (key == 0) key = 1;
        int slot = (int)key & _mask;
        while (true)
        {
            ulong k = _slots[slot];
            if (k == key) break;
            if (k == 0) return;
            slot = (slot + 1) & _mask;
        }
        int row = _slotRow[slot];
        int end = _rowStart[row + 1];
        for (int i = _rowStart[row]; i < end; i++) scores[_classes[i]] += _weights[i];
    }

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var f in features) AddFeature(f, scores);
    }

    // Weights are stored as Half: the model halves in size and accuracy is unaffected at perceptron scales.
    // Callers wrap the writer in one compressed stream together with their own tables.
    public void Write(BinaryWriter w)
    {
        w.Write(0x544C4D31); // "TLM1"
        w.Write(Labels.Length);
        foreach (var l in Labels) w.Write(l);
        w.Write(Transitions.Length);
        foreach (var t in Transitions) w.Write(t);
        int rows = FeatureCount;
        w.Write(rows);
        // Keys in row order so the table can be rebuilt on load.
        var keys = new ulong[rows];
        for (int s = 0; s < _slots.Length; s++) if (_slots[s] != 0) keys[_slotRow[s]] = _slots[s];
        foreach (var k in keys) w.Write(k);
        for (int r = 0; r < rows; r++) w.Write((byte)(_rowStart[r + 1] - _rowStart[r]));
        w.Write(_classes);
        foreach (var x in _weights) w.Write((Half)x);
    }

    public static LinearModel Read(BinaryReader r)
    {
        if (r.ReadInt32() != 0x544C4D31) throw new InvalidDataException("Not a Tidings linear model.");
        var labels = new string[r.ReadInt32()];
        for (int i = 0; i < labels.Length; i++) labels[i] = r.ReadString();
        var transitions = new float[r.ReadInt32()];
        for (int i = 0; i < transitions.Length; i++) transitions[i] = r.ReadSingle();
        int rows = r.ReadInt32();
        var keys = new ulong[rows];
        for (int i = 0; i < rows; i++) keys[i] = r.ReadUInt64();
        var lengths = r.ReadBytes(rows);
        int nnz = 0;
        foreach (var l in lengths) nnz += l;
        var classes = r.ReadBytes(nnz);
        var list = new List<(ulong, (byte, float)[])>(rows);
        int at = 0;
        for (int i = 0; i < rows; i++)
        {
            var row = new (byte, float)[lengths[i]];
            for (int j = 0; j < row.Length; j++) row[j] = (classes[at + j], 0f);
            at += row.Length;
            list.Add((keys[i], row));
        }
        at = 0;
        foreach (var (_, row) in list)
            for (int j = 0; j < row.Length; j++) row[j].Item2 = (float)r.ReadHalf();
        return new LinearModel(labels, list, transitions);
    }
}
