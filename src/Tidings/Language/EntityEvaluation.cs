namespace Tidings.Language;

/// <summary>Exact span + type entity scores on gold tokens (CoNLL style), per type and overall.</summary>
public static class EntityEvaluation
{
    public static Dictionary<string, SpanScore> Evaluate(PosTagger tagger, EntityRecognizer recognizer, IEnumerable<CorpusSentence> gold)
    {
        var goldSpans = new Dictionary<string, List<(int, int)>>();
        var predictedSpans = new Dictionary<string, List<(int, int)>>();
        foreach (var t in EntityRecognizer.Types.Append("ALL")) { goldSpans[t] = new(); predictedSpans[t] = new(); }
        int offset = 0;
        var pos = new int[256];
        var ner = new int[256];
        foreach (var s in gold)
        {
            int n = s.Words.Count;
            var (text, spans) = PosTagger.JoinForms(s.Words.Select(w => w.Form));
            if (pos.Length < n) { pos = new int[n * 2]; ner = new int[n * 2]; }
            tagger.Tag(text, spans, pos);
            recognizer.Recognize(text, spans, pos, tagger.Upos, ner);
            var goldLabels = EntityRecognizer.ToBilou(s.Words.Select(w => w.Ner).ToList());
            Collect(goldLabels, n, offset, goldSpans);
            Collect(ner.AsSpan(0, n).ToArray(), n, offset, predictedSpans);
            offset += n + 1;
        }
        var result = new Dictionary<string, SpanScore>();
        foreach (var t in EntityRecognizer.Types.Append("ALL"))
            result[t] = SpanScore.Compare(goldSpans[t], predictedSpans[t]);
        return result;
    }

    private static void Collect(int[] labels, int n, int offset, Dictionary<string, List<(int, int)>> spans)
    {
        int start = -1;
        for (int i = 0; i < n; i++)
        {
            int y = labels[i];
            if (y == 0) { start = -1; continue; }
            int pos = (y - 1) % 4;
            string type = EntityRecognizer.Types[(y - 1) / 4];
            int end = -1, from = i;
            if (pos == 3) end = i;
            else if (pos == 0) start = i;
            else if (pos == 2 && start >= 0) { end = i; from = start; }
            if (end < 0) continue;
            // Type-tagged key so "same span, wrong type" counts as wrong overall.
            int typeIndex = (y - 1) / 4;
            spans[type].Add((offset + from, offset + end));
            spans["ALL"].Add(((offset + from) * 4 + typeIndex, offset + end));
            start = -1;
        }
    }
}
