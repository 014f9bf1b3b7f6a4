using System.Runtime.CompilerServices;

namespace Tidings.Language;

/// <summary>
/// Read-only multiclass linear model: hashed feature → sparse row of (class, weight). Rows are stored
/// contiguously (CSR) and found through an open-addressing table, so scoring a token allocates nothing and
/// touches one cache line per feature in the common case. Immutable after load, hence thread-safe.
/// </summary>
public sealed class LinearModel
{
    /// <summary>
    /// One open-addressing slot in 8 bytes: the key's high 32 bits as a fingerprint (its low bits chose the
    /// slot) and the row packed as start &lt;&lt; 8 | length (length 255 = a dense row). Small slots keep the
    /// table in cache, and a lookup touches one cache line.
    /// </summary>
    private struct Slot
    {
        public uint Fingerprint; // 0 = empty
        public int Row;
    }

    private const int DenseLength = 255;

    private static uint FingerprintOf(ulong key) => (uint)(key >> 32) | 1u;

    /// <summary>One non-zero weight; class and weight side by side for the same reason.</summary>
    private struct Entry
    {
        public int Class;
        public float Weight;
    }

    private readonly Slot[] _slots;
    private readonly Entry[] _entries;
    private readonly float[] _dense;   // rows with many non-zero classes, stored in full for SIMD adds
    private readonly int _classes;
    private readonly ulong[] _rowKeys; // keys in row order, for saving
    private readonly int[] _rowStarts; // entry offset of each row, length rows + 1
    private readonly int _mask;

    public LinearModel(string[] labels, IReadOnlyList<(ulong Key, (byte Class, float Weight)[] Row)> rows, float[] transitions)
    {
        Labels = labels;
        Transitions = transitions;
        int capacity = 1;
        while (capacity < rows.Count * 2) capacity <<= 1;
        _mask = capacity - 1;
        _slots = new Slot[capacity];
        _rowKeys = new ulong[rows.Count];
        _rowStarts = new int[rows.Count + 1];
        _entries = new Entry[rows.Sum(r => r.Row.Length)];
        _classes = labels.Length;
        // Rows filled for more than a quarter of the classes (e.g. "previous tag = NOUN") are cheaper dense.
        int denseThreshold = Math.Max(4, _classes / 4);
        var denseRows = rows.Count(r => r.Row.Length > denseThreshold);
        _dense = new float[denseRows * _classes];
        int denseAt = 0;
        int at = 0;
        for (int r = 0; r < rows.Count; r++)
        {
            ulong key = rows[r].Key == 0 ? 1 : rows[r].Key;
            _rowKeys[r] = key;
            _rowStarts[r] = at;
            int slot = (int)key & _mask;
            while (_slots[slot].Fingerprint != 0) slot = (slot + 1) & _mask;
            if (rows[r].Row.Length > denseThreshold)
            {
                _slots[slot] = new Slot { Fingerprint = FingerprintOf(key), Row = (denseAt / _classes) << 8 | DenseLength };
                foreach (var (c, w) in rows[r].Row) _dense[denseAt + c] = w;
                denseAt += _classes;
            }
            else _slots[slot] = new Slot { Fingerprint = FingerprintOf(key), Row = at << 8 | rows[r].Row.Length };
            foreach (var (c, w) in rows[r].Row) _entries[at++] = new Entry { Class = c, Weight = w };
        }
        _rowStarts[rows.Count] = at;
    }

    public string[] Labels { get; }

    /// <summary>Label-to-label transition weights [prev * n + cur] (+ a start row at index n), for Viterbi; may be empty.</summary>
    public float[] Transitions { get; }

    public int FeatureCount => _rowKeys.Length;
    public int NonZeroCount => _entries.Length;

    /// <summary>Adds the weights of one feature to scores (no-op for unknown features).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddFeature(ulong key, Span<float> scores)
    {
        if (key == 0) key = 1;
        var slots = _slots;
        uint fingerprint = FingerprintOf(key);
        int slot = (int)key & _mask;
        while (true)
        {
            ref var s = ref slots[slot];
            if (s.Fingerprint == fingerprint)
            {
                int length = s.Row & 0xFF, start = s.Row >>> 8;
                if (length == DenseLength)
                {
                    StaticScoreCache.AddInto(_dense.AsSpan(start * _classes, _classes), scores);
                    return;
                }
                var entries = _entries.AsSpan(start, length);
                foreach (ref readonly var e in entries) scores[e.Class] += e.Weight;
                return;
            }
            if (s.Fingerprint == 0) return;
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>
    /// A copy without weights smaller than minWeight in magnitude (and without features left empty): a
    /// smaller table means fewer cache misses per lookup, which is what tagging speed is made of.
    /// </summary>
    public LinearModel Pruned(float minWeight)
    {
        var rows = new List<(ulong, (byte, float)[])>();
        for (int r = 0; r < _rowKeys.Length; r++)
        {
            var row = _entries.AsSpan(_rowStarts[r], _rowStarts[r + 1] - _rowStarts[r]).ToArray()
                .Where(e => MathF.Abs(e.Weight) >= minWeight).Select(e => ((byte)e.Class, e.Weight)).ToArray();
            if (row.Length > 0) rows.Add((_rowKeys[r], row));
        }
        return new LinearModel(Labels, rows, Transitions);
    }

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var f in features) AddFeature(f, scores);
    }

    /// <summary>Adds the weights of several features without clearing scores first.</summary>
    public void Add(ReadOnlySpan<ulong> features, Span<float> scores)
    {
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
        foreach (var k in _rowKeys) w.Write(k);
        var lengths = new byte[rows];
        for (int r = 0; r < rows; r++) lengths[r] = (byte)(_rowStarts[r + 1] - _rowStarts[r]);
        w.Write(lengths);
        for (int r = 0; r < rows; r++) for (int j = 0; j < lengths[r]; j++) w.Write((byte)_entries[_rowStarts[r] + j].Class);
        for (int r = 0; r < rows; r++) for (int j = 0; j < lengths[r]; j++) w.Write((Half)_entries[_rowStarts[r] + j].Weight);
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
