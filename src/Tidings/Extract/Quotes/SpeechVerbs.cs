namespace Tidings.Extract.Quotes;

/// <summary>Lemmas of verbs (and nouns) that report speech or stated belief, as reporters use them.</summary>
internal static class SpeechVerbs
{
    public static readonly HashSet<string> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "say", "tell", "add", "state", "note", "explain", "claim", "argue", "insist", "stress", "emphasize", "emphasise",
        "underscore", "underline", "maintain", "describe", "write", "report", "announce", "warn", "ask", "answer", "reply",
        "respond", "suggest", "acknowledge", "admit", "confirm", "deny", "declare", "assert", "contend", "comment",
        "observe", "remark", "recall", "predict", "promise", "vow", "urge", "caution", "concede", "allege", "estimate",
        "reiterate", "repeat", "indicate", "mention", "disclose", "reveal", "tweet", "post", "testify", "complain",
        "charge", "accuse", "boast", "joke", "quip", "continue", "conclude", "recount", "counter", "retort", "believe",
        "think", "hope", "fear", "worry", "expect", "agree", "point", "signal", "predict", "told", "learn", "show",
    };

    /// <summary>Verbs that report only with a particle: "point out", "lay out".</summary>
    public static readonly Dictionary<string, string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["point"] = "out", ["lay"] = "out", ["spell"] = "out", ["sum"] = "up",
    };

    /// <summary>Nouns that carry attributed content: "claims by the ISI that …", "a statement from the ministry".</summary>
    public static readonly HashSet<string> Nouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "claim", "statement", "remark", "assertion", "comment", "words", "warning", "announcement", "allegation",
    };

    /// <summary>Channels through which something was said: "in an email to Geo TV", "in a statement".</summary>
    public static readonly HashSet<string> Channels = new(StringComparer.OrdinalIgnoreCase)
    {
        "email", "e-mail", "statement", "interview", "tweet", "post", "letter", "call", "briefing", "message", "speech",
        "op-ed", "conference", "video", "broadcast", "memo", "report",
    };
}
