using Tidings.Language;

namespace Tidings.Extract.Places;

/// <summary>A span of text that names a place (or, for a demonym, a country) with its gazetteer candidates.</summary>
public sealed record PlaceCandidate(int Start, int End, string Text, IReadOnlyList<GeoEntry> Entries, bool IsDemonym = false);

/// <summary>
/// Finds place mentions: location entities from the recognizer whose text is in the gazetteer, plus a
/// longest-match scan of capitalized words against the gazetteer (proper nouns only for single words, so
/// "Reading" the verb and "Police" stay out), and demonyms. Names inside person and organization entities
/// ("Tehrik-i-Taliban Pakistan") are not places.
/// </summary>
public sealed class PlaceRecognizer(PlaceGazetteer gazetteer)
{
    /// <summary>A single-word place found by the scan alone must be at least this big (or a country or division).</summary>
    public long MinScanPopulation { get; init; } = 15000;

    public List<PlaceCandidate> Recognize(string text, IReadOnlyList<Token> tokens, IReadOnlyList<EntitySpan> entities)
    {
        var found = new List<PlaceCandidate>();
        var blocked = entities.Where(e => e.Type is "PERSON" or "ORG").Select(e => (e.Start, e.End)).ToList();
        var personWords = entities.Where(e => e.Type == "PERSON" && e.Text.Contains(' '))
            .SelectMany(e => e.Text.Split(' ')).ToHashSet(StringComparer.Ordinal);
        foreach (var e in entities)
        {
            var (start, end) = Trim(text, e.Start, e.End);
            if (end <= start) continue;
            var entries = gazetteer.Lookup(text[start..end]);
            if (entries.Count == 0 || e.Type != "LOC" && !entries.Any(x => x.IsRegion || x.Population >= 100000)) continue;
            // A lone "Washington" tagged as a person is the capital unless the article names a person with that word.
            if (e.Type == "PERSON" && (personWords.Contains(text[start..end]) || !entries.Any(x => x.IsCountry || x.IsCapital))) continue;
            if (!CaseFits(text, start, end)) continue;
            found.Add(new PlaceCandidate(start, end, text[start..end], entries));
        }
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!char.IsUpper(text[tokens[i].Start])) continue;
            if (blocked.Any(b => tokens[i].Start >= b.Start && tokens[i].End <= b.End)) continue;
            var match = LongestMatch(text, tokens, i);
            if (match is { } m)
            {
                found.Add(m.Candidate);
                i = m.LastToken;
                continue;
            }
            if (gazetteer.Demonym(Word(text, tokens[i])) is { } country)
                found.Add(new PlaceCandidate(tokens[i].Start, tokens[i].End, Word(text, tokens[i]), [country], IsDemonym: true));
        }
        return RemoveOverlaps(found);
    }

    private (PlaceCandidate Candidate, int LastToken)? LongestMatch(string text, IReadOnlyList<Token> tokens, int first)
    {
        (PlaceCandidate, int)? best = null;
        for (int last = first; last < tokens.Count && last - first < PlaceGazetteer.MaxWords; last++)
        {
            if (last > first && tokens[last].Start - tokens[last - 1].End > 1) break; // names do not span line breaks or gaps
            string surface = text[tokens[first].Start..tokens[last].End];
            var entries = gazetteer.Lookup(surface);
            bool single = last == first;
            if (entries.Count > 0 && CaseFits(text, tokens[first].Start, tokens[last].End)
                && (!single || tokens[first].Upos == "PROPN" && entries.Any(e => e.IsRegion || e.Population >= MinScanPopulation)))
                best = (new PlaceCandidate(tokens[first].Start, tokens[last].End, surface, entries), last);
            if (!gazetteer.IsPrefix(surface)) break;
        }
        return best;
    }

    /// <summary>Drops a leading "the" and a trailing possessive, which entity spans sometimes include.</summary>
    private static (int Start, int End) Trim(string text, int start, int end)
    {
        if (end - start > 4 && text.AsSpan(start, 4).Equals("the ", StringComparison.OrdinalIgnoreCase)) start += 4;
        foreach (var suffix in new[] { "'s", "’s" })
            if (end - start > suffix.Length && text.AsSpan(start, end - start).EndsWith(suffix)) end -= suffix.Length;
        return (start, end);
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
