using Tidings.Documents;
using Tidings.Language;
using Tidings.Pipeline;

namespace Tidings.Extract.Quotes;

/// <summary>Adds the "quotes" layer from the language layer's tokens, sentences and entities.</summary>
public sealed class QuoteStage : IArticleStage
{
    public const string Layer = "quotes";

    private readonly QuoteAttributor _attributor = new();

    public string Name => "quotes";

    public void Process(Article article)
    {
        var tokens = article.Layers.Get<Token>(LanguageStage.Tokens);
        var sentences = article.Layers.Get<Sentence>(LanguageStage.Sentences);
        var entities = article.Layers.Get<EntitySpan>(LanguageStage.Entities);
        if (tokens is null || sentences is null || entities is null) return; // the language stage did not run
        var paragraphs = article.Body.Select(b => (b.Start, b.End)).ToList();
        article.Layers.Set(Layer, _attributor.Attribute(article.Text, paragraphs, tokens, sentences, entities));
    }
}
