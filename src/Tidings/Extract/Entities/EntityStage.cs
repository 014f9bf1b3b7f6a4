using Tidings.Documents;
using Tidings.Extract.Quotes;
using Tidings.Language;
using Tidings.Pipeline;

namespace Tidings.Extract.Entities;

/// <summary>
/// Adds the "article-entities" layer: the article's entity mentions grouped into entities. Linking them to the
/// global table is a separate, sequential step (<see cref="EntityLinker"/>), because the table grows in order.
/// </summary>
public sealed class EntityStage : IArticleStage
{
    public const string Layer = "article-entities";

    public string Name => "entities";

    public void Process(Article article)
    {
        var tokens = article.Layers.Get<Token>(LanguageStage.Tokens);
        var entities = article.Layers.Get<EntitySpan>(LanguageStage.Entities);
        if (tokens is null || entities is null) return; // the language stage did not run
        article.Layers.Set(Layer, ArticleEntityResolver.Resolve(article.Text, tokens, entities));
    }
}

/// <summary>An entity mention's global entity: its id and canonical name.</summary>
public readonly record struct EntityRef(int Start, int End, string Entity, string Name);

/// <summary>
/// Links an article's entities to the global <see cref="EntityTable"/> and gives every quote's speaker its entity:
/// sets the "entity-links" layer and rewrites the "quotes" layer with <see cref="QuoteSpeaker.Entity"/> filled.
/// </summary>
public static class EntityLinker
{
    public const string Layer = "entity-links";
    /// <summary>The global entity of each entity mention, as output and storage see it.</summary>
    public const string RefsLayer = "entity-refs";

    public static IReadOnlyList<EntityLink> Link(Article article, EntityTable table)
    {
        var local = article.Layers.Get<ArticleEntity>(EntityStage.Layer);
        if (local is null) return [];
        var links = table.Link(local);
        article.Layers.Set(Layer, links);
        article.Layers.Set(RefsLayer, links.SelectMany(l => l.Local.Mentions.Select(m => new EntityRef(m.Start, m.End, l.Global.Id, l.Global.Name)))
            .OrderBy(r => r.Start).ToList());
        if (article.Layers.Get<Quote>(QuoteStage.Layer) is { } quotes)
            article.Layers.Set(QuoteStage.Layer, quotes.Select(q => WithSpeakerEntity(q, links)).ToList());
        return links;
    }

    /// <summary>The link of the entity one of whose mentions covers [start, end), if any.</summary>
    public static EntityLink? At(IReadOnlyList<EntityLink> links, int start, int end) =>
        links.FirstOrDefault(l => l.Local.Mentions.Any(m => m.Start < end && start < m.End));

    private static Quote WithSpeakerEntity(Quote q, IReadOnlyList<EntityLink> links)
    {
        if (q.Speaker is not { } s) return q;
        // The speaker's own words name the entity ("Price added"), or the attributor resolved a pronoun or a title
        // to a person by name ("he" → "Ned Price"); an unnamed role ("a State Department spokesperson") stays a role.
        var link = At(links, s.Start, s.End)
                   ?? links.FirstOrDefault(l => l.Local.Type == "PERSON" && NameKeys.Exact(l.Local.Name) == NameKeys.Exact(s.Name))
                   ?? links.FirstOrDefault(l => l.Local.Type != "PERSON" && l.Local.Aliases.Any(a => NameKeys.Exact(a) == NameKeys.Exact(s.Name)));
        if (link is null) return q;
        if (!link.Local.Mentions.Any(m => m.Start < s.End && s.Start < m.End) && Role(s.Text) is { } role) link.Global.Roles.Add(role);
        return q with { Speaker = s with { Entity = link.Global.Id } };
    }

    /// <summary>"the spokesperson" → "spokesperson"; pronouns and names are no roles.</summary>
    private static string? Role(string mention)
    {
        var words = mention.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 0 && words[0].ToLowerInvariant() is "the" or "a" or "an") words.RemoveAt(0);
        if (words.Count == 0 || words.Count > 4 || words[^1].ToLowerInvariant() is "he" or "she" or "they" or "it" or "we" or "i") return null;
        return char.IsLower(words[^1][0]) ? string.Join(' ', words) : null;
    }
}
