namespace Tidings.Language;

/// <summary>
/// Corpus statistics of word forms for the entity recognizer, computed at training time from the treebank
/// text and shipped in the model: how often a lower-cased form is written capitalised away from the start of a
/// sentence, how often it is a proper noun, and how frequent it is. They tell a capitalised common word
/// ("Cafeteria") from a name, and a name written in lower case ("enron", "chicago") or all caps ("SCALIA")
/// from a common word, for forms the entity training data never saw.
/// </summary>
public sealed class WordStats
{
    private readonly Dictionary<ulong, byte> _classes; // lower-case form hash → packed class (never 0)

    public WordStats(Dictionary<ulong, byte> classes) => _classes = classes;

    public static WordStats Empty { get; } = new(new Dictionary<ulong, byte>());

    public int Count => _classes.Count;

    /// <summary>Packed class of a lower-case form hash: 0 when unseen, else 1 + capitalisation (0–4) × 12 + proper-noun share (0–3) × 3 + frequency (0–2).</summary>
    public byte Class(ulong lowerHash) => _classes.TryGetValue(lowerHash, out var c) ? c : (byte)0;

    public static int Capitalisation(byte cls) => cls == 0 ? 5 : (cls - 1) / 12;
    public static int ProperShare(byte cls) => cls == 0 ? 4 : (cls - 1) / 3 % 4;

    public static WordStats Build(IEnumerable<CorpusSentence> sentences)
    {
        var counts = new Dictionary<ulong, (int All, int Inner, int Upper, int Proper)>();
        foreach (var s in sentences)
        {
            for (int i = 0; i < s.Words.Count; i++)
            {
                string form = s.Words[i].Form;
                if (form.Length == 0 || !char.IsLetter(form[0])) continue;
                ulong key = FeatureHash.LowerFolded(form);
                var c = counts.GetValueOrDefault(key);
                c.All++;
                if (s.Words[i].Upos == "PROPN") c.Proper++;
                // Capitalisation counts only where case carries meaning: not at the start of a sentence or
                // after sentence punctuation, a quote or a bullet.
                if (i > 0 && !StartsClause(s.Words[i - 1].Form))
                {
                    c.Inner++;
                    if (char.IsUpper(form[0])) c.Upper++;
                }
                counts[key] = c;
            }
        }
        var classes = new Dictionary<ulong, byte>();
        foreach (var (key, c) in counts)
        {
            if (c.All < 2) continue;
            double upper = c.Inner == 0 ? 0.5 : (double)c.Upper / c.Inner, proper = (double)c.Proper / c.All;
            int cap = c.Inner == 0 ? 2 : upper < 0.05 ? 0 : upper < 0.35 ? 1 : upper < 0.65 ? 2 : upper < 0.95 ? 3 : 4;
            int prop = proper < 0.05 ? 0 : proper < 0.5 ? 1 : proper < 0.95 ? 2 : 3;
            int freq = c.All < 5 ? 0 : c.All < 50 ? 1 : 2;
            classes[key] = (byte)(1 + cap * 12 + prop * 3 + freq);
        }
        return new WordStats(classes);
    }

    private static bool StartsClause(string previous) => previous is "." or "!" or "?" or ":" or "\"" or "``" or "''" or "-" or "--" or "(" or "*" or ">";

    public void Write(BinaryWriter w)
    {
        w.Write(_classes.Count);
        foreach (var (k, v) in _classes.OrderBy(p => p.Key)) { w.Write(k); w.Write(v); }
    }

    /// <summary>Reads the statistics; models written before they existed end here and get none.</summary>
    public static WordStats Read(BinaryReader r)
    {
        int n;
        try { n = r.ReadInt32(); }
        catch (EndOfStreamException) { return Empty; }
        var d = new Dictionary<ulong, byte>(n);
        for (int i = 0; i < n; i++) { ulong k = r.ReadUInt64(); d[k] = r.ReadByte(); }
        return new WordStats(d);
    }
}
