namespace Tidings.Language;

/// <summary>Accuracy of UPOS, XPOS and lemmas on gold tokens.</summary>
public readonly record struct TaggingScore(int Tokens, int UposCorrect, int XposCorrect, int LemmaCorrect)
{
    public double Upos => 100.0 * UposCorrect / Math.Max(1, Tokens);
    public double Xpos => 100.0 * XposCorrect / Math.Max(1, Tokens);
    public double Lemma => 100.0 * LemmaCorrect / Math.Max(1, Tokens);
}

public static class TaggingEvaluation
{
    public static TaggingScore Evaluate(PosTagger tagger, Lemmatizer? lemmatizer, IEnumerable<CorpusSentence> gold)
    {
        int tokens = 0, upos = 0, xpos = 0, lemma = 0;
        var labels = new int[256];
        foreach (var s in gold)
        {
            var (text, spans) = PosTagger.JoinForms(s.Words.Select(w => w.Form));
            if (labels.Length < spans.Length) labels = new int[spans.Length * 2];
            tagger.Tag(text, spans, labels);
            for (int i = 0; i < spans.Length; i++)
            {
                var w = s.Words[i];
                tokens++;
                if (tagger.Upos[labels[i]] == w.Upos) upos++;
                if (tagger.Xpos[labels[i]] == w.Xpos) xpos++;
                if (lemmatizer != null && lemmatizer.Lemmatize(w.Form, tagger.Upos[labels[i]], tagger.Xpos[labels[i]]) == w.Lemma) lemma++;
            }
        }
        return new TaggingScore(tokens, upos, xpos, lemma);
    }
}
