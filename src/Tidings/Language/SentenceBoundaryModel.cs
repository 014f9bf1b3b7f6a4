namespace Tidings.Language;

/// <summary>
/// Learned sentence-boundary decision at each token gap (averaged perceptron, 2 classes). The rule splitter's
/// verdict is one feature among the surrounding words, shapes, line breaks and sentence length, so the model
/// learns where web and e-mail text ends sentences without punctuation ("Thanks Sara", signatures, dates).
/// </summary>
public sealed class SentenceBoundaryModel
{
    private static readonly Lazy<SentenceBoundaryModel?> LazyDefault = new(
        () => ModelFile.HasEmbedded("sentences.bin") ? ModelFile.LoadEmbedded("sentences.bin", Read) : null,
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly LinearModel _model;

    public SentenceBoundaryModel(LinearModel model) => _model = model;

    /// <summary>The embedded model, or null when none is embedded (the rules are then used alone).</summary>
    public static SentenceBoundaryModel? Default => LazyDefault.Value;

    public LinearModel Model => _model;

    public bool IsBoundary(string text, IReadOnlyList<TextSpan> tokens, int i, int end, bool rule, int sentenceLength)
    {
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        int n = Extract(text, tokens, i, end, rule, sentenceLength, features);
        Span<float> scores = stackalloc float[2];
        _model.Score(features[..n], scores);
        return scores[1] > scores[0];
    }

    internal const int MaxFeatures = 24;

    internal static int Extract(string text, IReadOnlyList<TextSpan> tokens, int i, int end, bool rule, int sentenceLength, Span<ulong> f)
    {
        var cur = tokens[i];
        var next = tokens[i + 1];
        ulong r = rule ? 1UL : 0UL;
        ulong curLower = FeatureHash.LowerFolded(text.AsSpan(cur.Start, cur.Length));
        ulong nextLower = FeatureHash.LowerFolded(text.AsSpan(next.Start, next.Length));
        ulong prevLower = i > 0 && tokens[i - 1].End <= cur.Start ? FeatureHash.LowerFolded(text.AsSpan(tokens[i - 1].Start, tokens[i - 1].Length)) : 0;
        ulong next2Lower = i + 2 < end ? FeatureHash.LowerFolded(text.AsSpan(tokens[i + 2].Start, tokens[i + 2].Length)) : 1;
        ulong curShape = FeatureHash.Shape(text.AsSpan(cur.Start, cur.Length));
        ulong nextShape = FeatureHash.Shape(text.AsSpan(next.Start, next.Length));
        int newlines = 0;
        for (int k = cur.End; k < next.Start; k++) if (text[k] == '\n') newlines++;
        ulong gap = (ulong)(next.Start == cur.End ? 0 : 1) + (ulong)Math.Min(newlines, 2) * 2;
        ulong length = sentenceLength switch { 1 => 1, 2 => 2, 3 => 3, <= 5 => 4, <= 10 => 5, <= 20 => 6, <= 40 => 7, _ => 8 };
        int n = 0;
        f[n++] = FeatureHash.Feature(0, 0);
        f[n++] = FeatureHash.Feature(1, r);
        f[n++] = FeatureHash.Feature(2, r, nextShape);
        f[n++] = FeatureHash.Feature(3, curLower);
        f[n++] = FeatureHash.Feature(4, nextLower);
        f[n++] = FeatureHash.Feature(5, prevLower);
        f[n++] = FeatureHash.Feature(6, curShape);
        f[n++] = FeatureHash.Feature(7, nextShape);
        f[n++] = FeatureHash.Feature(8, curLower, nextShape);
        f[n++] = FeatureHash.Feature(9, curShape, nextLower);
        f[n++] = FeatureHash.Feature(10, gap);
        f[n++] = FeatureHash.Feature(11, gap, r);
        f[n++] = FeatureHash.Feature(12, length, r);
        f[n++] = FeatureHash.Feature(13, nextLower, next2Lower);
        f[n++] = FeatureHash.Feature(14, curLower, r);
        f[n++] = FeatureHash.Feature(15, gap, nextShape);
        f[n++] = FeatureHash.Feature(16, prevLower, curLower);
        f[n++] = FeatureHash.Feature(17, length, nextShape);
        ulong next2Shape = i + 2 < end ? FeatureHash.Shape(text.AsSpan(tokens[i + 2].Start, tokens[i + 2].Length)) : 1;
        ulong prevShape = i > 0 ? FeatureHash.Shape(text.AsSpan(tokens[i - 1].Start, tokens[i - 1].Length)) : 0;
        f[n++] = FeatureHash.Feature(18, nextShape, next2Shape);
        f[n++] = FeatureHash.Feature(20, prevShape, curShape);
        f[n++] = FeatureHash.Feature(21, Kind(text, cur), Kind(text, next), r);
        return n;
    }

    /// <summary>Coarse token kind: link or address, number or time, capitalised, lower-case, punctuation.</summary>
    private static ulong Kind(string text, TextSpan t)
    {
        var w = text.AsSpan(t.Start, t.Length);
        if (w.Contains("://", StringComparison.Ordinal) || w.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || w.Length > 2 && w[1..].Contains('@')) return 1;
        if (char.IsDigit(w[0])) return 2;
        if (char.IsUpper(w[0])) return 3;
        if (char.IsLower(w[0])) return 4;
        return 5;
    }

    public void Write(BinaryWriter w) => _model.Write(w);

    public static SentenceBoundaryModel Read(BinaryReader r) => new(LinearModel.Read(r));

    /// <summary>Trains on running text rebuilt from CoNLL-U documents (our tokenizer, gold sentence ends).</summary>
    public static SentenceBoundaryModel Train(IReadOnlyList<GoldText> texts, int iterations, int seed, Action<string>? log = null)
    {
        var instances = new List<(ulong[] Features, int Label)>();
        // Features depend on the running sentence length, which at training time follows the gold boundaries.
        foreach (var gold in texts)
        {
            var seg = new Segmentation();
            Tokenizer.Tokenize(gold.Text, 0, gold.Text.Length, seg.Tokens);
            var ends = new HashSet<int>(gold.Sentences.Select(s => s.End));
            var tokens = seg.Tokens;
            var rule = SentenceSplitter.RuleBoundaries(gold.Text, tokens, 0, tokens.Count);
            int sentenceStart = 0;
            var buffer = new ulong[MaxFeatures];
            for (int i = 0; i < tokens.Count - 1; i++)
            {
                bool boundary = ends.Contains(tokens[i].End);
                if (!SentenceSplitter.HasParagraphBreak(gold.Text, tokens[i].End, tokens[i + 1].Start)
                    && SentenceSplitter.IsCandidate(gold.Text, tokens, i, rule[i]))
                {
                    int n = Extract(gold.Text, tokens, i, tokens.Count, rule[i], i - sentenceStart + 1, buffer);
                    instances.Add((buffer[..n], boundary ? 1 : 0));
                }
                if (boundary) sentenceStart = i + 1;
            }
        }
        var trainer = new PerceptronTrainer(2, 1 << 14);
        var order = Enumerable.Range(0, instances.Count).ToArray();
        var rng = new Random(seed);
        var scores = new float[2];
        for (int it = 0; it < iterations; it++)
        {
            rng.Shuffle(order);
            int errors = 0;
            foreach (int k in order)
            {
                var (features, label) = instances[k];
                trainer.Score(features, scores);
                int guess = scores[1] > scores[0] ? 1 : 0;
                if (guess != label) { errors++; trainer.Update(features, label, guess); }
                trainer.Tick();
            }
            log?.Invoke($"iteration {it + 1}/{iterations}: {errors} of {instances.Count} gaps misclassified");
        }
        return new SentenceBoundaryModel(trainer.ToModel(["continue", "boundary"]));
    }
}
