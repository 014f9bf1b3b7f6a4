namespace Tidings.Language;

/// <summary>A training or evaluation sentence: text, token spans and one label index per token.</summary>
public sealed record LabeledSentence(string Text, TextSpan[] Tokens, int[] Labels);

/// <summary>
/// Greedy left-to-right averaged-perceptron tagger predicting joint UPOS|XPOS labels (one decision yields both
/// tag sets and keeps them consistent). Frequent unambiguous words skip the model through a tag dictionary.
/// </summary>
public sealed class PosTagger
{
    private readonly LinearModel _model;
    private readonly Dictionary<ulong, int> _tagDictionary;
    private readonly Dictionary<ulong, ulong> _ambiguityClasses;
    private readonly StaticScoreCache _staticScores;

    public PosTagger(LinearModel model, Dictionary<ulong, int> tagDictionary, Dictionary<ulong, ulong> ambiguityClasses)
    {
        _model = model;
        _tagDictionary = tagDictionary;
        _ambiguityClasses = ambiguityClasses;
        _staticScores = new StaticScoreCache(model);
        Upos = model.Labels.Select(l => l[..l.IndexOf('|')]).ToArray();
        Xpos = model.Labels.Select(l => l[(l.IndexOf('|') + 1)..]).ToArray();
    }

    public string[] Labels => _model.Labels;
    public string[] Upos { get; }
    public string[] Xpos { get; }
    public LinearModel Model => _model;

    /// <summary>Tags tokens (one sentence) of text, writing label indices into labels.</summary>
    public void Tag(string text, ReadOnlySpan<TextSpan> tokens, Span<int> labels)
    {
        var ctx = TokenContext.ForThread();
        ctx.Load(text, tokens);
        ctx.LoadAmbiguity(_ambiguityClasses);
        Span<ulong> features = stackalloc ulong[PosFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[_model.Labels.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            if (_tagDictionary.TryGetValue(ctx.Exact[i], out int known)) { labels[i] = known; continue; }
            int p1 = i > 0 ? labels[i - 1] : -1, p2 = i > 1 ? labels[i - 2] : -1;
            if (!_staticScores.TryLoad(ctx.Exact[i], scores))
                _staticScores.Store(ctx.Exact[i], features[..PosFeatures.ExtractStatic(ctx, i, features)], scores);
            int nc = PosFeatures.ExtractContext(ctx, i, p1, p2, features);
            _model.Add(features[..nc], scores);
            labels[i] = PerceptronTrainer.ArgMax(scores);
        }
    }

    /// <summary>The same tagger with small weights dropped (see <see cref="LinearModel.Pruned"/>).</summary>
    public PosTagger Pruned(float minWeight) => new(_model.Pruned(minWeight), _tagDictionary, _ambiguityClasses);

    public void Write(BinaryWriter w)
    {
        _model.Write(w);
        w.Write(_tagDictionary.Count);
        foreach (var (k, v) in _tagDictionary.OrderBy(p => p.Key)) { w.Write(k); w.Write((byte)v); }
        w.Write(_ambiguityClasses.Count);
        foreach (var (k, v) in _ambiguityClasses.OrderBy(p => p.Key)) { w.Write(k); w.Write(v); }
    }

    public static PosTagger Read(BinaryReader r)
    {
        var model = LinearModel.Read(r);
        int n = r.ReadInt32();
        var dict = new Dictionary<ulong, int>(n);
        for (int i = 0; i < n; i++) { ulong k = r.ReadUInt64(); dict[k] = r.ReadByte(); }
        int m = r.ReadInt32();
        var ambiguity = new Dictionary<ulong, ulong>(m);
        for (int i = 0; i < m; i++) { ulong k = r.ReadUInt64(); ambiguity[k] = r.ReadUInt64(); }
        return new PosTagger(model, dict, ambiguity);
    }

    /// <summary>Builds labelled sentences from CoNLL-U: joint "UPOS|XPOS" labels, label table in first-seen order.</summary>
    public static List<LabeledSentence> ToLabeled(IEnumerable<CorpusSentence> sentences, List<string> labels, bool addLabels)
    {
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i);
        var result = new List<LabeledSentence>();
        foreach (var s in sentences)
        {
            var (text, spans) = JoinForms(s.Words.Select(w => w.Form));
            var ys = new int[s.Words.Count];
            for (int i = 0; i < ys.Length; i++)
            {
                string label = s.Words[i].Upos + "|" + s.Words[i].Xpos;
                if (!index.TryGetValue(label, out int y))
                {
                    if (!addLabels) { y = -1; }
                    else { y = labels.Count; labels.Add(label); index[label] = y; }
                }
                ys[i] = y;
            }
            result.Add(new LabeledSentence(text, spans, ys));
        }
        return result;
    }

    public static (string Text, TextSpan[] Spans) JoinForms(IEnumerable<string> forms)
    {
        var sb = new System.Text.StringBuilder();
        var spans = new List<TextSpan>();
        foreach (var f in forms)
        {
            if (sb.Length > 0) sb.Append(' ');
            spans.Add(new TextSpan(sb.Length, sb.Length + f.Length));
            sb.Append(f);
        }
        return (sb.ToString(), spans.ToArray());
    }

    /// <summary>Trains from labelled sentences; deterministic for a given seed.</summary>
    public static PosTagger Train(List<LabeledSentence> data, string[] labels, int iterations, int seed, Action<string>? log = null)
    {
        var tagDictionary = BuildTagDictionary(data);
        var ambiguityClasses = BuildAmbiguityClasses(data, labels);
        var trainer = new PerceptronTrainer(labels.Length);
        var rng = new Random(seed);
        var order = Enumerable.Range(0, data.Count).ToArray();
        var ctx = new TokenContext();
        var features = new ulong[PosFeatures.MaxFeatures];
        var scores = new float[labels.Length];
        for (int it = 0; it < iterations; it++)
        {
            rng.Shuffle(order);
            int correct = 0, total = 0;
            foreach (int si in order)
            {
                var s = data[si];
                ctx.Load(s.Text, s.Tokens);
                ctx.LoadAmbiguity(ambiguityClasses);
                var predicted = new int[s.Tokens.Length];
                for (int i = 0; i < s.Tokens.Length; i++)
                {
                    int truth = s.Labels[i];
                    int p1 = i > 0 ? predicted[i - 1] : -1, p2 = i > 1 ? predicted[i - 2] : -1;
                    int guess;
                    if (tagDictionary.TryGetValue(ctx.Exact[i], out int known)) guess = known;
                    else
                    {
                        int n = PosFeatures.Extract(ctx, i, p1, p2, features);
                        trainer.Score(features.AsSpan(0, n), scores);
                        guess = PerceptronTrainer.ArgMax(scores);
                        if (truth >= 0) trainer.Update(features.AsSpan(0, n), truth, guess);
                        trainer.Tick();
                    }
                    predicted[i] = guess;
                    if (truth >= 0) { total++; if (guess == truth) correct++; }
                }
            }
            log?.Invoke($"iteration {it + 1}/{iterations}: training accuracy {100.0 * correct / total:F2}");
        }
        return new PosTagger(trainer.ToModel(labels), tagDictionary, ambiguityClasses);
    }

    /// <summary>
    /// Lower-case word → hash of the UPOS set it takes (tags covering ≥ 5% of ≥ 3 occurrences). Lets the model
    /// see what the next words could be ("to" + [VERB|NOUN]) without tagging them first.
    /// </summary>
    private static Dictionary<ulong, ulong> BuildAmbiguityClasses(List<LabeledSentence> data, string[] labels)
    {
        var upos = labels.Select(l => l[..l.IndexOf('|')]).ToArray();
        var counts = new Dictionary<ulong, Dictionary<string, int>>();
        foreach (var s in data)
            for (int i = 0; i < s.Tokens.Length; i++)
            {
                if (s.Labels[i] < 0) continue;
                ulong h = FeatureHash.LowerFolded(s.Text.AsSpan(s.Tokens[i].Start, s.Tokens[i].Length));
                if (!counts.TryGetValue(h, out var c)) counts[h] = c = new Dictionary<string, int>();
                c[upos[s.Labels[i]]] = c.GetValueOrDefault(upos[s.Labels[i]]) + 1;
            }
        var result = new Dictionary<ulong, ulong>();
        foreach (var (h, c) in counts)
        {
            int total = c.Values.Sum();
            if (total < 3) continue;
            var tags = c.Where(p => p.Value >= 0.05 * total).Select(p => p.Key).Order(StringComparer.Ordinal);
            result[h] = FeatureHash.Chars(string.Join("|", tags));
        }
        return result;
    }

    /// <summary>Words seen ≥ 20 times with one label ≥ 99% of the time are tagged without the model.</summary>
    private static Dictionary<ulong, int> BuildTagDictionary(List<LabeledSentence> data)
    {
        var counts = new Dictionary<ulong, Dictionary<int, int>>();
        foreach (var s in data)
            for (int i = 0; i < s.Tokens.Length; i++)
            {
                if (s.Labels[i] < 0) continue;
                ulong h = FeatureHash.Chars(s.Text.AsSpan(s.Tokens[i].Start, s.Tokens[i].Length));
                if (!counts.TryGetValue(h, out var c)) counts[h] = c = new Dictionary<int, int>();
                c[s.Labels[i]] = c.GetValueOrDefault(s.Labels[i]) + 1;
            }
        var dict = new Dictionary<ulong, int>();
        foreach (var (h, c) in counts)
        {
            int total = c.Values.Sum();
            var best = c.MaxBy(p => p.Value);
            if (total >= 20 && best.Value >= 0.99 * total) dict[h] = best.Key;
        }
        return dict;
    }
}
