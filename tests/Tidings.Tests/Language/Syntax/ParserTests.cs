using Tidings.Language;
using Tidings.Language.Syntax;

namespace Tidings.Tests.Language.Syntax;

public class ParserTests
{
    private static List<CorpusSentence> Slice()
        => CorpusReader.ReadConllu(Path.Combine(AppContext.BaseDirectory, "Language", "Fixtures", "ewt-train-slice.conllu"));

    [Fact]
    public void TrainingOnASliceLearnsAndRoundTripsThroughAModelFile()
    {
        var sentences = Slice();
        var train = sentences.Take(120).ToList();
        var heldOut = sentences.Skip(120).ToList();
        var tagger = LanguageAnalyzer.Default.PosTagger;
        var (data, relations) = ParserTraining.Prepare(train, [tagger]);
        var parser = ParserTraining.Train(data, relations, iterations: 6, seed: 1);
        var onTrain = ParseEvaluation.Evaluate(parser, tagger, train);
        var onHeldOut = ParseEvaluation.Evaluate(parser, tagger, heldOut);
        Assert.True(onTrain.Las > 85, $"training LAS {onTrain.Las}");
        Assert.True(onHeldOut.Uas > 50, $"held-out UAS {onHeldOut.Uas}");

        var path = Path.Combine(Path.GetTempPath(), $"tidings-parser-{Guid.NewGuid():N}.bin");
        try
        {
            ModelFile.Save(path, parser.Write);
            var reloaded = ModelFile.Load(path, DependencyParser.Read);
            Assert.Equal(onHeldOut, ParseEvaluation.Evaluate(reloaded, tagger, heldOut));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void TrainingIsDeterministicForAFixedSeed()
    {
        var (data, relations) = ParserTraining.Prepare(Slice().Take(40).ToList(), [LanguageAnalyzer.Default.PosTagger]);
        byte[] Bytes(DependencyParser p)
        {
            using var stream = new MemoryStream();
            using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, true)) p.Write(w);
            return stream.ToArray();
        }
        Assert.Equal(Bytes(ParserTraining.Train(data, relations, 3, seed: 7)), Bytes(ParserTraining.Train(data, relations, 3, seed: 7)));
    }

    [Fact]
    public void JackknifeTagsEachBlockWithATaggerThatNeverSawIt()
    {
        var sentences = Slice().Take(60).ToList();
        var taggers = ParserTraining.JackknifeTaggers(sentences, folds: 2, iterations: 2, seed: 1, minWeight: 0);
        Assert.Equal(2, taggers.Count);
        var (data, _) = ParserTraining.Prepare(sentences, taggers);
        Assert.Equal(sentences.Count, data.Count);
    }

    [Fact]
    public void PseudoProjectiveLiftingIsUndoneAfterParsing()
    {
        // 1 What 2 did 3 you 4 say 5 he 6 wanted: "What" (obj of wanted) crosses "say" → non-projective from 6.
        int[] heads = [0, 6, 4, 4, 0, 6, 4];
        string[] relations = ["", "obj", "aux", "nsubj", "root", "nsubj", "ccomp"];
        Assert.Equal(1, PseudoProjective.SmallestNonProjective(heads));
        int lifts = PseudoProjective.Projectivize(heads, relations);
        Assert.Equal(1, lifts);
        Assert.Equal(4, heads[1]);
        Assert.Equal("obj↑ccomp", relations[1]);
        Assert.Equal(0, PseudoProjective.SmallestNonProjective(heads));
        PseudoProjective.Deprojectivize(heads, relations);
        Assert.Equal(6, heads[1]);
        Assert.Equal("obj", relations[1]);
    }

    [Fact]
    public void FollowingTheOracleRebuildsEveryProjectiveGoldTree()
    {
        var tagger = LanguageAnalyzer.Default.PosTagger;
        var (data, _) = ParserTraining.Prepare(Slice(), [tagger]);
        var state = new ArcEagerState();
        foreach (var s in data)
        {
            state.Reset(s.Tokens.Length);
            while (!state.IsTerminal)
            {
                var move = Enum.GetValues<ParserAction>().First(a => state.IsValid(a) && state.Cost(a, s.Heads) == 0);
                state.Apply(move, 0);
            }
            for (int i = 1; i <= s.Tokens.Length; i++) if (state.Head[i] < 0) state.Head[i] = 0;
            Assert.Equal(s.Heads[1..], state.Head[1..(s.Tokens.Length + 1)]);
        }
    }

    [Fact]
    public void ParentheticalReportingClauseIsRebuiltAroundThePredicate()
    {
        // The Taliban , he said , was unable . — as a greedy parse gets it: "said" heads both noun phrases.
        int[] heads = [2, 5, 2, 5, 0, 5, 8, 5, 5];
        string[] relations = ["det", "obl:unmarked", "punct", "nsubj", "root", "punct", "cop", "ccomp", "punct"];
        bool[] punct = [false, false, true, false, false, true, false, false, true];
        ParentheticalRepair.Apply(heads, relations, punct);
        Assert.Equal(new[] { 2, 8, 5, 5, 8, 5, 8, 0, 8 }, heads);
        Assert.Equal(new[] { "det", "nsubj", "punct", "nsubj", "parataxis", "punct", "cop", "root", "punct" }, relations);
    }

    [Fact]
    public void ParentheticalRepairLeavesOrdinaryReportedSpeechAlone()
    {
        // On Monday , he said , the army left . — "Monday" has a case marker and "left" its own subject.
        int[] heads = [2, 5, 2, 5, 0, 5, 8, 9, 5, 5];
        string[] relations = ["case", "obl", "punct", "nsubj", "root", "punct", "det", "nsubj", "ccomp", "punct"];
        var before = (int[])heads.Clone();
        bool[] punct = [false, false, true, false, false, true, false, false, false, true];
        ParentheticalRepair.Apply(heads, relations, punct);
        Assert.Equal(before, heads);
    }
}
