using Tidings.Language.Syntax;

namespace Tidings.Language;

/// <summary>
/// The language layer in one call: tokens (with UPOS, XPOS, lemma, NER tag, head and relation), sentences and entity spans.
/// Immutable models plus per-thread scratch buffers make one instance safe to share across threads.
/// </summary>
public sealed class LanguageAnalyzer
{
    private static readonly Lazy<LanguageAnalyzer> LazyDefault = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    public LanguageAnalyzer(PosTagger posTagger, Lemmatizer lemmatizer, EntityRecognizer? entityRecognizer, DependencyParser? parser = null)
    {
        PosTagger = posTagger;
        Lemmatizer = lemmatizer;
        EntityRecognizer = entityRecognizer;
        Parser = parser;
    }

    /// <summary>The analyzer with the models embedded in this assembly, loaded once on first use.</summary>
    public static LanguageAnalyzer Default => LazyDefault.Value;

    public PosTagger PosTagger { get; }
    public Lemmatizer Lemmatizer { get; }
    public EntityRecognizer? EntityRecognizer { get; }
    public DependencyParser? Parser { get; }

    private static LanguageAnalyzer LoadEmbedded()
    {
        var pos = ModelFile.LoadEmbedded("pos.bin", PosTagger.Read);
        var lemma = ModelFile.LoadEmbedded("lemma.bin", Lemmatizer.Read);
        var ner = ModelFile.HasEmbedded("ner.bin") ? ModelFile.LoadEmbedded("ner.bin", EntityRecognizer.Read) : null;
        var parser = ModelFile.HasEmbedded("parser.bin") ? ModelFile.LoadEmbedded("parser.bin", DependencyParser.Read) : null;
        return new LanguageAnalyzer(pos, lemma, ner, parser);
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
        var syntax = new SyntaxBuffers(n);
        // Pass 1: tag, recognise and parse sentence by sentence.
        foreach (var (first, count) in segmentation.Sentences)
        {
            var sentenceSpans = allSpans.Slice(first, count);
            PosTagger.Tag(text, sentenceSpans, posLabels.AsSpan(first, count));
            EntityRecognizer?.Recognize(text, sentenceSpans, posLabels.AsSpan(first, count), PosTagger.Upos, nerLabels.AsSpan(first, count));
            syntax.Parse(Parser, PosTagger, text, sentenceSpans, posLabels, first);
        }
        // Pass 2: document-level entity evidence (acronyms, lower-case surnames).
        if (EntityRecognizer != null) DocumentEntityRules.Apply(text, spans, segmentation.Sentences, nerLabels, EntityRecognizer.Gazetteer, EntityRecognizer.WordStats);
        var tokens = new Token[n];
        for (int i = 0; i < n; i++)
        {
            var span = spans[i];
            string upos = PosTagger.Upos[posLabels[i]], xpos = PosTagger.Xpos[posLabels[i]];
            tokens[i] = new Token(span.Start, span.End, upos, xpos, Lemmatizer.Lemmatize(text, span, upos, xpos),
                EntityRecognizer?.TagName(nerLabels[i]) ?? "O") { Head = syntax.Heads[i], Deprel = syntax.Relations[i] };
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
            var syntax = new SyntaxBuffers(spans.Length);
            syntax.Parse(Parser, PosTagger, text, spans, labels, 0);
            var tokens = new Token[spans.Length];
            for (int i = 0; i < spans.Length; i++)
            {
                string upos = PosTagger.Upos[labels[i]], xpos = PosTagger.Xpos[labels[i]];
                tokens[i] = new Token(spans[i].Start, spans[i].End, upos, xpos, Lemmatizer.Lemmatize(text, spans[i], upos, xpos),
                    EntityRecognizer?.TagName(nerLabels[i]) ?? "O") { Head = syntax.Heads[i], Deprel = syntax.Relations[i] };
            }
            result.Add(tokens);
        }
        return result;
    }

    /// <summary>Heads and relations of a text's tokens ("not parsed" when there is no parser).</summary>
    private sealed class SyntaxBuffers
    {
        public readonly int[] Heads;
        public readonly string[] Relations;
        private string[] _xpos = new string[64], _upos = new string[64];

        public SyntaxBuffers(int count)
        {
            Heads = new int[count];
            Relations = new string[count];
            Array.Fill(Heads, -1);
            Array.Fill(Relations, "_");
        }

        /// <summary>Parses the sentence of spans starting at token first, tagged with posLabels (indexed like the text's tokens).</summary>
        public void Parse(DependencyParser? parser, PosTagger tagger, string text, ReadOnlySpan<TextSpan> spans, int[] posLabels, int first)
        {
            if (parser == null) return;
            if (_xpos.Length < spans.Length) { _xpos = new string[spans.Length * 2]; _upos = new string[spans.Length * 2]; }
            for (int i = 0; i < spans.Length; i++) { _xpos[i] = tagger.Xpos[posLabels[first + i]]; _upos[i] = tagger.Upos[posLabels[first + i]]; }
            parser.Parse(text, spans, _xpos.AsSpan(0, spans.Length), _upos.AsSpan(0, spans.Length),
                Heads.AsSpan(first, spans.Length), Relations.AsSpan(first, spans.Length));
        }
    }
}
