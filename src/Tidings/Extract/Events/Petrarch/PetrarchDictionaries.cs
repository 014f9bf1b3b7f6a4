namespace Tidings.Extract.Events.Petrarch;

/// <summary>A dictionary line that was rejected, with why.</summary>
public sealed record DictionaryProblem(string File, int Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}

/// <summary>
/// User dictionaries in the PETRARCH formats, read from one directory (`--dictionaries DIR`). Each part is null
/// when the directory has no file of that kind. PLACEHOLDER: the readers are being written (issue 9).
/// </summary>
public sealed class PetrarchDictionaries
{
    public IActorDictionary? Actors { get; init; }
    public IAgentDictionary? Agents { get; init; }
    public IVerbPatternCoder? Verbs { get; init; }

    /// <summary>True when the sentence (upper-cased words) holds a sentence-level discard phrase.</summary>
    public Func<IReadOnlyList<string>, bool> DiscardsSentence { get; init; } = _ => false;

    /// <summary>True when the sentence holds a story-level discard phrase (the whole article is skipped).</summary>
    public Func<IReadOnlyList<string>, bool> DiscardsStory { get; init; } = _ => false;

    public IReadOnlyList<DictionaryProblem> Problems { get; init; } = [];

    public static PetrarchDictionaries Load(string directory) => throw new NotImplementedException("PETRARCH readers: issue 9");
}
