using Tidings.Extract.Entities;
using Tidings.Language.Syntax;

namespace Tidings.Extract.Events;

/// <summary>An actor's code as it is being resolved: the full code, its country and sector parts, and its entity.</summary>
internal readonly record struct Coded(string? Code, string? Country, string? Sector, string? Entity = null, string? Name = null)
{
    public static Coded None => default;

    /// <summary>"PAKREB" → PAK + REB; "IMGREBALQ" → IMG + REB; "---GOV" (a PETRARCH agent alone) → no country. A
    /// three-letter code takes <paramref name="fillSector"/> ("Pakistani" + "troops").</summary>
    public static Coded FromCode(string code, string? fillSector = null)
    {
        if (code.Length == 3 && fillSector is not null) code += fillSector;
        string? country = code.Length >= 3 ? code[..3] : code;
        string? sector = code.Length > 3 ? code[3..Math.Min(6, code.Length)] : null;
        if (country == "---") return new Coded(sector, null, sector);
        return new Coded(code, country, sector);
    }

    /// <summary>Country and sector joined; a sector alone when the country is unknown; null when neither is.</summary>
    public static Coded FromParts(string? country, string? sector) => new((country, sector) switch
    {
        (null, null) => null,
        (null, _) => sector,
        (_, null) => country,
        _ => country + sector,
    }, country, sector);

    /// <summary>A user agent's parts override the built-in ones (user entries win).</summary>
    public Coded WithUser(string? userCountry, string? userSector)
        => userCountry is null && userSector is null ? this : FromParts(userCountry ?? Country, userSector ?? Sector) with { Entity = Entity, Name = Name };

    /// <summary>Fills the entity id and canonical name from the entity mention at [start, end) (global when the article was linked).</summary>
    public Coded WithEntity(ActorContext context, int entity, int start, int end, string? fallbackName)
    {
        if (entity < 0) return this with { Name = Name ?? fallbackName };
        var r = context.RefAt(start, end);
        return this with { Entity = r?.Entity, Name = r?.Name ?? context.Entities[entity].Name };
    }
}

public sealed partial class ActorCoder
{
    private static readonly HashSet<string> Definite = new(StringComparer.OrdinalIgnoreCase) { "the", "this", "that", "these", "those" };

    /// <summary>PETRARCH-style: the longest user actor and the longest user agent among the phrase's upper-cased words, combined.</summary>
    private (string? Code, string? AgentCountry, string? AgentSector) MatchUser(DependencyTree tree, List<int> phrase, DateOnly? date)
    {
        var upper = new List<string>(phrase.Count);
        foreach (int i in phrase) upper.Add(tree.TextOf(i).ToUpperInvariant());
        ActorDictionaryMatch? actor = null;
        AgentDictionaryMatch? agent = null;
        for (int s = 0; s < upper.Count; s++)
        {
            if (UserActors?.Match(upper, s, date) is { } m && (actor is null || m.Length > actor.Length)) actor = m;
            if (UserAgents?.Match(upper, s) is { } g && (agent is null || g.Length > agent.Length)) agent = g;
        }
        if (actor is not null) return (CombineAgent(actor.Code, agent?.Code), null, null);
        if (agent is null) return (null, null, null);
        string code = agent.Code;
        if (code.EndsWith('~')) return (null, code.TrimEnd('~'), null);
        var sector = code.TrimStart('~');
        return (null, null, sector.Length > 0 ? sector : null);
    }

    /// <summary>PETRARCH's combination: "~GOV" is appended to the actor's code, "NGO~" put before it.</summary>
    public static string CombineAgent(string actor, string? agent)
    {
        if (string.IsNullOrEmpty(agent)) return actor;
        if (agent.EndsWith('~')) return agent.TrimEnd('~') + actor;
        var suffix = agent.TrimStart('~');
        return actor.EndsWith(suffix, StringComparison.Ordinal) ? actor : actor + suffix;
    }

    /// <summary>The entity a pronoun stands for: the nearest preceding person for he/she, organisation for they, organisation or place for it.</summary>
    private static (int Entity, int Start, int End) Antecedent(ActorContext context, string pronoun, int before)
    {
        Func<ArticleEntity, bool>? fits = pronoun.ToLowerInvariant() switch
        {
            "he" or "him" or "his" or "himself" or "she" or "her" or "hers" or "herself" => e => e.Type == "PERSON",
            "they" or "them" or "their" or "theirs" or "themselves" => e => e.Type == "ORG",
            "it" or "its" or "itself" => e => e.Type is "ORG" or "LOC",
            _ => null,
        };
        return fits is null ? (-1, 0, 0) : context.EntityBefore(before, fits);
    }

    /// <summary>
    /// "I" and "we" inside a quotation are its speaker: "I" the person (with their entity), "we"/"us"/"our" the
    /// speaker's side, coded like the speaker but naming no entity ("We seek a partnership", said a State Department
    /// spokesperson → USAGOV). Null for other pronouns, outside quotations, or when the speaker does not code.
    /// </summary>
    private Coded? SpeakerOf(ActorContext context, string pronoun, int at, DateOnly? date)
    {
        bool person = pronoun.ToLowerInvariant() is "i" or "me" or "my" or "myself";
        if (!person && pronoun.ToLowerInvariant() is not ("we" or "us" or "our" or "ours" or "ourselves")) return null;
        if (context.QuoteAt(at)?.Speaker is not { } speaker) return null;
        var (entity, start, end) = context.EntityAt(speaker.Start, speaker.End);
        if (entity < 0)
            (entity, start, end) = context.EntityBefore(speaker.End, e => e.Type == "PERSON" && e.Name == speaker.Name);
        Coded coded;
        if (entity >= 0) coded = CodeEntity(context, entity, date, speaker.Start);
        else
        {
            int s = context.SentenceAt(speaker.Start);
            if (s < 0) return null;
            var tree = context.Tree(s);
            int head = MentionHead(tree, speaker.Start, speaker.End);
            if (head < 0 || tree[head].Upos == "PRON") return null;
            coded = Resolve(context, tree, head, Phrase(tree, head), date, nested: true) with { Entity = null, Name = null };
        }
        if (coded.Code is null) return null;
        return person && entity >= 0 ? coded.WithEntity(context, entity, start, end, null) : coded with { Entity = null, Name = null };
    }

    /// <summary>An entity's code on the date: its dictionary entry or affiliation, else its own country and sector
    /// (a person with no stated country: the article's main country).</summary>
    private Coded CodeEntity(ActorContext context, int entity, DateOnly? date, int offset)
    {
        var ec = EntityCodingOf(context, entity);
        if (ec.Entry?.CodeOn(date) is { } code)
        {
            var c = Coded.FromCode(code, ec.Sector);
            // An affiliation coded as a bare country ("American") with the person's own sector.
            return c.Sector is null && ec.Sector is not null ? Coded.FromParts(c.Country, ec.Sector) : c;
        }
        string? country = ec.Country;
        // A person with a title but no stated country: the article's, else the one named around them; with neither, uncoded.
        if (country is null && ec.Sector is not null && context.Entities[entity].Type == "PERSON" && (context.MainCountry ?? context.NearbyCountry(FirstMention(context, entity))) is { } near)
            country = _actors.Iso3(near);
        return Coded.FromParts(country, ec.Sector);
    }

    private static int FirstMention(ActorContext context, int entity) => context.Entities[entity].Mentions[0].Start;

    private EntityCoding EntityCodingOf(ActorContext context, int entity)
    {
        if (context.EntityCodings.TryGetValue(entity, out var known)) return known;
        if (!context.EntitiesInProgress.Add(entity)) return new EntityCoding(null, null, null);
        try
        {
            var e = context.Entities[entity];
            var coding = e.Type == "PERSON" ? CodePerson(context, e) : CodeNamed(context, e);
            context.EntityCodings[entity] = coding;
            return coding;
        }
        finally
        {
            context.EntitiesInProgress.Remove(entity);
        }
    }

    /// <summary>An organisation or place: any of its names in the dictionary, else the words of its name, else the country of its place mention.</summary>
    private EntityCoding CodeNamed(ActorContext context, ArticleEntity e)
    {
        foreach (var alias in e.Aliases.OrderByDescending(a => a.Length))
            if (_actors.LookupName(alias) is { } entry) return new EntityCoding(entry, null, null);
        var acc = new Gathered();
        foreach (var alias in e.Aliases.OrderByDescending(a => a.Length))
        {
            var folded = alias.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Absorb(ref acc, Analyze(folded.Select(NameKeys.Exact).ToList(), folded, folded.Length - 1));
        }
        if (acc.Entry is null && acc.Country is null)
            foreach (var m in e.Mentions)
                if (context.PlaceAt(m.Start, m.End) is { } p && _actors.Iso3(p.Country) is { } iso3) { acc.Country = iso3; break; }
        return new EntityCoding(acc.Entry, acc.Country, acc.Sector);
    }

    /// <summary>
    /// A person: the sector of their titles and roles ("interior minister" → GOV), and a country or affiliation
    /// from the words around their mentions — title modifiers ("American counterpart", "the department's
    /// spokesperson" → the State Department), appositions, and roles naming a nationality.
    /// </summary>
    private EntityCoding CodePerson(ActorContext context, ArticleEntity e)
    {
        var acc = new Gathered();
        foreach (var role in e.Roles)
        {
            var folded = NameKeys.Exact(role).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (folded.Length > 0) Absorb(ref acc, Analyze(folded, folded, folded.Length - 1));
        }
        // A title-cased headline parses poorly ("Black Lawmakers Rip Donald Trump"): its mentions count only when the body has none.
        var (hStart, hEnd) = context.Article.Headline is { } h ? (h.Start, h.End) : (0, 0);
        bool inBody = e.Mentions.Any(m => m.Start >= hEnd || m.End <= hStart);
        foreach (var m in e.Mentions)
        {
            if (inBody && m.Start < hEnd && hStart < m.End) continue;
            int s = context.SentenceAt(m.Start);
            if (s < 0) continue;
            var tree = context.Tree(s);
            int head = MentionHead(tree, m.Start, m.End);
            if (head < 0) continue;
            var around = Phrase(tree, head);
            foreach (int title in tree.Titles(head)) around.AddRange(Phrase(tree, title));
            around.RemoveAll(i => tree[i].Start >= m.Start && tree[i].End <= m.End);
            around = around.Distinct().Order().ToList();
            if (around.Count == 0) continue;
            var words = Words.Of(context, tree, around, -1);
            var a = Analyze(words.Folded, words.Written, words.Skeletons, -1);
            Absorb(ref acc, a);
            if (a.Sector is { } word && a.Actor is null && (a.Country is null || word.Kind == SectorKind.Counterpart))
            {
                var reference = CodeReference(context, tree, words.TreeIndex(a.SectorPos), word, null);
                acc.Country ??= reference.Country;
                acc.Sector ??= reference.Sector;
            }
        }
        return new EntityCoding(acc.Entry, acc.Country, acc.Sector);
    }

    private struct Gathered
    {
        public ActorEntry? Entry;
        public string? Country;
        public string? Sector;
    }

    private static void Absorb(ref Gathered acc, Analysis a)
    {
        acc.Entry ??= a.Actor;
        if (a.Country?.CodeOn(null) is { } country) acc.Country ??= country;
        acc.Sector ??= a.Sector?.Sector;
    }

    /// <summary>The token of the mention whose head lies outside it (the last such, for a flat name).</summary>
    private static int MentionHead(DependencyTree tree, int start, int end)
    {
        int found = -1;
        for (int i = 0; i < tree.Count; i++)
        {
            if (tree[i].Start < start || tree[i].End > end) continue;
            int h = tree.Head(i);
            if (h < 0 || tree[h].Start < start || tree[h].End > end) found = i;
        }
        return found;
    }

    /// <summary>
    /// A phrase whose only clue is a sector word may refer back: "the group" / "the department" to the nearest named
    /// organisation that fits, "the country" to the nearest country, "the spokesperson" to the nearest person with
    /// that role (else to the same role named earlier with its modifiers: "a State Department spokesperson"), and
    /// "his counterpart" takes the sector of its possessor. Otherwise just the word's sector.
    /// </summary>
    private Coded CodeReference(ActorContext context, DependencyTree tree, int token, SectorWord word, DateOnly? date)
    {
        var plain = Coded.FromParts(null, word.Sector);
        if (token < 0) return plain;
        int at = tree[token].Start;
        switch (word.Kind)
        {
            case SectorKind.Org when IsDefinite(tree, token):
            {
                var (ante, s, e) = context.EntityBefore(at, x => x.Type != "PERSON" && FitsOrg(context, x, word));
                if (ante >= 0) return CodeEntity(context, ante, date, at).WithEntity(context, ante, s, e, null);
                return EarlierActor(context, at, word, date) ?? plain;
            }
            case SectorKind.Country when IsDefinite(tree, token) && NameKeys.Exact(tree.TextOf(token)) == NameKeys.Exact(word.Phrase):
                return context.CountryBefore(at) is { } iso2 ? Coded.FromParts(_actors.Iso3(iso2), null) : plain;
            case SectorKind.Person when IsDefinite(tree, token) && NameKeys.Exact(tree.TextOf(token)) == NameKeys.Exact(word.Phrase):
            {
                string phrase = NameKeys.Exact(word.Phrase);
                var (ante, s, e) = context.EntityBefore(at, x => x.Type == "PERSON" && context.FoldedEntity(x.Index).Roles.Any(r => HasRole(r, phrase)));
                if (ante >= 0) return CodeEntity(context, ante, date, at).WithEntity(context, ante, s, e, null);
                return EarlierRole(context, at, date) ?? plain;
            }
            case SectorKind.Counterpart:
            {
                int possessor = tree.Children(token).FirstOrDefault(c => tree.Relation(c) == "nmod:poss", -1);
                if (possessor < 0) return plain;
                var (ante, _, _) = tree[possessor].Upos == "PRON"
                    ? Antecedent(context, tree.TextOf(possessor), tree[possessor].Start)
                    : context.EntityAt(tree[possessor].Start, tree[possessor].End);
                return ante < 0 ? plain : Coded.FromParts(null, CodeEntity(context, ante, date, at).Sector);
            }
            default:
                return plain;
        }
    }

    private static bool IsDefinite(DependencyTree tree, int token)
        => tree.Children(token).Any(c => tree.BaseRelation(c) == "det" && Definite.Contains(tree.TextOf(c)) || tree.Relation(c) == "nmod:poss");

    /// <summary>Whether a folded role is the phrase or ends with it ("foreign minister" has "minister").</summary>
    private static bool HasRole(string role, string phrase)
        => role.EndsWith(phrase, StringComparison.Ordinal) && (role.Length == phrase.Length || role[^(phrase.Length + 1)] == ' ');

    /// <summary>Whether an organisation may be what "the group"/"the department" refers to: its name has the noun, or its code the noun's sector or a fitting one.</summary>
    private bool FitsOrg(ActorContext context, ArticleEntity e, SectorWord word)
    {
        string name = context.FoldedEntity(e.Index).Name, noun = word.Phrase;
        int at = name.IndexOf(noun, StringComparison.Ordinal);
        if (at >= 0 && (at == 0 || name[at - 1] == ' ') && (at + noun.Length == name.Length || name[at + noun.Length] == ' ')) return true;
        return EntityCodingOf(context, e.Index).Entry?.CodeOn(null) is { } code && FitsCode(code, word);
    }

    private static bool FitsCode(string code, SectorWord word)
    {
        if (code.Length < 6) return false;
        string country = code[..3], sector = code[3..6];
        return sector == word.Sector || word.Fits.Contains(sector) || word.Fits.Contains(country);
    }

    /// <summary>
    /// The nearest named actor of the dictionary written before the offset (within ~300 words) that "the group" may
    /// refer to, for when the entity recogniser missed its name.
    /// </summary>
    private Coded? EarlierActor(ActorContext context, int at, SectorWord word, DateOnly? date)
    {
        int here = context.TokenAt(at - 1);
        Span<char> key = stackalloc char[256];
        for (int k = here; k >= 0 && k > here - 300; k--)
        {
            int length = 0;
            for (int end = k; end <= here && end < k + _actors.MaxWords; end++)
            {
                if (!Append(key, ref length, context.Folded(end))) break;
                var entry = (end == k ? _actors.LookupAcronym(context.Written(k)) : null) ?? _actors.LookupExact(key[..length]);
                if (entry is { Kind: ActorKind.Actor } && entry.CodeOn(date) is { } code && FitsCode(code, word))
                    return Coded.FromCode(code) with { Name = entry.Name };
                if (!_actors.IsPrefix(key[..length])) break;
            }
        }
        return null;
    }

    /// <summary>The same role noun earlier in the article with modifiers that code ("a State Department spokesperson").</summary>
    private Coded? EarlierRole(ActorContext context, int at, DateOnly? date)
    {
        int here = context.TokenAt(at);
        if (here < 0) return null;
        string key = context.Folded(here);
        for (int k = here - 1; k >= 0 && k >= here - 600; k--)
        {
            if (context.Folded(k) != key) continue;
            int first = k;
            while (first > 0 && k - first < 4 && context.Tokens[first - 1].Upos is "NOUN" or "PROPN" or "ADJ") first--;
            if (first == k) continue;
            var folded = new List<string>();
            var written = new List<string>();
            for (int j = first; j <= k; j++) { folded.Add(context.Folded(j)); written.Add(context.Written(j)); }
            var a = Analyze(folded, written, folded.Count - 1);
            if (a.Actor?.CodeOn(date) is { } code) return Coded.FromCode(code, a.Sector?.Sector) with { Name = a.Actor.Name };
            if (a.Country?.CodeOn(date) is { } country) return Coded.FromParts(country, a.Sector?.Sector);
        }
        return null;
    }
}
