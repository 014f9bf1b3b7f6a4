namespace Tidings.Language;

/// <summary>
/// The language layer in one call: tokens (with UPOS, XPOS, lemma, NER tag), sentences and entity spans.
/// Immutable models plus per-thread scratch buffers make one instance safe to share across threads.
/// </summary>
public sealed class LanguageAnalyzer
{
    private static readonly Lazy<LanguageAnalyzer> LazyDefault = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    public LanguageAnalyzer(PosTagger posTagger, Lemmatizer lemmatizer, EntityRecognizer? entityRecognizer)
    {
        PosTagger = posTagger;
        Lemmatizer = lemmatizer;
        EntityRecognizer = entityRecognizer;
    }

    /// <summary>The analyzer with the models embedded in this assembly, loaded once on first use.</summary>
    public static LanguageAnalyzer Default => LazyDefault.Value;

    public PosTagger PosTagger { get; }
    public Lemmatizer Lemmatizer { get; }
    public EntityRecognizer? EntityRecognizer { get; }

    private static LanguageAnalyzer LoadEmbedded()
    {
        var pos = ModelFile.LoadEmbedded("pos.bin", PosTagger.Read);
        var lemma = ModelFile.LoadEmbedded("lemma.bin", Lemmatizer.Read);
        var ner = ModelFile.HasEmbedded("ner.bin") ? ModelFile.LoadEmbedded("ner.bin", EntityRecognizer.Read) : null;
        return new LanguageAnalyzer(pos, lemma, ner);
    }

    /// <summary>
    /// Analyses the given regions of text (e.g. the body paragraphs of an article); text outside them is
    /// ignored and no sentence crosses a region boundary. Null regions means the whole text.
    /// </summary>
    public AnalyzedText Analyze(string text, IReadOnlyList<(int Start, int End)>? regions = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segmentation = Segmenter.Segment(text, regions);
        var spans = segmentation.Tokens;
        var allSpans = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(spans);
        int n = spans.Count;
        var posLabels = new int[n];
        var nerLabels = new int[n];
        // Pass 1: tag and recognise sentence by sentence.
        foreach (var (first, count) in segmentation.Sentences)
        {
            var sentenceSpans = allSpans.Slice(first, count);
            PosTagger.Tag(text, sentenceSpans, posLabels.AsSpan(first, count));
            EntityRecognizer?.Recognize(text, sentenceSpans, posLabels.AsSpan(first, count), PosTagger.Upos, nerLabels.AsSpan(first, count));
        }
        // Pass 2: document-level entity evidence (acronyms, lower-case surnames).
        if (EntityRecognizer != null) DocumentEntityRules.Apply(text, spans, segmentation.Sentences, nerLabels, EntityRecognizer.Gazetteer, EntityRecognizer.WordStats);
        var tokens = new Token[n];
        for (int i = 0; i < n; i++)
        {
            var span = spans[i];
            string upos = PosTagger.Upos[posLabels[i]], xpos = PosTagger.Xpos[posLabels[i]];
            tokens[i] = new Token(span.Start, span.End, upos, xpos, Lemmatizer.Lemmatize(text, span, upos, xpos),
                EntityRecognizer?.TagName(nerLabels[i]) ?? "O");
        }
        var sentences = new Sentence[segmentation.Sentences.Count];
        var entities = new List<EntitySpan>();
        for (int s = 0; s < sentences.Length; s++)
        {
            var (first, count) = segmentation.Sentences[s];
            sentences[s] = new Sentence(spans[first].Start, spans[first + count - 1].End, first, count);
            EntityRecognizer?.CollectEntities(text, allSpans.Slice(first, count), nerLabels.AsSpan(first, count), entities);
        }
        return new AnalyzedText(text, tokens, sentences, entities);
    }

    /// <summary>Tags pre-tokenized sentences (one array of token strings per sentence).</summary>
    public List<Token[]> AnalyzePretokenized(IEnumerable<IReadOnlyList<string>> sentences)
    {
        var result = new List<Token[]>();
        var labels = new int[64];
        var nerLabels = new int[64];
        foreach (var forms in sentences)
        {
            var (text, spans) = PosTagger.JoinForms(forms);
            if (labels.Length < spans.Length) { labels = new int[spans.Length * 2]; nerLabels = new int[spans.Length * 2]; }
            PosTagger.Tag(text, spans, labels);
            EntityRecognizer?.Recognize(text, spans, labels, PosTagger.Upos, nerLabels);
            var tokens = new Token[spans.Length];
            for (int i = 0; i < spans.Length; i++)
            {
                string upos = PosTagger.Upos[labels[i]], xpos = PosTagger.Xpos[labels[i]];
                tokens[i] = new Token(spans[i].Start, spans[i].End, upos, xpos, Lemmatizer.Lemmatize(text, spans[i], upos, xpos),
                    EntityRecognizer?.TagName(nerLabels[i]) ?? "O");
            }
            result.Add(tokens);
        }
        return result;
    }
}
