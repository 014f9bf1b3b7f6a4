namespace Tidings.Language;

/// <summary>
/// Named-entity recognizer: structured averaged perceptron over BILOU labels (PERSON, ORG, LOC), decoded with
/// Viterbi under BILOU constraints so every output span is well formed. Features: word, shape, affixes,
/// neighbouring words and shapes, predicted UPOS, capitalised-run position and gazetteer matches.
/// Must be called right after <see cref="PosTagger.Tag"/> on the same tokens (it reuses the tagger's
/// per-thread token hashes).
/// </summary>
public sealed class EntityRecognizer
{
    public static readonly string[] Types = ["PERSON", "ORG", "LOC"];
    private const int TransitionTemplate = 90;

    private readonly LinearModel _model;
    private readonly Gazetteer _gazetteer;
    private readonly float[] _transitions; // [(prev + 1) * L + cur], prev = -1 is the sentence start
    private readonly string[] _tagNames;
    private readonly StaticScoreCache _staticScores;
    private readonly WordStats _wordStats;

    public EntityRecognizer(LinearModel model, Gazetteer gazetteer, WordStats? wordStats = null)
    {
        _model = model;
        _gazetteer = gazetteer;
        _wordStats = wordStats ?? WordStats.Empty;
        int l = LabelCount;
        _transitions = new float[(l + 1) * l];
        var row = new float[l];
        for (int prev = -1; prev < l; prev++)
        {
            row.AsSpan().Clear();
            _model.AddFeature(TransitionKey(prev), row);
            row.CopyTo(_transitions, (prev + 1) * l);
        }
        _tagNames = Enumerable.Range(0, l).Select(LabelName).ToArray();
        _staticScores = new StaticScoreCache(model);
    }

    public static int LabelCount => 1 + Types.Length * 4;
    public LinearModel Model => _model;
    public Gazetteer Gazetteer => _gazetteer;
    public WordStats WordStats => _wordStats;

    /// <summary>BILOU tag name of a label index ("O", "B-PERSON", "U-LOC", ...).</summary>
    public string TagName(int label) => _tagNames[label];

    private static string LabelName(int label) => label == 0 ? "O" : "BILU"[(label - 1) % 4] + "-" + Types[(label - 1) / 4];

    private static ulong TransitionKey(int prev) => FeatureHash.Feature(TransitionTemplate, (ulong)(prev + 1));

    /// <summary>Labels tokens (one sentence) with BILOU label indices.</summary>
    public void Recognize(string text, ReadOnlySpan<TextSpan> tokens, ReadOnlySpan<int> posLabels, string[] uposNames, Span<int> output)
    {
        int n = tokens.Length;
        if (n == 0) return;
        var ctx = TokenContext.ForThread();
        if (ctx.Count != n) ctx.Load(text, tokens);
        int l = LabelCount;
        var scratch = NerScratch.ForThread(n, l);
        PrepareSentence(ctx, posLabels, uposNames, scratch);
        Span<ulong> features = stackalloc ulong[NerFeatures.MaxFeatures];
        for (int i = 0; i < n; i++)
        {
            var emissions = scratch.Emissions.AsSpan(i * l, l);
            if (!_staticScores.TryLoad(ctx.Exact[i], emissions))
                _staticScores.Store(ctx.Exact[i], features[..NerFeatures.ExtractStatic(ctx, i, scratch.Word[i], features)], emissions);
            if (!NerFeatures.NeedsContext(ctx, scratch, i)) continue;
            int nc = NerFeatures.ExtractContext(ctx, scratch, i, features);
            _model.Add(features[..nc], emissions);
        }
        Viterbi.Decode(scratch.Emissions, _transitions, n, l, output, scratch);
    }

    private sealed record UposHashTable(string[] Names, ulong[] Hashes);
    private UposHashTable? _uposHashes;

    private ulong[] UposHashes(string[] uposNames)
    {
        // The tagger's label table never changes, so its hashes are computed once; one reference swap keeps
        // names and hashes consistent across threads.
        var table = _uposHashes;
        if (table != null && ReferenceEquals(table.Names, uposNames)) return table.Hashes;
        table = new UposHashTable(uposNames, uposNames.Select(u => FeatureHash.Chars(u)).ToArray());
        _uposHashes = table;
        return table.Hashes;
    }

    internal void PrepareSentence(TokenContext ctx, ReadOnlySpan<int> posLabels, string[] uposNames, NerScratch scratch)
    {
        int n = ctx.Count;
        var uposHashes = UposHashes(uposNames);
        for (int i = 0; i < n; i++) scratch.Upos[i] = uposHashes[posLabels[i]];
        _gazetteer.Match(ctx.Lower.AsSpan(0, n), scratch.Gazetteer);
        for (int i = 0; i < n; i++) scratch.Word[i] = _wordStats.Class(ctx.Lower[i]);
    }

    /// <summary>Turns BILOU labels into entity spans (hyphenated names stay one span: "Bhutto-Zardari").</summary>
    public void CollectEntities(string text, ReadOnlySpan<TextSpan> tokens, ReadOnlySpan<int> labels, List<EntitySpan> output)
    {
        int start = -1;
        for (int i = 0; i < tokens.Length; i++)
        {
            int y = labels[i];
            if (y == 0) { start = -1; continue; }
            int pos = (y - 1) % 4;
            string type = Types[(y - 1) / 4];
            if (pos == 3) { Add(text, tokens[i].Start, tokens[i].End, type, output); start = -1; }
            else if (pos == 0) start = i;
            else if (pos == 2 && start >= 0) { Add(text, tokens[start].Start, tokens[i].End, type, output); start = -1; }
        }
    }

    private static void Add(string text, int start, int end, string type, List<EntitySpan> output)
        => output.Add(new EntitySpan(start, end, type, text.Substring(start, end - start)));

    public void Write(BinaryWriter w)
    {
        _model.Write(w);
        _gazetteer.Write(w);
        _wordStats.Write(w);
    }

    public static EntityRecognizer Read(BinaryReader r) => new(LinearModel.Read(r), Gazetteer.Read(r), WordStats.Read(r));

    /// <summary>Converts BIO tags ("B-PERSON", "I-PERSON", "O") to BILOU label indices.</summary>
    public static int[] ToBilou(IReadOnlyList<string> bio)
    {
        var result = new int[bio.Count];
        for (int i = 0; i < bio.Count; i++)
        {
            string tag = bio[i];
            if (tag == "O" || tag.Length < 3) continue;
            int type = Array.IndexOf(Types, tag[2..]);
            if (type < 0) continue;
            bool begins = tag[0] == 'B' || i == 0 || bio[i - 1].Length < 3 || bio[i - 1][2..] != tag[2..];
            bool continues = i + 1 < bio.Count && bio[i + 1].Length > 2 && bio[i + 1][0] == 'I' && bio[i + 1][2..] == tag[2..];
            int pos = begins ? (continues ? 0 : 3) : (continues ? 1 : 2);
            result[i] = 1 + type * 4 + pos;
        }
        return result;
    }

    /// <summary>Structured perceptron training; deterministic for a given seed.</summary>
    public static EntityRecognizer Train(IReadOnlyList<CorpusSentence> sentences, PosTagger posTagger, Gazetteer gazetteer,
        int iterations, int seed, Action<string>? log = null, WordStats? wordStats = null)
    {
        int l = LabelCount;
        var trainer = new PerceptronTrainer(l);
        var data = sentences.Select(s =>
        {
            var (text, spans) = PosTagger.JoinForms(s.Words.Select(w => w.Form));
            return (Text: text, Spans: spans, Gold: ToBilou(s.Words.Select(w => w.Ner).ToList()));
        }).Where(d => d.Spans.Length > 0).ToList();
        var shell = new EntityRecognizer(new LinearModel(new string[l], [], []), gazetteer, wordStats);
        var order = Enumerable.Range(0, data.Count).ToArray();
        var rng = new Random(seed);
        var transitions = new float[(l + 1) * l];
        var row = new float[l];
        var features = new List<ulong[]>();
        for (int it = 0; it < iterations; it++)
        {
            rng.Shuffle(order);
            int wrongSentences = 0;
            foreach (int si in order)
            {
                var (text, spans, gold) = data[si];
                int n = spans.Length;
                var posLabels = new int[n];
                posTagger.Tag(text, spans, posLabels);
                var ctx = TokenContext.ForThread();
                var scratch = NerScratch.ForThread(n, l);
                shell.PrepareSentence(ctx, posLabels, posTagger.Upos, scratch);
                features.Clear();
                var buffer = new ulong[NerFeatures.MaxFeatures];
                for (int i = 0; i < n; i++)
                {
                    int k = NerFeatures.Extract(ctx, scratch, i, buffer);
                    features.Add(buffer[..k]);
                    trainer.Score(features[i], scratch.Emissions.AsSpan(i * l, l));
                }
                for (int prev = -1; prev < l; prev++)
                {
                    trainer.Score([TransitionKey(prev)], row);
                    row.CopyTo(transitions, (prev + 1) * l);
                }
                var predicted = new int[n];
                Viterbi.Decode(scratch.Emissions, transitions, n, l, predicted, scratch);
                bool wrong = false;
                for (int i = 0; i < n; i++)
                {
                    int gPrev = i == 0 ? -1 : gold[i - 1], pPrev = i == 0 ? -1 : predicted[i - 1];
                    if (gold[i] == predicted[i] && gPrev == pPrev) continue;
                    wrong = true;
                    foreach (var f in features[i]) { trainer.Adjust(f, gold[i], 1f); trainer.Adjust(f, predicted[i], -1f); }
                    trainer.Adjust(TransitionKey(gPrev), gold[i], 1f);
                    trainer.Adjust(TransitionKey(pPrev), predicted[i], -1f);
                }
                if (wrong) wrongSentences++;
                trainer.Tick();
            }
            log?.Invoke($"iteration {it + 1}/{iterations}: {wrongSentences} of {data.Count} sentences mislabelled");
        }
        var labels = Enumerable.Range(0, l).Select(LabelName).ToArray();
        return new EntityRecognizer(trainer.ToModel(labels), gazetteer, wordStats);
    }
}

/// <summary>Per-thread buffers for the recognizer (emission scores, Viterbi tables, per-token extras).</summary>
internal sealed class NerScratch
{
    [ThreadStatic] private static NerScratch? _perThread;

    public float[] Emissions = [];
    public float[] Best = [];
    public int[] Back = [];
    public ulong[] Upos = [];
    public uint[] Gazetteer = [];
    public byte[] Word = [];

    public static NerScratch ForThread(int tokens, int labels)
    {
        var s = _perThread ??= new NerScratch();
        if (s.Upos.Length < tokens)
        {
            int size = Math.Max(tokens, 64) * 2;
            s.Emissions = new float[size * labels];
            s.Best = new float[size * labels];
            s.Back = new int[size * labels];
            s.Upos = new ulong[size];
            s.Gazetteer = new uint[size];
            s.Word = new byte[size];
        }
        return s;
    }
}
