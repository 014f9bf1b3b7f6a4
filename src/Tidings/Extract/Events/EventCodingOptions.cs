using Tidings.Extract.Events.Petrarch;

namespace Tidings.Extract.Events;

/// <summary>Options of event coding, validated once: the user's dictionaries, which override the built-in ones.</summary>
public sealed record EventCodingOptions(PetrarchDictionaries? Dictionaries = null)
{
    public static EventCodingOptions Default { get; } = new();
}
