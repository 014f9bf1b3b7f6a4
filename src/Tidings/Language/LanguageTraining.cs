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

    /// <summary>UNER EWT dev (PER/ORG/LOC) plus GUM train with labels derived from its entity layer.</summary>
    public static List<CorpusSentence> NerTrainingSentences(string corporaDir, Gazetteer? gazetteer = null, bool uner = true, bool gum = true)
    {
        var sentences = uner ? CorpusReader.ReadIob2(Path.Combine(corporaDir, "uner-ewt", "en_ewt-ud-dev.iob2")) : new List<CorpusSentence>();
        // All GUM splits: GUM's own dev/test are not the NER evaluation set (UNER EWT test is).
        var gumDir = Path.Combine(corporaDir, "gum");
        var gumFiles = gum ? new[] { "train", "dev", "test" }.SelectMany(split => CorpusReader.GumFiles(gumDir, split)).ToList() : [];
        foreach (var file in gumFiles)
        {
            foreach (var s in CorpusReader.ReadConllu(file))
            {
                GumEntities.Label(s, gazetteer == null ? null : name => gazetteer.Contains(name, Gazetteer.Location));
                sentences.Add(s);
            }
        }
        return sentences;
    }

    public static EntityRecognizer TrainNer(IReadOnlyList<CorpusSentence> sentences, PosTagger posTagger, Gazetteer gazetteer,
        int iterations, int seed, Action<string>? log = null, WordStats? wordStats = null)
    {
        log?.Invoke($"{sentences.Count} sentences, {sentences.Sum(s => s.Words.Count)} tokens, {sentences.Sum(s => s.Words.Count(w => w.Ner.StartsWith("B-", StringComparison.Ordinal)))} entities; gazetteer {gazetteer.Count} entries");
        return EntityRecognizer.Train(sentences, posTagger, gazetteer, iterations, seed, log, wordStats);
    }

    /// <summary>Lower-case words written in lower case at least 3 times and mostly not proper nouns in the treebanks.</summary>
    public static HashSet<string> CommonWords(IEnumerable<CorpusSentence> sentences)
    {
        var lower = new Dictionary<string, int>();
        var proper = new Dictionary<string, int>();
        foreach (var w in sentences.SelectMany(s => s.Words))
        {
            string key = w.Form.ToLowerInvariant();
            if (w.Upos == "PROPN") proper[key] = proper.GetValueOrDefault(key) + 1;
            else if (w.Form == key) lower[key] = lower.GetValueOrDefault(key) + 1;
        }
        return lower.Where(p => p.Value >= 3 && p.Value > 2 * proper.GetValueOrDefault(p.Key)).Select(p => p.Key).ToHashSet();
    }

    /// <summary>EWT train + GUM train documents as running text with gold sentence ends (sentence splitter training).</summary>
    public static List<GoldText> SentenceTrainingTexts(string corporaDir)
    {
        var texts = new List<GoldText> { SegmentationEvaluation.BuildGoldText(CorpusReader.ReadConllu(Path.Combine(corporaDir, "ud-ewt", "en_ewt-ud-train.conllu"))) };
        foreach (var file in CorpusReader.GumFiles(Path.Combine(corporaDir, "gum"), "train"))
            texts.Add(SegmentationEvaluation.BuildGoldText(CorpusReader.ReadConllu(file)));
        return texts;
    }
}
