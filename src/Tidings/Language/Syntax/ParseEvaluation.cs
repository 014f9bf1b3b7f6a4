namespace Tidings.Language.Syntax;

/// <summary>
/// Attachment scores. On gold tokens: UAS/LAS over all words (punctuation included, as in CoNLL 2018).
/// From raw text: a word counts when its span, its head's span and (for LAS) its relation all match; the
/// scores are F1 of that count against gold and predicted words.
/// </summary>
public readonly record struct ParseScore(int Gold, int Predicted, int HeadsRight, int LabelsRight)
{
    public double Uas => F1(HeadsRight);
    public double Las => F1(LabelsRight);

    private double F1(int correct)
    {
        if (correct == 0) return 0;
        double p = (double)correct / Predicted, r = (double)correct / Gold;
        return 100 * 2 * p * r / (p + r);
    }
}

public static class ParseEvaluation
{
    /// <summary>Gold tokens, tags predicted by the tagger, relations compared without subtypes only when equal in full.</summary>
    public static ParseScore Evaluate(DependencyParser parser, PosTagger tagger, IEnumerable<CorpusSentence> gold)
    {
        int words = 0, heads = 0, labels = 0;
        foreach (var s in gold)
        {
            var parsed = ParseWords(parser, tagger, s.Words.Select(w => w.Form).ToList());
            for (int i = 0; i < s.Words.Count; i++)
            {
                words++;
                if (parsed.Heads[i] != s.Words[i].Head) continue;
                heads++;
                if (parsed.Relations[i] == s.Words[i].Deprel) labels++;
            }
        }
        return new ParseScore(words, words, heads, labels);
    }

    /// <summary>Tags and parses one pre-tokenized sentence.</summary>
    public static (Token[] Tokens, int[] Heads, string[] Relations) ParseWords(DependencyParser parser, PosTagger tagger, IReadOnlyList<string> forms)
    {
        var (text, spans) = PosTagger.JoinForms(forms);
        var labels = new int[spans.Length];
        tagger.Tag(text, spans, labels);
        var xpos = labels.Select(l => tagger.Xpos[l]).ToArray();
        var upos = labels.Select(l => tagger.Upos[l]).ToArray();
        var heads = new int[spans.Length];
        var relations = new string[spans.Length];
        parser.Parse(text, spans, xpos, upos, heads, relations);
        var tokens = spans.Select((t, i) => new Token(t.Start, t.End, upos[i], xpos[i], "_", "O")).ToArray();
        return (tokens, heads, relations);
    }

    /// <summary>The whole pipeline from the raw text of the gold file (tokenizer, splitter, tagger, parser).</summary>
    public static ParseScore EvaluateRaw(LanguageAnalyzer analyzer, IReadOnlyList<CorpusSentence> gold)
    {
        var owners = new List<(int Sentence, int Word)>();
        var goldText = SegmentationEvaluation.BuildGoldText(gold, owners);
        var spanOf = new Dictionary<(int, int), (int Start, int End)>();
        for (int i = 0; i < owners.Count; i++) spanOf[owners[i]] = goldText.Words[i];
        // Gold: word span → (head span, relation); the root's span is (-1, -1).
        var goldArcs = new Dictionary<(int, int), ((int, int) Head, string Relation)>();
        for (int i = 0; i < owners.Count; i++)
        {
            var (si, wi) = owners[i];
            var word = gold[si].Words[wi];
            var head = word.Head == 0 ? (-1, -1) : spanOf.GetValueOrDefault((si, word.Head - 1), (-2, -2));
            goldArcs[goldText.Words[i]] = (head, word.Deprel);
        }
        var analyzed = analyzer.Analyze(goldText.Text);
        int heads = 0, labels = 0;
        foreach (var sentence in analyzed.Sentences)
        {
            for (int i = sentence.FirstToken; i < sentence.FirstToken + sentence.TokenCount; i++)
            {
                var t = analyzed.Tokens[i];
                if (!goldArcs.TryGetValue((t.Start, t.End), out var arc)) continue;
                var head = t.Head == 0 ? (-1, -1) : (analyzed.Tokens[sentence.FirstToken + t.Head - 1].Start, analyzed.Tokens[sentence.FirstToken + t.Head - 1].End);
                if (head != arc.Head) continue;
                heads++;
                if (t.Deprel == arc.Relation) labels++;
            }
        }
        return new ParseScore(goldArcs.Count, analyzed.Tokens.Count, heads, labels);
    }
}
