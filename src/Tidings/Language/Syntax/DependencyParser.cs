namespace Tidings.Language.Syntax;

/// <summary>
/// Greedy arc-eager dependency parser with two averaged-perceptron models: one picks the move (shift,
/// reduce, left-arc, right-arc), the other the UD relation of each new arc. Input is tagged tokens (Penn
/// and universal tags); output is a head (1-based within the sentence, 0 = root) and a relation per token.
/// Immutable after load, so one instance serves every thread.
/// </summary>
public sealed class DependencyParser
{
    public const string RootRelation = "root";

    private readonly LinearModel _actions;
    private readonly LinearModel _relations;
    private readonly bool[] _lifted;
    private readonly int _root, _punct, _fallback;

    public DependencyParser(LinearModel actions, LinearModel relations)
    {
        _actions = actions;
        _relations = relations;
        _lifted = relations.Labels.Select(l => l.Contains(PseudoProjective.LiftMark)).ToArray();
        _root = Array.IndexOf(relations.Labels, RootRelation);
        _punct = Math.Max(0, Array.IndexOf(relations.Labels, "punct"));
        _fallback = Math.Max(0, Array.IndexOf(relations.Labels, "parataxis"));
        if (_root < 0) throw new InvalidDataException("Parser relations lack 'root'.");
    }

    public LinearModel ActionModel => _actions;
    public LinearModel RelationModel => _relations;

    /// <summary>Relation labels, including the lifted ones ("obj↑ccomp") only seen inside the parser.</summary>
    public string[] Relations => _relations.Labels;

    internal int RootLabel => _root;

    private sealed class Scratch
    {
        public readonly ArcEagerState State = new();
        public readonly ParserWords Words = new();
        public readonly ulong[] Features = new ulong[Math.Max(ParserFeatures.MaxActionFeatures, ParserFeatures.MaxLabelFeatures)];
        public readonly float[] RelationScores = new float[256];
    }

    [ThreadStatic] private static Scratch? _scratch;

    /// <summary>Parses one tagged sentence; heads[i] is 1-based (0 = root), relations[i] a UD relation.</summary>
    public void Parse(string text, ReadOnlySpan<TextSpan> tokens, ReadOnlySpan<string> xpos, ReadOnlySpan<string> upos,
        Span<int> heads, Span<string> relations)
    {
        // Callers may pass buffers longer than the sentence.
        heads = heads[..tokens.Length];
        relations = relations[..tokens.Length];
        var scratch = _scratch ??= new Scratch();
        var words = scratch.Words;
        var state = scratch.State;
        words.Load(text, tokens, xpos, upos);
        state.Reset(tokens.Length);
        Span<float> scores = stackalloc float[ArcEagerState.ActionCount];
        while (!state.IsTerminal)
        {
            int n = ParserFeatures.ExtractAction(words, state, scratch.Features);
            _actions.Score(scratch.Features.AsSpan(0, n), scores);
            var action = BestValid(state, scores);
            int label = -1;
            if (action is ParserAction.LeftArc or ParserAction.RightArc)
            {
                var (head, dependent) = ArcOf(state, action);
                if (head == 0) label = _root;
                else
                {
                    int m = ParserFeatures.ExtractLabel(words, state, head, dependent, scratch.Features);
                    var relationScores = scratch.RelationScores.AsSpan(0, _relations.Labels.Length);
                    _relations.Score(scratch.Features.AsSpan(0, m), relationScores);
                    label = BestRelation(relationScores, _root);
                }
            }
            state.Apply(action, label);
        }
        var punct = words.Punct;
        state.Finish(_root, _fallback, _punct, punct);
        bool anyLifted = false;
        for (int i = 0; i < tokens.Length; i++)
        {
            heads[i] = state.Head[i + 1];
            relations[i] = _relations.Labels[state.Label[i + 1]];
            anyLifted |= _lifted[state.Label[i + 1]];
        }
        if (anyLifted) Lower(heads, relations);
        ParentheticalRepair.Apply(heads, relations, punct.AsSpan(1, tokens.Length));
    }

    private static void Lower(Span<int> heads, Span<string> relations)
    {
        var h = new int[heads.Length + 1];
        var r = new string[heads.Length + 1];
        r[0] = "";
        heads.CopyTo(h.AsSpan(1));
        relations.CopyTo(r.AsSpan(1));
        PseudoProjective.Deprojectivize(h, r);
        h.AsSpan(1).CopyTo(heads);
        r.AsSpan(1).CopyTo(relations);
    }

    internal static (int Head, int Dependent) ArcOf(ArcEagerState state, ParserAction action)
        => action == ParserAction.LeftArc ? (state.Next, state.S0) : (state.S0, state.Next);

    internal static ParserAction BestValid(ArcEagerState state, ReadOnlySpan<float> scores)
    {
        int best = -1;
        for (int a = 0; a < ArcEagerState.ActionCount; a++)
            if (state.IsValid((ParserAction)a) && (best < 0 || scores[a] > scores[best])) best = a;
        return (ParserAction)best;
    }

    /// <summary>The best-scoring relation other than "root" (only an arc from the root takes that one).</summary>
    internal static int BestRelation(ReadOnlySpan<float> scores, int root)
    {
        int best = root == 0 ? 1 : 0;
        for (int c = 0; c < scores.Length; c++) if (c != root && scores[c] > scores[best]) best = c;
        return best;
    }

    /// <summary>
    /// The same parser with small weights dropped (see <see cref="LinearModel.Pruned"/>). The relation model
    /// is pruned four times less: it is small, and its rare features (a noun's own relation) matter.
    /// </summary>
    public DependencyParser Pruned(float minWeight) => new(_actions.Pruned(minWeight), _relations.Pruned(minWeight / 4));

    public void Write(BinaryWriter w)
    {
        _actions.Write(w);
        _relations.Write(w);
    }

    public static DependencyParser Read(BinaryReader r) => new(LinearModel.Read(r), LinearModel.Read(r));
}
