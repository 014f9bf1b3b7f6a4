namespace Tidings.Language;

/// <summary>Token spans and sentence token ranges of a text, before tagging.</summary>
public sealed class Segmentation
{
    public List<TextSpan> Tokens { get; } = new();
    public List<(int First, int Count)> Sentences { get; } = new();
}

/// <summary>Tokenizes and sentence-splits the given regions of a text; sentences never cross a region boundary.</summary>
public static class Segmenter
{
    public static Segmentation Segment(string text, IReadOnlyList<(int Start, int End)>? regions = null)
    {
        var result = new Segmentation();
        Segment(text, regions, result);
        return result;
    }

    public static void Segment(string text, IReadOnlyList<(int Start, int End)>? regions, Segmentation result)
    {
        result.Tokens.Clear();
        result.Sentences.Clear();
        if (regions == null)
        {
            SegmentRegion(text, 0, text.Length, result);
            return;
        }
        foreach (var (start, end) in regions)
        {
            if (start < 0 || end > text.Length || end < start)
                throw new ArgumentOutOfRangeException(nameof(regions), $"Region ({start},{end}) is outside the text (length {text.Length}).");
            SegmentRegion(text, start, end, result);
        }
    }

    private static void SegmentRegion(string text, int start, int end, Segmentation result)
    {
        int first = result.Tokens.Count;
        Tokenizer.Tokenize(text, start, end, result.Tokens);
        SentenceSplitter.Split(text, result.Tokens, first, result.Tokens.Count - first, result.Sentences, SentenceBoundaryModel.Default);
    }
}
