namespace Tidings.Language;

/// <summary>
/// Lemmatizer: an exception table (form + XPOS → lemma) from the treebanks, then suffix rewrite rules learned
/// from the same data per XPOS ("-ied" → "-y" for VBD), so unseen forms still get a lemma. Lemmas of common
/// words are lower case and proper nouns keep their form, as in UD EWT.
/// </summary>
public sealed class Lemmatizer
{
    private readonly Dictionary<string, string> _exceptions;                 // "form\txpos" → lemma
    private readonly Dictionary<string, (string Strip, string Add)> _rules;  // "xpos\tsuffix" → rewrite
    private const int MaxSuffix = 5;

    public Lemmatizer(Dictionary<string, string> exceptions, Dictionary<string, (string, string)> rules)
    {
        _exceptions = exceptions;
        _rules = rules;
    }

    public int ExceptionCount => _exceptions.Count;

    [ThreadStatic] private static Dictionary<string, string>? _cache;

    /// <summary>
    /// Lemma of text[span]; results are cached per thread by "form\txpos" (looked up by span), so frequent
    /// words cost no allocation.
    /// </summary>
    public string Lemmatize(string text, TextSpan span, string upos, string xpos)
    {
        int keyLength = span.Length + 1 + xpos.Length;
        if (keyLength > 96) return Lemmatize(text.Substring(span.Start, span.Length), upos, xpos);
        Span<char> key = stackalloc char[keyLength];
        text.AsSpan(span.Start, span.Length).CopyTo(key);
        key[span.Length] = '\t';
        xpos.AsSpan().CopyTo(key[(span.Length + 1)..]);
        var cache = _cache ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(key, out var cached)) return cached;
        string lemma = Lemmatize(text.Substring(span.Start, span.Length), upos, xpos);
        if (cache.Count > 200_000) cache.Clear();
        cache[new string(key)] = lemma;
        return lemma;
    }

    public string Lemmatize(string form, string upos, string xpos)
    {
        if (_exceptions.TryGetValue(Key(form, xpos), out var lemma)) return lemma;
        bool proper = upos == "PROPN" || xpos is "NNP" or "NNPS";
        string basis = proper ? form : Lower(form);
        if (!proper && _exceptions.TryGetValue(Key(basis, xpos), out lemma)) return lemma;
        return ApplyRules(basis, xpos);
    }

    private string ApplyRules(string basis, string xpos)
    {
        if (xpos == "NNP") return basis; // names keep their form ("Dept" must not become "Deptember")
        for (int k = Math.Min(MaxSuffix, basis.Length - 1); k >= 0; k--)
        {
            if (_rules.TryGetValue(xpos + "\t" + basis[^k..], out var rule) && rule.Strip.Length < basis.Length)
                return basis[..^rule.Strip.Length] + rule.Add;
        }
        return basis;
    }

    private static string Key(string form, string xpos) => form + "\t" + xpos;

    private static string Lower(string form)
    {
        foreach (char c in form) if (char.IsUpper(c)) return form == "I" ? form : form.ToLowerInvariant();
        return form;
    }

    public static Lemmatizer Train(IEnumerable<CorpusSentence> sentences)
    {
        var pairCounts = new Dictionary<string, Dictionary<string, int>>();
        var ruleCounts = new Dictionary<string, Dictionary<(string, string), int>>();
        foreach (var w in sentences.SelectMany(s => s.Words))
        {
            if (w.Lemma == "_" || w.Xpos == "_") continue;
            Increment(pairCounts, Key(w.Form, w.Xpos), w.Lemma);
            bool proper = w.Upos == "PROPN" || w.Xpos is "NNP" or "NNPS";
            string basis = proper ? w.Form : Lower(w.Form);
            var rule = RewriteRule(basis, w.Lemma);
            if (rule == null) continue;
            for (int k = 0; k <= Math.Min(MaxSuffix, basis.Length - 1); k++)
                if (k >= rule.Value.Strip.Length) Increment(ruleCounts, w.Xpos + "\t" + basis[^k..], rule.Value);
        }
        // Keep a rule for a (tag, suffix) only when it is reliable; longer suffixes override shorter ones.
        var rules = new Dictionary<string, (string, string)>();
        foreach (var (key, counts) in ruleCounts)
        {
            int total = counts.Values.Sum();
            var best = counts.MaxBy(p => (p.Value, p.Key.Item1.Length, p.Key.Item2));
            if (best.Value >= 3 && best.Value >= 0.6 * total) rules[key] = best.Key;
        }
        var lemmatizer = new Lemmatizer(new Dictionary<string, string>(), rules);
        // Exceptions: only forms the rules get wrong.
        var exceptions = new Dictionary<string, string>();
        foreach (var (key, counts) in pairCounts)
        {
            string lemma = counts.MaxBy(p => (p.Value, p.Key)).Key;
            int tab = key.IndexOf('\t');
            string form = key[..tab], xpos = key[(tab + 1)..];
            bool proper = xpos is "NNP" or "NNPS";
            string predicted = lemmatizer.ApplyRules(proper ? form : Lower(form), xpos);
            if (predicted != lemma) exceptions[key] = lemma;
        }
        return new Lemmatizer(exceptions, rules);
    }

    private static (string Strip, string Add)? RewriteRule(string form, string lemma)
    {
        int p = 0;
        while (p < form.Length && p < lemma.Length && form[p] == lemma[p]) p++;
        if (p == 0 && form.Length > 0) return null; // suppletive (went → go): exception table only
        return (form[p..], lemma[p..]);
    }

    private static void Increment<TKey>(Dictionary<string, Dictionary<TKey, int>> d, string key, TKey value) where TKey : notnull
    {
        if (!d.TryGetValue(key, out var inner)) d[key] = inner = new Dictionary<TKey, int>();
        inner[value] = inner.GetValueOrDefault(value) + 1;
    }

    public void Write(BinaryWriter w)
    {
        w.Write(0x544C454D); // "TLEM"
        w.Write(_exceptions.Count);
        foreach (var (k, v) in _exceptions.OrderBy(p => p.Key, StringComparer.Ordinal)) { w.Write(k); w.Write(v); }
        w.Write(_rules.Count);
        foreach (var (k, v) in _rules.OrderBy(p => p.Key, StringComparer.Ordinal)) { w.Write(k); w.Write(v.Strip); w.Write(v.Add); }
    }

    public static Lemmatizer Read(BinaryReader r)
    {
        if (r.ReadInt32() != 0x544C454D) throw new InvalidDataException("Not a Tidings lemma model.");
        int n = r.ReadInt32();
        var exceptions = new Dictionary<string, string>(n);
        for (int i = 0; i < n; i++) exceptions[r.ReadString()] = r.ReadString();
        int m = r.ReadInt32();
        var rules = new Dictionary<string, (string, string)>(m);
        for (int i = 0; i < m; i++) rules[r.ReadString()] = (r.ReadString(), r.ReadString());
        return new Lemmatizer(exceptions, rules);
    }
}
