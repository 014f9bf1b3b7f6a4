namespace Tidings.Extract.Events;

/// <summary>
/// A match of an actor dictionary entry against upper-cased words of a sentence: the entry covered
/// <see cref="Length"/> words from the start position and codes as <see cref="Code"/> on the requested date
/// (PETRARCH actors: "PAK", "USAGOV", "IGOUNO"…).
/// </summary>
public sealed record ActorDictionaryMatch(int Length, string Code, string Entry);

/// <summary>A match of an agent entry ("MINISTER" → "~GOV" or "NGO~"): the code with its position marker kept.</summary>
public sealed record AgentDictionaryMatch(int Length, string Code, string Entry);

/// <summary>Actor lookup over upper-cased words (PETRARCH matches on words, not on named-entity spans).</summary>
public interface IActorDictionary
{
    /// <summary>The longest entry starting at words[start], coded for the date (null date: the undated code).</summary>
    ActorDictionaryMatch? Match(IReadOnlyList<string> words, int start, DateOnly? date);
}

public interface IAgentDictionary
{
    /// <summary>The longest agent entry (singular or generated plural) starting at words[start].</summary>
    AgentDictionaryMatch? Match(IReadOnlyList<string> words, int start);
}

/// <summary>
/// A verb pattern that matched a predicate: the CAMEO code it assigns, and the source and target it marks
/// (token indices within the sentence's tree; null when the pattern leaves the slot to the default subject/object).
/// </summary>
public sealed record VerbPatternMatch(string Cameo, int? Source, int? Target, string Pattern, int Line);

/// <summary>Verb patterns (PETRARCH-1 or PETRARCH-2 files) that decide the code of a predicate.</summary>
public interface IVerbPatternCoder
{
    /// <summary>
    /// Patterns matching the predicate at token index <paramref name="predicate"/> of the tree, best first; empty
    /// when the predicate's verb is not in the dictionary. <paramref name="upperWords"/> holds the sentence's
    /// tokens upper-cased (index-aligned with the tree).
    /// </summary>
    IReadOnlyList<VerbPatternMatch> Match(Language.Syntax.DependencyTree tree, int predicate, IReadOnlyList<string> upperWords);

    /// <summary>True when the dictionary knows this verb (any form), so a non-match means "no event" rather than "unknown".</summary>
    bool Knows(string upperWord);
}
