using Tidings.Documents;
using Tidings.Pipeline;

namespace Tidings.Language;

/// <summary>
/// Adds the language layers to an article: "sentences", "entities" and "tokens", over the headline and the
/// body paragraphs (no sentence crosses a paragraph; the dateline and boilerplate are left out).
/// </summary>
public sealed class LanguageStage(LanguageAnalyzer? analyzer = null) : IArticleStage
{
    public const string Sentences = "sentences";
    public const string Entities = "entities";
    public const string Tokens = "tokens";

    private readonly LanguageAnalyzer? _analyzer = analyzer;

    public string Name => "language";

    public void Process(Article article)
    {
        var regions = new List<(int, int)>(article.Body.Count + 1);
        if (article.Headline is { } h) regions.Add((h.Start, h.End));
        regions.AddRange(article.Body.Select(b => (b.Start, b.End)));
        var analyzed = (_analyzer ?? LanguageAnalyzer.Default).Analyze(article.Text, regions);
        article.Layers.Set(Tokens, analyzed.Tokens);
        article.Layers.Set(Sentences, analyzed.Sentences);
        article.Layers.Set(Entities, analyzed.Entities);
    }
}
