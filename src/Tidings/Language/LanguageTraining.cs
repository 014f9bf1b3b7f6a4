namespace Tidings.Language;

/// <summary>
/// Training entry points used by `tidings train` and by tests. The corpus directory is always passed in:
/// nothing under src/ knows where the corpora live.
/// </summary>
public static class LanguageTraining
{
    public const int DefaultSeed = 20221208;

    /// <summary>EWT train + GUM train sentences (the POS and lemma training set).</summary>
    public static List<CorpusSentence> PosTrainingSentences(string corporaDir)
    {
        var sentences = CorpusReader.ReadConllu(Path.Combine(corporaDir, "ud-ewt", "en_ewt-ud-train.conllu"));
        foreach (var file in CorpusReader.GumFiles(Path.Combine(corporaDir, "gum"), "train"))
            sentences.AddRange(CorpusReader.ReadConllu(file));
        return sentences;
    }

    public static PosTagger TrainPos(IReadOnlyList<CorpusSentence> sentences, int iterations, int seed, Action<string>? log = null)
    {
        var labels = new List<string>();
        // Fixed label order (sorted) so the model file does not depend on corpus order.
        foreach (var l in sentences.SelectMany(s => s.Words).Select(w => w.Upos + "|" + w.Xpos).Distinct().Order(StringComparer.Ordinal))
            labels.Add(l);
        var data = PosTagger.ToLabeled(sentences, labels, addLabels: false);
        log?.Invoke($"{data.Count} sentences, {data.Sum(d => d.Tokens.Length)} tokens, {labels.Count} joint UPOS|XPOS labels");
        return PosTagger.Train(data, labels.ToArray(), iterations, seed, log);
    }
}
