namespace Tidings.Extract.Quotes;

/// <summary>The verb or phrase that introduces speech ("said", "pointed out", "according to").</summary>
public sealed record QuoteCue(int Start, int End, string Text);

/// <summary>
/// Who said it: the mention in the text, and the name it resolves to within the article (a person's full
/// name with repaired capitals, or the role itself for an unnamed speaker); Entity is the global entity id.
/// </summary>
public sealed record QuoteSpeaker(int Start, int End, string Text, string Name, string? Entity = null);

/// <summary>
/// One attribution: Start/End cover the quoted or reported content. Kind is "direct" (a full quotation),
/// "partial" (a quoted fragment inside reported speech), "indirect" (reported speech without quotation
/// marks) or "scare" (quotation marks that are not speech: scare quotes, titles, terms).
/// </summary>
public sealed record Quote(int Start, int End, string Text, string Kind, QuoteCue? Cue, QuoteSpeaker? Speaker, string? Channel = null);
