using System.Text;

namespace Tidings.Language;

/// <summary>Precision / recall / F1 over exact spans.</summary>
public readonly record struct SpanScore(int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : 100.0 * Correct / Predicted;
    public double Recall => Gold == 0 ? 0 : 100.0 * Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public override string ToString() => $"P {Precision:F2}  R {Recall:F2}  F1 {F1:F2}  (gold {Gold}, predicted {Predicted}, correct {Correct})";

    public static SpanScore Compare(IEnumerable<(int, int)> gold, IEnumerable<(int, int)> predicted)
    {
        var goldSet = new HashSet<(int, int)>(gold);
        var predSet = new HashSet<(int, int)>(predicted);
        int correct = predSet.Count(goldSet.Contains);
        return new SpanScore(goldSet.Count, predSet.Count, correct);
    }
}

/// <summary>A raw text rebuilt from a CoNLL-U file, with gold word and sentence spans.</summary>
public sealed class GoldText
{
    public string Text { get; init; } = "";
    public List<(int Start, int End)> Words { get; } = new();
    public List<(int Start, int End)> Sentences { get; } = new();
}

/// <summary>Scores the tokenizer and sentence splitter against CoNLL-U raw text (the "# text" lines).</summary>
public static class SegmentationEvaluation
{
    /// <summary>
    /// Rebuilds running text: sentences of a paragraph are joined by a space, paragraphs and documents by a
    /// blank line (as paragraphs arrive from the article reader). Gold word spans come from aligning word forms
    /// to the sentence text; multi-word tokens whose words concatenate to the surface ("do"+"n't") are split.
    /// </summary>
    public static GoldText BuildGoldText(IReadOnlyList<CorpusSentence> sentences) => BuildGoldText(sentences, null);

    /// <summary>As above; owners receives, for each gold word span, its sentence and (first) word index.</summary>
    public static GoldText BuildGoldText(IReadOnlyList<CorpusSentence> sentences, List<(int Sentence, int Word)>? owners)
    {
        var sb = new StringBuilder();
        var gold = new GoldText();
        var words = new List<(int, int)>();
        var sents = new List<(int, int)>();
        for (int si = 0; si < sentences.Count; si++)
        {
            var s = sentences[si];
            string text = s.Text ?? string.Join(' ', s.Words.Select(w => w.Form));
            if (si > 0) sb.Append(s.NewParagraph ? "\n\n" : " ");
            int offset = sb.Length;
            sb.Append(text);
            AlignWords(s, text, offset, words, owners == null ? null : w => owners.Add((si, w)));
            sents.Add((offset, offset + text.Length));
        }
        var result = new GoldText { Text = sb.ToString() };
        result.Words.AddRange(words);
        result.Sentences.AddRange(sents);
        return result;
    }

    private static void AlignWords(CorpusSentence s, string text, int offset, List<(int, int)> words, Action<int>? owner)
    {
        var mwtByFirst = s.MultiWordTokens.ToDictionary(m => m.First);
        int pos = 0;
        for (int w = 0; w < s.Words.Count; w++)
        {
            string surface = mwtByFirst.TryGetValue(w, out var mwt) ? mwt.Form : s.Words[w].Form;
            int at = text.IndexOf(surface, pos, StringComparison.Ordinal);
            if (at < 0) { continue; }
            if (mwt.Form != null && mwtByFirst.ContainsKey(w))
            {
                var parts = s.Words.Skip(mwt.First).Take(mwt.Last - mwt.First + 1).Select(x => x.Form).ToList();
                if (string.Concat(parts).Equals(surface, StringComparison.OrdinalIgnoreCase))
                {
                    int p = at;
                    for (int k = 0; k < parts.Count; k++) { words.Add((offset + p, offset + p + parts[k].Length)); owner?.Invoke(w + k); p += parts[k].Length; }
                }
                else { words.Add((offset + at, offset + at + surface.Length)); owner?.Invoke(w); }
                w = mwt.Last;
            }
            else { words.Add((offset + at, offset + at + surface.Length)); owner?.Invoke(w); }
            pos = at + surface.Length;
        }
    }

    public static (SpanScore Tokens, SpanScore Sentences) Evaluate(GoldText gold)
    {
        var seg = Segmenter.Segment(gold.Text);
        var predictedWords = seg.Tokens.Select(t => (t.Start, t.End));
        var predictedSentences = seg.Sentences.Select(s => (seg.Tokens[s.First].Start, seg.Tokens[s.First + s.Count - 1].End));
        return (SpanScore.Compare(gold.Words, predictedWords), SpanScore.Compare(gold.Sentences, predictedSentences));
    }

    /// <summary>Lists gold/predicted token mismatches in context, for debugging the tokenizer.</summary>
    public static IEnumerable<string> TokenErrors(GoldText gold, int max = 50)
    {
        var seg = Segmenter.Segment(gold.Text);
        var pred = new HashSet<(int, int)>(seg.Tokens.Select(t => (t.Start, t.End)));
        int n = 0;
        foreach (var g in gold.Words)
        {
            if (pred.Contains(g)) continue;
            int a = Math.Max(0, g.Start - 20), b = Math.Min(gold.Text.Length, g.End + 20);
            var overlapping = seg.Tokens.Where(t => t.End > g.Start && t.Start < g.End).Select(t => gold.Text[t.Start..t.End]);
            yield return $"gold [{gold.Text[g.Start..g.End]}] predicted [{string.Join("|", overlapping)}]   …{gold.Text[a..b].Replace('\n', '¶')}…";
            if (++n >= max) yield break;
        }
    }

    public static IEnumerable<string> SentenceErrors(GoldText gold, int max = 50)
    {
        var seg = Segmenter.Segment(gold.Text);
        var pred = seg.Sentences.Select(s => (seg.Tokens[s.First].Start, seg.Tokens[s.First + s.Count - 1].End)).ToList();
        var goldEnds = new HashSet<int>(gold.Sentences.Select(s => s.End));
        var predEnds = new HashSet<int>(pred.Select(s => s.Item2));
        int n = 0;
        foreach (var e in goldEnds.Where(e => !predEnds.Contains(e)).OrderBy(e => e).Take(max / 2))
        {
            yield return $"missed: …{gold.Text[Math.Max(0, e - 40)..e].Replace('\n', '¶')}‖{gold.Text[e..Math.Min(gold.Text.Length, e + 30)].Replace('\n', '¶')}…";
            n++;
        }
        foreach (var e in predEnds.Where(e => !goldEnds.Contains(e)).OrderBy(e => e).Take(max / 2))
            yield return $"spurious: …{gold.Text[Math.Max(0, e - 40)..e].Replace('\n', '¶')}‖{gold.Text[e..Math.Min(gold.Text.Length, e + 30)].Replace('\n', '¶')}…";
    }
}
