using Tidings.Documents;
using Tidings.Pipeline;

namespace Tidings.Extract.Events;

/// <summary>
/// Adds the "events" layer: coded event mentions found on the dependency parse, with actors, date and place.
/// Runs after the language, place, quote, entity and time stages. PLACEHOLDER being written (issue 9).
/// </summary>
public sealed class EventStage(EventCodingOptions? options = null) : IArticleStage
{
    public const string Layer = "events";

    public EventCodingOptions Options { get; } = options ?? EventCodingOptions.Default;

    public string Name => "events";

    public void Process(Article article) => article.Layers.Set<EventMention>(Layer, []);
}
