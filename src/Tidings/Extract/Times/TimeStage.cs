using Tidings.Documents;
using Tidings.Pipeline;

namespace Tidings.Extract.Times;

/// <summary>
/// Adds the "times" layer: every time expression in the body (and headline), normalized against the
/// article's anchor — its publication date, else its dateline date. Without either, values stay
/// underspecified and are resolved again when an anchor becomes known (run the stage again).
/// </summary>
public sealed class TimeStage(TimeExpressionRecognizer? recognizer = null) : IArticleStage
{
    public const string Layer = "times";

    private readonly TimeExpressionRecognizer _recognizer = recognizer ?? TimeExpressionRecognizer.Default;

    public string Name => "times";

    public void Process(Article article)
    {
        var regions = new List<(int, int)>();
        if (article.Headline is { } h) regions.Add((h.Start, h.End));
        if (article.Dateline is { } d) regions.Add((d.Start, d.End));
        regions.AddRange(article.Body.Select(b => (b.Start, b.End)));
        article.Layers.Set(Layer, _recognizer.Recognize(article.Text, Anchor(article), regions));
    }

    public static DateOnly? Anchor(Article article) =>
        article.Published is { } p ? DateOnly.FromDateTime(p.Date) : article.Dateline?.Date;
}
