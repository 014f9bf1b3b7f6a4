using Tidings.Cleaning;
using Tidings.Documents;
using Tidings.Extract.Places;
using Tidings.Extract.Quotes;
using Tidings.Extract.Times;
using Tidings.Language;

namespace Tidings.Pipeline;

/// <summary>
/// Runs stages in order. A stage that throws is reported as a warning on the article and the
/// remaining stages still run: one broken extractor must not lose the article.
/// </summary>
public sealed class ArticlePipeline
{
    private readonly IArticleStage[] _stages;

    public ArticlePipeline(IEnumerable<IArticleStage> stages) => _stages = stages.ToArray();

    public IReadOnlyList<IArticleStage> Stages => _stages;

    /// <summary>The stages this build of Tidings runs by default, in order.</summary>
    public static ArticlePipeline CreateDefault(Extract.Events.EventCodingOptions? events = null) => new(
    [
        new LayoutStage(),
        new DatelineParser(),
        new BoilerplateMarker(),
        new IdentityStage(),
        new LanguageStage(),
        new PlaceStage(),
        new QuoteStage(),
        new Extract.Entities.EntityStage(),
        new TimeStage(),
        new Extract.Events.EventStage(events),
    ]);

    /// <summary>Only the cleaning stages that every article needs before it is stored (reading, layout, identity).</summary>
    public static ArticlePipeline CreateCleaning() => new(
    [
        new LayoutStage(),
        new DatelineParser(),
        new BoilerplateMarker(),
        new IdentityStage(),
    ]);

    public Article Process(Article article)
    {
        foreach (var stage in _stages)
        {
            try
            {
                stage.Process(article);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                article.Warnings.Add($"stage {stage.Name} failed: {ex.Message}");
            }
        }
        return article;
    }
}
