using Tidings.Documents;
using Tidings.Language.Syntax;

namespace Tidings.Extract.Events;

/// <summary>
/// What an actor coder may consult about the article an actor appears in: its text and layers (entities, links,
/// places, demonyms, quotes), read once per article.
/// </summary>
public sealed class ActorContext(Article article)
{
    public Article Article { get; } = article;
}

/// <summary>
/// Codes actor mentions in the CAMEO/PLOVER style (country + sector). PLACEHOLDER being written (issue 9):
/// the real coder uses the built-in actor data files, the user's PETRARCH dictionaries and the article's entities.
/// </summary>
public sealed class ActorCoder(IActorDictionary? userActors = null, IAgentDictionary? userAgents = null)
{
    public static ActorCoder Default { get; } = new();

    public IActorDictionary? UserActors { get; } = userActors;
    public IAgentDictionary? UserAgents { get; } = userAgents;

    /// <summary>The actor named by the noun phrase headed by token <paramref name="head"/> of the tree, coded for the date.</summary>
    public EventActor? Code(ActorContext context, DependencyTree tree, int head, DateOnly? date)
    {
        var span = tree.SubtreeSpan(head);
        return new EventActor(span.Start, span.End, context.Article.Text[span.Start..span.End], null, null, null);
    }
}
