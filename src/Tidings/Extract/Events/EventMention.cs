namespace Tidings.Extract.Events;

/// <summary>
/// An actor of an event as the text names it, with its CAMEO/PLOVER-style code: a country (ISO alpha-3, or an
/// IGO code such as "IGO"/"NAT"/"UNO") and a sector ("GOV", "MIL", "REB"…). <see cref="Code"/> is the two joined
/// ("PAKREB"; "USAGOV"; just "PAK" when no sector is known; null when the actor could not be coded).
/// <see cref="Entity"/> is the global entity id when the mention belongs to a resolved entity.
/// </summary>
public sealed record EventActor(int Start, int End, string Text, string? Code, string? Country, string? Sector,
    string? Entity = null, string? Name = null);

/// <summary>The place an event happened, resolved to the gazetteer (<see cref="Start"/>/<see cref="End"/> cover the mention;
/// for a place taken from the dateline they cover the dateline's place name).</summary>
public sealed record EventPlace(int Start, int End, string Text, int GeonameId, string Name, string Country,
    string? Admin1, double Lat, double Lon, string FeatureCode);

/// <summary>
/// One event mention in one article: a predicate (verb or event noun) coded with a PLOVER type and a CAMEO code,
/// with its source and target actors, its date and place, and PLOVER's auxiliary flags. <see cref="Start"/> and
/// <see cref="End"/> cover the predicate ("took", "designation"); <see cref="SentenceStart"/>/<see cref="SentenceEnd"/>
/// the sentence it came from.
/// </summary>
public sealed record EventMention(
    int Start, int End, string Text,
    int SentenceStart, int SentenceEnd,
    string Plover, string? Mode, string? Context, string Cameo, int Quad,
    EventActor? Source, EventActor? Target,
    string? Date, string DateSource,
    EventPlace? Place, string PlaceSource,
    IReadOnlyList<string> Flags, double Confidence, string? Event = null);

/// <summary>Where an event's date or place came from.</summary>
public static class EventProvenance
{
    /// <summary>A time expression or place governed by the predicate in the same sentence.</summary>
    public const string Text = "text";
    /// <summary>The article's publication date, or the dateline's date/place.</summary>
    public const string Article = "article";
    public const string Dateline = "dateline";
    public const string None = "none";
}

/// <summary>PLOVER's auxiliary flags: the event is not (yet) a fact.</summary>
public static class EventFlags
{
    public const string Negated = "negated";
    public const string Hypothetical = "hypothetical";
    public const string Future = "future";
    /// <summary>Reported by a speaker but denied ("denied attacking").</summary>
    public const string Denied = "denied";
    /// <summary>Happened well before the article's date (more than a year).</summary>
    public const string Historical = "historical";
    /// <summary>An intention, plan or promise ("plans to work with").</summary>
    public const string Intent = "intent";
    /// <summary>Known only because a speaker said so.</summary>
    public const string Reported = "reported";
}
