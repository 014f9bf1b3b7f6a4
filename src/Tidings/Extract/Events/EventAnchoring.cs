using System.Globalization;
using Tidings.Extract.Places;
using Tidings.Extract.Times;
using Tidings.Language.Syntax;

namespace Tidings.Extract.Events;

/// <summary>
/// When and where an event happened: the time expression and the place its predicate governs in the sentence
/// ("On Monday, militants took hostages"; "seizing a centre in the town of Bannu"), else the article's date and
/// the dateline's place, with which one was used.
/// </summary>
public static class EventAnchoring
{
    /// <summary>The event's TIMEX value and where it came from.</summary>
    public static (string? Value, string Source) Date(DependencyTree tree, EventCandidate ev, IReadOnlyList<TimeExpression> times, DateOnly? anchor)
    {
        if (tree.Count > 0)
        {
            int sentenceStart = tree[0].Start, sentenceEnd = tree[tree.Count - 1].End;
            var governing = Governing(tree, ev, times.Where(t => t.Start >= sentenceStart && t.End <= sentenceEnd && IsCalendarValue(t)),
                t => (t.Start, t.End));
            if (governing is not null) return (governing.Value, EventProvenance.Text);
        }
        return anchor is { } a ? (a.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), EventProvenance.Article) : (null, EventProvenance.None);
    }

    /// <summary>The place governed by the predicate (not one naming an actor), else the dateline's.</summary>
    public static (EventPlace? Place, string Source) Place(DependencyTree tree, EventCandidate ev, IReadOnlyList<PlaceMention> places,
        IEnumerable<EventActor> actors, EventPlace? dateline)
    {
        if (tree.Count > 0)
        {
            int sentenceStart = tree[0].Start, sentenceEnd = tree[tree.Count - 1].End;
            var actorSpans = actors.Select(a => (a.Start, a.End)).ToList();
            var candidates = places.Where(p => p.Start >= sentenceStart && p.End <= sentenceEnd && !p.Metonymy
                && !actorSpans.Any(a => NamesActor(p.Start, p.End, a.Start, a.End)) && IsLocative(tree, TokenAt(tree, p.Start)));
            var place = Governing(tree, ev, candidates, p => (p.Start, p.End), subtreeFallback: true);
            if (place is not null)
                return (new EventPlace(place.Start, place.End, place.Text, place.GeonameId, place.Name, place.Country, place.Admin1,
                    place.Lat, place.Lon, place.FeatureCode), EventProvenance.Text);
        }
        return dateline is not null ? (dateline, EventProvenance.Dateline) : (null, EventProvenance.None);
    }

    /// <summary>
    /// The item whose nearest governing verb is one of the event's anchors (its predicate, its support verb, or a
    /// clause it depends on without crossing reported speech); for event nouns also anything inside the noun phrase;
    /// with <paramref name="subtreeFallback"/>, anything inside the predicate's clause.
    /// </summary>
    private static T? Governing<T>(DependencyTree tree, EventCandidate ev, IEnumerable<T> items, Func<T, (int Start, int End)> span,
        bool subtreeFallback = false) where T : class
    {
        var anchors = new HashSet<int>(ev.Anchors);
        var inherited = Inheritance(tree, ev.Predicate);
        T? best = null;
        int bestRank = int.MaxValue;
        foreach (var item in items)
        {
            int k = TokenAt(tree, span(item).Start);
            if (k < 0) continue;
            int rank = int.MaxValue;
            int verb = NearestVerb(tree, k, anchors);
            if (anchors.Contains(verb)) rank = 0;
            else if (ev.IsNoun && tree.Dominates(ev.Predicate, k)) rank = 1;
            else if (inherited.IndexOf(verb) is >= 0 and var depth) rank = 2 + depth;
            else if (subtreeFallback && tree.Dominates(tree.Predicate(ev.Predicate), k)) rank = 50;
            if (rank < bestRank) { best = item; bestRank = rank; }
        }
        return best;
    }

    /// <summary>The clauses an event's time and place may come from: its governing predicates up to a speech boundary.</summary>
    private static List<int> Inheritance(DependencyTree tree, int predicate)
    {
        var chain = new List<int>();
        for (int p = predicate, steps = 0; steps < tree.Count && tree.Head(p) >= 0; steps++)
        {
            if (tree.Relation(p) is "ccomp" or "parataxis" or "csubj") break;
            p = tree.Head(p);
            chain.Add(p);
        }
        return chain;
    }

    private static int NearestVerb(DependencyTree tree, int k, HashSet<int> anchors)
    {
        for (int steps = 0; k >= 0 && steps <= tree.Count; steps++)
        {
            int h = tree.Head(k);
            if (h < 0) return k;
            if (anchors.Contains(h) || tree[h].Upos is "VERB" || tree.Relation(h) is "root" && tree[h].Upos is not "NOUN" and not "PROPN") return h;
            k = h;
        }
        return -1;
    }

    /// <summary>The place is (most of) the actor ("Washington said"), not a place inside a longer phrase ("a centre in Bannu").</summary>
    private static bool NamesActor(int placeStart, int placeEnd, int actorStart, int actorEnd)
    {
        int overlap = Math.Min(placeEnd, actorEnd) - Math.Max(placeStart, actorStart);
        return overlap > 0 && overlap * 2 >= actorEnd - actorStart;
    }

    private static readonly HashSet<string> LocativeCases = new(StringComparer.OrdinalIgnoreCase)
        { "in", "at", "near", "outside", "inside", "across", "throughout", "around", "within", "into", "off" };

    /// <summary>"in the town of Bannu", "in New York's Times Square": a place where something happens, not a party to it.</summary>
    private static bool IsLocative(DependencyTree tree, int k)
    {
        for (int steps = 0; k >= 0 && steps < 4; steps++, k = tree.Head(k))
        {
            // "the town of Bannu", "New York's Times Square": look past "of" and the possessive to the phrase's own preposition.
            foreach (int c in tree.Children(k))
                if (tree.Relation(c) == "case" && tree.TextOf(c) is not ("of" or "'s" or "’s" or "'"))
                    return LocativeCases.Contains(tree.TextOf(c));
            if (tree[k].Upos is "VERB") return false;
        }
        return false;
    }

    private static int TokenAt(DependencyTree tree, int offset)
    {
        for (int i = 0; i < tree.Count; i++) if (tree[i].End > offset) return i;
        return -1;
    }

    private static bool IsCalendarValue(TimeExpression t)
        => t.Type is "DATE" or "TIME" && t.Value.Length >= 4 && (char.IsAsciiDigit(t.Value[0]) || t.Value.StartsWith("XXXX", StringComparison.Ordinal));

    /// <summary>A full or partial TIMEX date as a day (the first day of a month or year), or null.</summary>
    public static DateOnly? ToDateOnly(string? value)
    {
        if (value is null || value.Length < 4 || !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year)) return null;
        int month = value.Length >= 7 && int.TryParse(value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int m) && m is >= 1 and <= 12 ? m : 1;
        int day = value.Length >= 10 && int.TryParse(value.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int d) && d >= 1 && d <= DateTime.DaysInMonth(year, month) ? d : 1;
        return year is >= 1 and <= 9999 ? new DateOnly(year, month, day) : null;
    }

    /// <summary>More than a year before the article's date: a past event recalled, not news ("in 2010").</summary>
    public static bool IsHistorical(string? value, DateOnly? anchor)
    {
        if (anchor is not { } a || ToDateOnly(value) is not { } d) return false;
        // A year alone stands for its last day: "in 2021" is not historical in an article of 2022.
        var end = value!.Length == 4 ? new DateOnly(d.Year, 12, 31) : value.Length == 7 ? d.AddMonths(1).AddDays(-1) : d;
        return end < a.AddYears(-1);
    }
}
