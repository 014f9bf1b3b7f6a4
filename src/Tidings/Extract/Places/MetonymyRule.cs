using Tidings.Language;

namespace Tidings.Extract.Places;

/// <summary>
/// Flags a capital city that stands for its government: the subject of a verb ("Washington said",
/// "Islamabad has been"), the owner of an act or stance ("Kabul's official support", "Washington's calls"),
/// or a partner or object of an act ("work with Islamabad", "assist Islamabad"). Motion and location
/// prepositions ("in Kabul", "to Islamabad") keep the place literal.
/// </summary>
public static class MetonymyRule
{
    private static readonly HashSet<string> ActNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "call", "calls", "support", "policy", "policies", "decision", "decisions", "position", "stance", "demand", "demands",
        "request", "response", "relations", "ties", "effort", "efforts", "offer", "approach", "concern", "concerns", "move",
        "plan", "plans", "strategy", "view", "views", "claim", "claims", "refusal", "insistence", "reaction", "backing",
        "commitment", "commitments", "assurance", "assurances", "warning", "warnings", "pressure", "failure", "role", "stand",
        "engagement", "cooperation", "help", "assistance", "aid", "approval", "objection", "objections", "sanctions", "side",
    };

    private static readonly HashSet<string> PartnerWords = new(StringComparer.OrdinalIgnoreCase) { "with", "against", "urged", "pressed", "asked" };

    /// <param name="tokens">The article's tokens, in text order.</param>
    /// <param name="first">Index of the mention's first token; <paramref name="last"/> of its last.</param>
    public static bool IsMetonymy(string text, IReadOnlyList<Token> tokens, int first, int last)
    {
        if (first < 0 || last >= tokens.Count) return false;
        int next = last + 1;
        if (next < tokens.Count && IsPossessive(text, tokens[next]))
        {
            int k = next + 1;
            while (k < tokens.Count && tokens[k].Upos == "ADJ") k++;
            return k < tokens.Count && ActNouns.Contains(Word(text, tokens[k]));
        }
        if (next < tokens.Count && tokens[next].Upos is "VERB" or "AUX" && !IsParticiple(tokens[next])) return true;
        if (first > 0)
        {
            var previous = tokens[first - 1];
            if (PartnerWords.Contains(Word(text, previous))) return true;
            if (previous.Upos == "VERB" && previous.Xpos is "VB" or "VBP" or "VBZ" or "VBD") return true;
        }
        return false;
    }

    /// <summary>"Washington-based", "Kabul, located…": a participle right after the name describes the place.</summary>
    private static bool IsParticiple(Token t) => t.Xpos is "VBN" or "VBG";

    private static bool IsPossessive(string text, Token t) => Word(text, t) is "'s" or "’s" or "'" or "’";

    private static string Word(string text, Token t) => text[t.Start..t.End];
}
