namespace Tidings.Language;

/// <summary>Word lists the tokenizer and sentence splitter consult; looked up by span so no strings are built.</summary>
internal static class Abbreviations
{
    /// <summary>Abbreviations (without their period) that keep the period as part of the token.</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = MakeLookup(
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr", "Adm", "Maj", "Gov", "Sen", "Rep",
        "Reps", "Sens", "Rev", "Hon", "Pres", "Supt", "Insp", "St", "Jr", "Sr", "Mssrs", "Messrs", "Mmes", "Fr", "Sr",
        "Inc", "Corp", "Co", "Ltd", "Bros", "Dept", "Univ", "Assn", "Assoc", "Ave", "Blvd", "Rd", "Mt", "Ft", "Pt",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
        "vs", "etc", "al", "approx", "est", "ca", "cf", "viz", "Vol", "vol", "pp", "Ph", "Esq", "Op", "Ed", "eds",
        "Calif", "Mass", "Ariz", "Ala", "Ark", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La",
        "Md", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn", "Tex", "Va",
        "Vt", "Wash", "Wis", "Wyo", "Ont", "Que", "min", "max", "Gov't", "govt", "Inst", "Intl", "Natl", "Mfg");

    /// <summary>Titles that never end a sentence: the next word is a name.</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles = MakeLookup(
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Col.", "Lt.", "Sgt.", "Capt.", "Cmdr.", "Adm.", "Maj.", "Gov.",
        "Sen.", "Rep.", "Rev.", "Hon.", "Pres.", "St.", "Mt.", "Ft.", "No.", "vs.", "Messrs.", "Supt.", "Insp.");

    /// <summary>Capitalised words that commonly start a sentence; used to decide whether an abbreviation ends one.</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SentenceStarters = MakeLookup(
        "The", "He", "She", "It", "They", "We", "I", "You", "But", "And", "This", "That", "These", "Those", "In",
        "A", "An", "On", "At", "If", "When", "As", "There", "His", "Her", "Its", "Their", "Our", "My", "So", "Yet",
        "However", "Meanwhile", "After", "Before", "Since", "While", "What", "Why", "How", "Who", "Officials",
        "Also", "Then", "Now", "For", "Some", "Many", "Most", "All", "One", "No", "Not");

    /// <summary>Word prefixes after which EWT keeps the hyphen inside the token (e-mail, co-workers, non-stop).</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> HyphenPrefixes = MakeLookup(
        "e", "E", "co", "Co", "non", "Non", "pre", "Pre", "post", "Post", "re", "Re", "pro", "Pro", "ex", "Ex",
        "multi", "Multi", "mid", "Mid", "anti", "Anti", "semi", "Semi", "over", "Over", "inter", "Inter", "intra",
        "sub", "Sub", "self", "Self", "psycho", "ultra", "Ultra", "neo", "Neo", "counter", "Counter", "cyber", "Cyber", "x");

    /// <summary>Units EWT splits from a preceding number ("5kg" → "5 kg", "$3M" → "$ 3 M", "11:30am").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> UnitsAfterNumber = MakeLookup(
        "kg", "g", "mg", "lb", "lbs", "km", "m", "cm", "mm", "mi", "ft", "in", "oz", "ml", "l", "L", "M", "B", "K", "k", "bn",
        "mn", "m", "am", "pm", "AM", "PM", "a", "p", "hrs", "hr", "h", "min", "mins", "sec", "secs", "s.", "x", "GB", "MB", "TB",
        "kb", "KB", "mph", "kmh", "MW", "GW", "kW", "kw", "yrs", "yr", "ish", "pts", "pc", "percent", "million", "billion");

    /// <summary>Contractions written without apostrophe, mapped to where EWT splits them ("dont" → "do" + "nt").</summary>
    public static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ApostropheLessContractions = MakeSplitLookup(
        "dont", "doesnt", "didnt", "cant", "wont", "isnt", "arent", "wasnt", "werent", "couldnt", "wouldnt", "shouldnt",
        "havent", "hasnt", "hadnt", "aint", "Dont", "Doesnt", "Didnt", "Cant", "Wont", "Isnt", "im", "Im", "ive", "Ive",
        "thats", "Thats", "theres", "Theres", "shes", "whats", "Whats", "youre", "Youre", "theyre", "Theyre", "alot");

    private static Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MakeSplitLookup(params string[] words)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in words)
        {
            string lower = w.ToLowerInvariant();
            int at = lower switch
            {
                "cant" or "wont" => 2,
                "aint" => 2,
                "alot" => 1,
                "im" => 1,
                "ive" => 1,
                _ when lower.EndsWith("nt") => w.Length - 2,
                _ when lower.EndsWith("re") => w.Length - 2,
                _ => w.Length - 1, // thats, theres, shes, whats → s
            };
            map[w] = at;
        }
        return map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> MakeLookup(params string[] words)
        => new HashSet<string>(words, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
}
