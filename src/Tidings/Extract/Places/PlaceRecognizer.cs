using Tidings.Language;

namespace Tidings.Extract.Places;

/// <summary>A span of text that names a place (or, for a demonym, a country) with its gazetteer candidates.</summary>
public sealed record PlaceCandidate(int Start, int End, string Text, IReadOnlyList<GeoEntry> Entries, bool IsDemonym = false);

/// <summary>
/// Finds place mentions: location entities from the recognizer whose text is in the gazetteer, plus a
/// longest-match scan of capitalized words against the gazetteer (proper nouns only for single words, so
/// "Reading" the verb and "Police" stay out), names before a hyphen ("U.S.-led"), and demonyms. Names inside
/// person entities ("George Washington") are not places.
/// </summary>
public sealed class PlaceRecognizer(PlaceGazetteer gazetteer)
{
    /// <summary>A single-word place found by the scan alone must be at least this big (or a country or division).</summary>
    public long MinScanPopulation { get; init; } = 15000;

    /// <summary>A location entity must name a place at least this big: small namesakes ("White House", Tennessee) are rarely meant.</summary>
    public long MinEntityPopulation { get; init; } = 15000;

    /// <summary>Inside or as an organization or person entity, only a region or a city this big counts ("Police" the Polish town does not).</summary>
    public long MinOtherPopulation { get; init; } = 100000;

    public List<PlaceCandidate> Recognize(string text, IReadOnlyList<Token> tokens, IReadOnlyList<EntitySpan> entities)
    {
        var found = new List<PlaceCandidate>();
        // Places inside organization names still name the place ("Kentucky State Police", "Environment Canada");
        // inside a person's name they do not ("George Washington").
        var blocked = entities.Where(e => e.Type == "PERSON").Select(e => (e.Start, e.End)).ToList();
        // A long person span may open with a country or its demonym ("US President Donald Trump", "Pakistani Foreign Minister …").
        var titled = entities.Where(e => e.Type == "PERSON" && e.Text.Split(' ').Length >= 3).Select(e => e.Start).ToHashSet();
        var organizations = entities.Where(e => e.Type == "ORG").Select(e => (e.Start, e.End)).ToList();
        var personWords = entities.Where(e => e.Type == "PERSON" && e.Text.Contains(' '))
            .SelectMany(e => e.Text.Split(' ')).ToHashSet(StringComparer.Ordinal);
        foreach (var e in entities)
        {
            var (start, end) = Trim(text, e.Start, e.End);
            if (end <= start) continue;
            var entries = gazetteer.Lookup(text[start..end]);
            if (entries.Count == 0 || !entries.Any(x => x.IsRegion || x.Population >= (e.Type == "LOC" ? MinEntityPopulation : MinOtherPopulation))) continue;
            // A lone "Washington" tagged as a person is the capital unless the article names a person with that word.
            if (e.Type == "PERSON" && (personWords.Contains(text[start..end]) || !entries.Any(x => x.IsCountry || x.IsCapital))) continue;
            if (!CaseFits(text, start, end)) continue;
            found.Add(new PlaceCandidate(start, end, text[start..end], entries));
        }
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!char.IsUpper(text[tokens[i].Start])) continue;
            if (titled.Contains(tokens[i].Start) && RegionAtPersonStart(text, tokens, i) is { } opening)
            {
                found.Add(opening);
                continue;
            }
            if (blocked.Any(b => tokens[i].Start >= b.Start && tokens[i].End <= b.End)) continue;
            bool inOrganization = organizations.Any(b => tokens[i].Start >= b.Start && tokens[i].End <= b.End);
            var match = LongestMatch(text, tokens, i, inOrganization ? MinOtherPopulation : MinScanPopulation);
            if (match is { } m)
            {
                found.Add(m.Candidate);
                i = m.LastToken;
                continue;
            }
            if (HyphenatedPrefix(text, tokens[i]) is { } prefix)
            {
                found.Add(prefix);
                continue;
            }
            if (gazetteer.Demonym(Word(text, tokens[i])) is { } country)
                found.Add(new PlaceCandidate(tokens[i].Start, tokens[i].End, Word(text, tokens[i]), [country], IsDemonym: true));
        }
        return RemoveOverlaps(found);
    }

    private (PlaceCandidate Candidate, int LastToken)? LongestMatch(string text, IReadOnlyList<Token> tokens, int first, long minPopulation)
    {
        (PlaceCandidate, int)? best = null;
        for (int last = first; last < tokens.Count && last - first < PlaceGazetteer.MaxWords; last++)
        {
            if (last > first && tokens[last].Start - tokens[last - 1].End > 1) break; // names do not span line breaks or gaps
            int end = WithoutSentenceDot(text, tokens[first].Start, tokens[last].End);
            string surface = text[tokens[first].Start..end];
            var entries = gazetteer.Lookup(surface);
            bool single = last == first;
            if (entries.Count > 0 && CaseFits(text, tokens[first].Start, end)
                && (!single || tokens[first].Upos == "PROPN") && entries.Any(e => e.IsRegion || e.Population >= minPopulation))
                best = (new PlaceCandidate(tokens[first].Start, end, surface, entries), last);
            if (!gazetteer.IsPrefix(surface)) break;
        }
        return best;
    }

    /// <summary>The country, division or demonym opening a person span, when it is one.</summary>
    private PlaceCandidate? RegionAtPersonStart(string text, IReadOnlyList<Token> tokens, int i)
    {
        if (LongestMatch(text, tokens, i, long.MaxValue) is { } m && m.Candidate.Entries.Any(e => e.IsCountry || e.IsAdmin1)) return m.Candidate;
        var word = text[tokens[i].Start..tokens[i].End];
        return gazetteer.Demonym(word) is { } country ? new PlaceCandidate(tokens[i].Start, tokens[i].End, word, [country], IsDemonym: true) : null;
    }

    /// <summary>"U.S.-led", "Canada-wide", "Afghanistan-based": the name before the hyphen, when it is a country, division or big place.</summary>
    private PlaceCandidate? HyphenatedPrefix(string text, Token token)
    {
        int hyphen = text.IndexOf('-', token.Start, token.End - token.Start);
        if (hyphen <= token.Start + 1) return null;
        string name = text[token.Start..hyphen];
        var entries = gazetteer.Lookup(name);
        return entries.Any(e => e.IsRegion || e.Population >= MinScanPopulation) && CaseFits(text, token.Start, hyphen)
            ? new PlaceCandidate(token.Start, hyphen, name, entries)
            : null;
    }

    /// <summary>Drops a leading "the" and a trailing possessive, which entity spans sometimes include.</summary>
    private static (int Start, int End) Trim(string text, int start, int end)
    {
        if (end - start > 4 && text.AsSpan(start, 4).Equals("the ", StringComparison.OrdinalIgnoreCase)) start += 4;
        foreach (var suffix in new[] { "'s", "’s" })
            if (end - start > suffix.Length && text.AsSpan(start, end - start).EndsWith(suffix)) end -= suffix.Length;
        return (start, WithoutSentenceDot(text, start, end));
    }

    /// <summary>"Center." at a sentence end loses its dot; abbreviations ("Ky.", "U.S.") keep theirs.</summary>
    private static int WithoutSentenceDot(string text, int start, int end)
    {
        if (end - start < 2 || text[end - 1] != '.') return end;
        int wordStart = end - 1;
        while (wordStart > start && char.IsLetter(text[wordStart - 1])) wordStart--;
        return end - 1 - wordStart > 3 ? end - 1 : end;
    }

    /// <summary>Names start with a capital; names of three letters or fewer are in capitals ("US", not "us") or abbreviated ("Ky.").</summary>
    private static bool CaseFits(string text, int start, int end)
    {
        if (!char.IsUpper(text[start])) return false;
        int letters = 0;
        bool allUpper = true;
        for (int i = start; i < end; i++)
            if (char.IsLetter(text[i])) { letters++; allUpper &= char.IsUpper(text[i]); }
        return letters > 3 || allUpper || text[end - 1] == '.'; // "Ky.", "Mo.": abbreviations keep their dot
    }

    private static string Word(string text, Token t) => text[t.Start..t.End];

    /// <summary>Keeps the longer of two overlapping mentions (the earlier one on ties), in text order.</summary>
    private static List<PlaceCandidate> RemoveOverlaps(List<PlaceCandidate> found)
    {
        var kept = new List<PlaceCandidate>();
        foreach (var c in found.OrderByDescending(c => c.End - c.Start).ThenBy(c => c.Start))
            if (!kept.Any(k => k.Start < c.End && c.Start < k.End)) kept.Add(c);
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }
}
