using Tidings.Language;

namespace Tidings.Tests.Language;

public class ModelTests
{
    private static List<CorpusSentence> Slice()
        => CorpusReader.ReadConllu(Path.Combine(AppContext.BaseDirectory, "Language", "Fixtures", "ewt-train-slice.conllu"));

    [Fact]
    public void PosTrainingOnASliceLearnsAndRoundTripsThroughAModelFile()
    {
        var sentences = Slice();
        Assert.Equal(150, sentences.Count);
        var train = sentences.Take(120).ToList();
        var heldOut = sentences.Skip(120).ToList();
        var tagger = LanguageTraining.TrainPos(train, iterations: 5, seed: 1);
        var onTrain = TaggingEvaluation.Evaluate(tagger, null, train);
        var onHeldOut = TaggingEvaluation.Evaluate(tagger, null, heldOut);
        Assert.True(onTrain.Upos > 95, $"training UPOS {onTrain.Upos}");
        Assert.True(onHeldOut.Upos > 60, $"held-out UPOS {onHeldOut.Upos}");

        var path = Path.Combine(Path.GetTempPath(), $"tidings-pos-{Guid.NewGuid():N}.bin");
        try
        {
            ModelFile.Save(path, tagger.Write);
            var reloaded = ModelFile.Load(path, PosTagger.Read);
            Assert.Equal(onHeldOut, TaggingEvaluation.Evaluate(reloaded, null, heldOut));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void TrainingIsDeterministicForAFixedSeed()
    {
        var train = Slice().Take(60).ToList();
        var a = LanguageTraining.TrainPos(train, 3, seed: 7);
        var b = LanguageTraining.TrainPos(train, 3, seed: 7);
        using var ma = new MemoryStream();
        using var mb = new MemoryStream();
        using (var wa = new BinaryWriter(ma, System.Text.Encoding.UTF8, true)) a.Write(wa);
        using (var wb = new BinaryWriter(mb, System.Text.Encoding.UTF8, true)) b.Write(wb);
        Assert.Equal(ma.ToArray(), mb.ToArray());
    }

    [Fact]
    public void EmbeddedPosModelTagsNewsText()
    {
        var result = LanguageAnalyzer.Default.Analyze("The spokesperson said Pakistan receives grant assistance.");
        var tags = result.Tokens.Select(t => t.Upos).ToArray();
        Assert.Equal(new[] { "DET", "NOUN", "VERB", "PROPN", "VERB", "NOUN", "NOUN", "PUNCT" }, tags);
        Assert.Equal("VBD", result.Tokens[2].Xpos);
        Assert.Equal("NNP", result.Tokens[3].Xpos);
    }

    [Theory]
    [InlineData("He said so.", 1, "say")]
    [InlineData("She says so.", 1, "say")]
    [InlineData("They are saying so.", 2, "say")]
    [InlineData("The militants were killed.", 1, "militant")]
    [InlineData("Talks continued in cities.", 3, "city")]
    [InlineData("He went home.", 1, "go")]
    [InlineData("Better ideas emerged.", 0, "good")]
    [InlineData("Pakistan's army", 0, "Pakistan")]
    public void LemmatizesCommonNewsVerbsAndNouns(string text, int tokenIndex, string lemma)
    {
        var result = LanguageAnalyzer.Default.Analyze(text);
        Assert.Equal(lemma, result.Tokens[tokenIndex].Lemma);
    }

    [Fact]
    public void LemmatizerRulesCoverUnseenForms()
    {
        var lemmatizer = LanguageAnalyzer.Default.Lemmatizer;
        Assert.Equal("radicalise", lemmatizer.Lemmatize("radicalised", "VERB", "VBD"));
        Assert.Equal("counterinsurgency", lemmatizer.Lemmatize("counterinsurgencies", "NOUN", "NNS"));
        Assert.Equal("Bannu", lemmatizer.Lemmatize("Bannu", "PROPN", "NNP"));
    }

    [Fact]
    public void AnalyzerIsThreadSafeAndDeterministic()
    {
        string text = SampleGoldenTests.Sample("004");
        var expected = LanguageAnalyzer.Default.Analyze(text);
        var results = new AnalyzedText[16];
        Parallel.For(0, results.Length, i => results[i] = LanguageAnalyzer.Default.Analyze(text));
        foreach (var r in results)
        {
            Assert.Equal(expected.Tokens, r.Tokens);
            Assert.Equal(expected.Sentences, r.Sentences);
            Assert.Equal(expected.Entities, r.Entities);
        }
    }

    [Fact]
    public void TokensSentencesAndEntitiesAreConsistent()
    {
        string text = SampleGoldenTests.Sample("000");
        var r = LanguageAnalyzer.Default.Analyze(text, SampleGoldenTests.Paragraphs(text));
        int covered = 0;
        foreach (var s in r.Sentences)
        {
            Assert.Equal(covered, s.FirstToken);
            Assert.Equal(r.Tokens[s.FirstToken].Start, s.Start);
            Assert.Equal(r.Tokens[s.FirstToken + s.TokenCount - 1].End, s.End);
            covered += s.TokenCount;
        }
        Assert.Equal(r.Tokens.Count, covered);
        foreach (var e in r.Entities)
        {
            Assert.Contains(e.Type, new[] { "PERSON", "ORG", "LOC", "MISC" });
            Assert.Equal(text[e.Start..e.End], e.Text);
            Assert.Contains(r.Tokens, t => t.Start == e.Start && t.Ner.Length > 2);
        }
        Assert.All(r.Tokens, t => Assert.False(string.IsNullOrEmpty(t.Lemma)));
    }

    [Fact]
    public void EntityRecognizerTrainsOnASlice()
    {
        var sentences = Slice();
        foreach (var s in sentences)
            foreach (var w in s.Words)
                w.Ner = w.Upos == "PROPN" && char.IsUpper(w.Form[0]) ? "B-LOC" : "O";
        var gazetteer = new Gazetteer(new Dictionary<ulong, byte>());
        gazetteer.Add("Falluja", Gazetteer.Location);
        var recognizer = LanguageTraining.TrainNer(sentences, LanguageAnalyzer.Default.PosTagger, gazetteer, 3, 1);
        var scores = EntityEvaluation.Evaluate(LanguageAnalyzer.Default.PosTagger, recognizer, sentences);
        Assert.True(scores["ALL"].F1 > 80, scores["ALL"].ToString());
    }

    [Fact]
    public void BilouConversionAndGazetteerMatching()
    {
        Assert.Equal(new[] { 0, 1, 2, 3, 0, 4 }, EntityRecognizer.ToBilou(["O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "B-PERSON"]));
        var g = new Gazetteer(new Dictionary<ulong, byte>());
        g.Add("Tehrik-i-Taliban Pakistan", Gazetteer.Organization);
        Assert.True(g.Contains("TEHRIK-I-TALIBAN PAKISTAN", Gazetteer.Organization));
        Assert.False(g.Contains("Tehrik-i-Taliban Pakistan", Gazetteer.Location));
    }
}
