namespace Tidings.Language.Syntax;

/// <summary>A training sentence: text with token spans, predicted tags, and the projectivized gold tree (index 0 = root).</summary>
public sealed record ParserTrainingSentence(string Text, TextSpan[] Tokens, string[] Xpos, string[] Upos, int[] Heads, int[] Relations);

/// <summary>
/// Trains <see cref="DependencyParser"/>: greedy arc-eager with a dynamic oracle and error exploration
/// (Goldberg &amp; Nivre 2012) — after the first pass the trainer follows its own move 90% of the time, so it
/// learns to recover from its mistakes. Tags come from the shipped tagger (not gold) so that the parser is
/// trained on the kind of tags it will see. Deterministic for a given seed.
/// </summary>
public static class ParserTraining
{
    /// <summary>Lifted relations seen fewer times than this keep only their own relation (smaller label set).</summary>
    private const int MinLiftedCount = 5;
    private const double ExplorationRate = 0.9;

    /// <summary>
    /// Jackknifing: K taggers, tagger k trained on every block of sentences but the k-th (contiguous blocks,
    /// so mostly whole documents), so that each sentence gets tags from a tagger that never saw it — as
    /// error-prone as at run time. Pruned like the shipped tagger.
    /// </summary>
    public static List<PosTagger> JackknifeTaggers(IReadOnlyList<CorpusSentence> sentences, int folds, int iterations, int seed, float minWeight, Action<string>? log = null)
    {
        var taggers = new List<PosTagger>();
        for (int k = 0; k < folds; k++)
        {
            var rest = sentences.Where((_, i) => FoldOf(i, sentences.Count, folds) != k).ToList();
            var tagger = LanguageTraining.TrainPos(rest, iterations, seed);
            taggers.Add(minWeight > 0 ? tagger.Pruned(minWeight) : tagger);
            log?.Invoke($"jackknife tagger {k + 1}/{folds} trained on {rest.Count} sentences");
        }
        return taggers;
    }

    private static int FoldOf(int sentence, int count, int folds) => (int)((long)sentence * folds / count);

    /// <summary>
    /// Tags the sentences (sentence i by taggers[fold of i], see <see cref="JackknifeTaggers"/>; one tagger
    /// tags all) and projectivizes their trees; relation table sorted, "root" included.
    /// </summary>
    public static (List<ParserTrainingSentence> Data, string[] Relations) Prepare(IReadOnlyList<CorpusSentence> sentences, IReadOnlyList<PosTagger> taggers, Action<string>? log = null)
    {
        var prepared = new List<(string Text, TextSpan[] Spans, string[] Xpos, string[] Upos, int[] Heads, string[] Rels)>();
        var labels = new int[256];
        int lifts = 0;
        for (int si = 0; si < sentences.Count; si++)
        {
            var s = sentences[si];
            var tagger = taggers[FoldOf(si, sentences.Count, taggers.Count)];
            if (s.Words.Any(w => w.Head < 0)) continue;
            var (text, spans) = PosTagger.JoinForms(s.Words.Select(w => w.Form));
            if (labels.Length < spans.Length) labels = new int[spans.Length * 2];
            tagger.Tag(text, spans, labels);
            var heads = new int[spans.Length + 1];
            var rels = new string[spans.Length + 1];
            rels[0] = "";
            for (int i = 0; i < spans.Length; i++) { heads[i + 1] = s.Words[i].Head; rels[i + 1] = s.Words[i].Deprel; }
            lifts += PseudoProjective.Projectivize(heads, rels);
            prepared.Add((text, spans, labels.Take(spans.Length).Select(l => tagger.Xpos[l]).ToArray(),
                labels.Take(spans.Length).Select(l => tagger.Upos[l]).ToArray(), heads, rels));
        }
        var counts = prepared.SelectMany(p => p.Rels.Skip(1)).GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
        string Keep(string r) => r.Contains(PseudoProjective.LiftMark) && counts[r] < MinLiftedCount ? r[..r.IndexOf(PseudoProjective.LiftMark)] : r;
        var relations = counts.Keys.Select(Keep).Append(DependencyParser.RootRelation).Distinct().Order(StringComparer.Ordinal).ToArray();
        var index = relations.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i);
        var data = prepared.Select(p => new ParserTrainingSentence(p.Text, p.Spans, p.Xpos, p.Upos, p.Heads,
            p.Rels.Select((r, i) => i == 0 ? -1 : index[Keep(r)]).ToArray())).ToList();
        log?.Invoke($"{data.Count} sentences, {data.Sum(d => d.Tokens.Length)} tokens, {lifts} arcs lifted, {relations.Length} relations ({relations.Count(r => r.Contains(PseudoProjective.LiftMark))} lifted)");
        return (data, relations);
    }

    public static DependencyParser Train(IReadOnlyList<ParserTrainingSentence> data, string[] relations, int iterations, int seed,
        Action<string>? log = null, IReadOnlyList<CorpusSentence>? dev = null, PosTagger? devTagger = null)
    {
        if (relations.Length > 255) throw new ArgumentException("At most 255 relations.", nameof(relations));
        var actions = new PerceptronTrainer(ArcEagerState.ActionCount);
        var labeler = new PerceptronTrainer(relations.Length);
        var rng = new Random(seed);
        var order = Enumerable.Range(0, data.Count).ToArray();
        var run = new TrainingRun(actions, labeler, Array.IndexOf(relations, DependencyParser.RootRelation), rng);
        for (int it = 0; it < iterations; it++)
        {
            rng.Shuffle(order);
            run.Reset(explore: it > 0);
            foreach (int si in order) run.Sentence(data[si]);
            string message = $"iteration {it + 1}/{iterations}: moves right {100.0 * run.RightMoves / Math.Max(1, run.Moves):F2}%, relations right {100.0 * run.RightRelations / Math.Max(1, run.Relations):F2}%";
            if (dev != null && devTagger != null && (it + 1) % 5 == 0)
            {
                var snapshot = new DependencyParser(actions.ToModel(ActionNames), labeler.ToModel(relations));
                var score = ParseEvaluation.Evaluate(snapshot, devTagger, dev);
                message += $"; dev UAS {score.Uas:F2} LAS {score.Las:F2}";
            }
            log?.Invoke(message);
        }
        return new DependencyParser(actions.ToModel(ActionNames), labeler.ToModel(relations));
    }

    private static readonly string[] ActionNames = Enum.GetNames<ParserAction>();

    /// <summary>One pass's training state: scratch buffers and running accuracy.</summary>
    private sealed class TrainingRun(PerceptronTrainer actions, PerceptronTrainer labeler, int root, Random rng)
    {
        private readonly ArcEagerState _state = new();
        private readonly ParserWords _words = new();
        private readonly ulong[] _features = new ulong[ParserFeatures.MaxActionFeatures];
        private readonly float[] _scores = new float[ArcEagerState.ActionCount];
        private readonly int[] _costs = new int[ArcEagerState.ActionCount];
        private readonly float[] _relationScores = new float[labeler.Classes];
        private bool _explore;

        public int Moves, RightMoves, Relations, RightRelations;

        public void Reset(bool explore)
        {
            _explore = explore;
            Moves = RightMoves = Relations = RightRelations = 0;
        }

        public void Sentence(ParserTrainingSentence s)
        {
            _words.Load(s.Text, s.Tokens, s.Xpos, s.Upos);
            _state.Reset(s.Tokens.Length);
            while (!_state.IsTerminal)
            {
                int n = ParserFeatures.ExtractAction(_words, _state, _features);
                actions.Score(_features.AsSpan(0, n), _scores);
                var predicted = DependencyParser.BestValid(_state, _scores);
                var best = BestZeroCost(s.Heads);
                bool right = _costs[(int)predicted] == _costs[(int)best];
                Moves++;
                if (right) RightMoves++;
                else actions.Update(_features.AsSpan(0, n), (int)best, (int)predicted);
                actions.Tick();
                bool follow = right || (_explore && rng.NextDouble() < ExplorationRate);
                var move = follow ? predicted : best;
                int label = -1;
                if (move is ParserAction.LeftArc or ParserAction.RightArc) label = Relation(s, move, follow);
                _state.Apply(move, label);
            }
        }

        /// <summary>The highest-scoring valid move of least cost (fills _costs for valid moves).</summary>
        private ParserAction BestZeroCost(int[] gold)
        {
            int best = -1;
            for (int a = 0; a < ArcEagerState.ActionCount; a++)
            {
                var action = (ParserAction)a;
                if (!_state.IsValid(action)) { _costs[a] = int.MaxValue; continue; }
                _costs[a] = _state.Cost(action, gold);
                if (best < 0 || _costs[a] < _costs[best] || (_costs[a] == _costs[best] && _scores[a] > _scores[best])) best = a;
            }
            return (ParserAction)best;
        }

        /// <summary>Predicts and (for a gold arc) learns the relation; the gold one is kept unless exploring.</summary>
        private int Relation(ParserTrainingSentence s, ParserAction move, bool followedPrediction)
        {
            var (head, dependent) = DependencyParser.ArcOf(_state, move);
            if (head == 0) return root;
            int n = ParserFeatures.ExtractLabel(_words, _state, head, dependent, _features);
            labeler.Score(_features.AsSpan(0, n), _relationScores);
            int predicted = DependencyParser.BestRelation(_relationScores, root);
            if (s.Heads[dependent] != head) return predicted;
            int gold = s.Relations[dependent];
            Relations++;
            if (predicted == gold) RightRelations++;
            else labeler.Update(_features.AsSpan(0, n), gold, predicted);
            labeler.Tick();
            return followedPrediction && _explore ? predicted : gold;
        }
    }
}
