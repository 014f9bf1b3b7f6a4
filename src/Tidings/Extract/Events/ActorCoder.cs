using Tidings.Language.Syntax;

namespace Tidings.Extract.Events;

/// <summary>
/// Codes actor mentions in the CAMEO/PLOVER style (country + sector). In order: the user's PETRARCH dictionaries
/// (actor + agent codes, which override everything built in); pronouns resolved to the nearest fitting entity
/// before them; the built-in dictionary (named institutions and groups with date-restricted codes, then
/// countries, demonyms and capitals) over the words of the noun phrase, with sector words for roles and group
/// nouns; the article's entities (a person's titles, roles and affiliations; an organisation's other names);
/// references back ("the group", "the spokesperson", "the country"); and for a sector without a country, the
/// country of the sentence's places, else the article's main country. Rules and data formats: docs/actors.md.
/// Thread-safe: per-article state lives in the <see cref="ActorContext"/>.
/// </summary>
public sealed partial class ActorCoder(IActorDictionary? userActors = null, IAgentDictionary? userAgents = null)
{
    public static ActorCoder Default { get; } = new();

    private static readonly HashSet<string> PhraseRelations = new(StringComparer.Ordinal)
    {
        "compound", "amod", "flat", "flat:name", "flat:foreign", "nmod:poss", "det", "det:poss", "nummod", "compound:prt",
    };

    private readonly ActorDictionary _actors = ActorDictionary.Default;
    private readonly SectorWords _sectors = SectorWords.Default;

    public IActorDictionary? UserActors { get; } = userActors;
    public IAgentDictionary? UserAgents { get; } = userAgents;

    /// <summary>The actor named by the noun phrase headed by token <paramref name="head"/> of the tree, coded for the date.</summary>
    public EventActor? Code(ActorContext context, DependencyTree tree, int head, DateOnly? date)
    {
        if (head < 0 || head >= tree.Count) return null;
        var phrase = Phrase(tree, head);
        int start = tree[phrase[0]].Start, end = tree[phrase[^1]].End;
        var coded = Resolve(context, tree, head, phrase, date);
        return new EventActor(start, end, context.Text[start..end], coded.Code, coded.Country, coded.Sector, coded.Entity, coded.Name);
    }

    /// <summary>
    /// The noun phrase of a head: the head with its compound, adjective, flat-name, possessor, determiner and number
    /// children (recursively), and an "of" name continuation ("Bureau of Investigation"); not relative clauses or
    /// appositions. Sorted tree indices, punctuation left out.
    /// </summary>
    internal static List<int> Phrase(DependencyTree tree, int head)
    {
        var tokens = new List<int>(6);
        Collect(tree, head, tokens, possessor: false);
        tokens.Sort();
        if (tokens.Count > 1) tokens.RemoveAll(i => tree[i].Upos == "PUNCT");
        return tokens;
    }

    private static void Collect(DependencyTree tree, int i, List<int> into, bool possessor)
    {
        into.Add(i);
        foreach (int c in tree.Children(i))
        {
            string rel = tree.Relation(c);
            if (PhraseRelations.Contains(rel)) Collect(tree, c, into, rel == "nmod:poss");
            else if (rel == "case" && possessor) into.Add(c); // the possessor's 's
            else if (tree.BaseRelation(c) == "nmod" && c < i && !tree.Children(c).Any(k => tree.Relation(k) == "case")) Collect(tree, c, into, false); // a title: "Interior Minister Rana…"
            else if (rel == "nmod" && IsNameContinuation(tree, i, c))
            {
                var (first, last) = tree.Subtree(c);
                for (int k = first; k <= last; k++) into.Add(k);
            }
        }
    }

    /// <summary>"Bureau" + "of Investigation": a proper noun's "of" proper noun, right after it (not "FBI) of the US", not an acronym's).</summary>
    private static bool IsNameContinuation(DependencyTree tree, int head, int child)
    {
        if (child <= head || tree[head].Upos != "PROPN" || tree[child].Upos != "PROPN" || ActorDictionary.IsAcronym(tree.TextOf(head))) return false;
        if (!tree.Children(child).Any(k => tree.Relation(k) == "case")) return false;
        for (int k = head + 1; k < child; k++) if (tree[k].Upos == "PUNCT") return false;
        return true;
    }

    private Coded Resolve(ActorContext context, DependencyTree tree, int head, List<int> phrase, DateOnly? date, bool nested = false)
    {
        var (entity, mentionStart, mentionEnd) = context.EntityAt(tree[head].Start, tree[head].End);
        string? userSector = null, userCountry = null;
        if (UserActors is not null || UserAgents is not null)
        {
            var user = MatchUser(tree, phrase, date);
            if (user.Code is not null) return Coded.FromCode(user.Code).WithEntity(context, entity, mentionStart, mentionEnd, null);
            (userCountry, userSector) = (user.AgentCountry, user.AgentSector);
        }
        if (tree[head].Upos == "PRON")
        {
            if (!nested && SpeakerOf(context, tree.TextOf(head), tree[head].Start, date) is { } speaker) return speaker.WithUser(userCountry, userSector);
            var (ante, aStart, aEnd) = Antecedent(context, tree.TextOf(head), tree[head].Start);
            if (ante < 0) return Coded.None;
            return CodeEntity(context, ante, date, tree[head].Start).WithUser(userCountry, userSector).WithEntity(context, ante, aStart, aEnd, null);
        }

        var words = Words.Of(context, tree, phrase, head);
        var a = Analyze(words.Folded, words.Written, words.Skeletons, words.HeadPos, tree[head].Upos == "PROPN");
        if (a.Actor?.CodeOn(date) is { } actorCode)
            return Coded.FromCode(actorCode, a.Sector?.Sector).WithUser(userCountry, userSector).WithEntity(context, entity, mentionStart, mentionEnd, a.Actor.Name);

        string? country = a.Country?.CodeOn(date), sector = a.Sector?.Sector;
        string? name = a.Country?.Kind == ActorKind.Country ? a.Country.Name : null;
        if (a.Country?.Kind == ActorKind.Capital && sector is null && ActsAsGovernment(context, tree, head)) sector = "GOV";
        if (entity >= 0)
        {
            var e = CodeEntity(context, entity, date, tree[head].Start);
            country ??= e.Country;
            sector ??= e.Sector;
        }
        // A place the phrase names — unless the head is a person's or organisation's name ("Mary J. Blige" is no town in Turkmenistan).
        if (country is null && (entity < 0 || context.Entities[entity].Type == "LOC") && context.PlaceAt(tree[head].Start, tree[head].End) is { } place && _actors.Iso3(place.Country) is { } placeCountry)
        {
            country = placeCountry;
            name ??= _actors.CountryName(placeCountry);
            if (sector is null && place.FeatureCode == "PPLC" && ActsAsGovernment(context, tree, head)) sector = "GOV";
        }
        if (country is null && context.DemonymWithin(tree[phrase[0]].Start, tree[phrase[^1]].End) is { } demonym)
            country = _actors.Iso3(demonym.Country);
        if (a.Sector is { } word && (word.Kind == SectorKind.Counterpart || country is null && entity < 0))
        {
            var reference = CodeReference(context, tree, words.TreeIndex(a.SectorPos), word, date);
            if (country is null && reference.Country is not null) return reference.WithUser(userCountry, userSector);
            sector ??= reference.Sector;
        }
        if (country is null && sector is not null) country = ContextCountry(context, tree[head].Start, a.Sector?.Kind != SectorKind.Person);
        // "…spokesperson Mao Ning": a name in apposition that codes no other way is what its title says.
        int titled = tree.Head(head);
        if (country is null && sector is null && !nested && tree.Relation(head) == "appos" && titled >= 0)
        {
            var title = Resolve(context, tree, titled, Phrase(tree, titled), date, nested: true);
            if (title.Code is not null) return (title with { Entity = null, Name = null }).WithEntity(context, entity, mentionStart, mentionEnd, null);
        }
        return Coded.FromParts(userCountry ?? country, userSector ?? sector).WithEntity(context, entity, mentionStart, mentionEnd, name);
    }

    /// <summary>A capital stands for its government as the subject or possessor of the clause ("Islamabad is keen", "Kabul's support").</summary>
    private static bool ActsAsGovernment(ActorContext context, DependencyTree tree, int head)
        => tree.Relation(head) is "nsubj" or "nsubj:pass" or "nmod:poss" or "obl:agent"
           || context.PlaceAt(tree[head].Start, tree[head].End) is { Metonymy: true };

    /// <summary>
    /// The country of an actor known only by its sector: for a group ("militants", "troops") the one country of the
    /// sentence's places ("in the town of Bannu"); then the article's main country; then the country most named
    /// around the offset (this sentence and the two before).
    /// </summary>
    private string? ContextCountry(ActorContext context, int offset, bool group)
    {
        var iso2 = (group ? context.SentenceCountry(offset) : null) ?? context.MainCountry ?? context.NearbyCountry(offset);
        return iso2 is null ? null : _actors.Iso3(iso2);
    }

    /// <summary>
    /// The best entries among the phrase's word windows: the longest named actor, the longest country (name,
    /// demonym, capital; not one followed by "based": "Afghanistan-based" tells where, not who), and the longest
    /// sector word covering the head, else (see below) the longest other. Windows grow from each word while some longer name can
    /// still follow (prefix sets), on a stack buffer: no allocation per window.
    /// </summary>
    internal Analysis Analyze(IReadOnlyList<string> folded, IReadOnlyList<string> written, IReadOnlyList<string> skeletons, int headPos, bool headIsName = false)
    {
        var a = new Analysis { SectorPos = -1 };
        int n = folded.Count, actorLen = 0, countryLen = 0;
        (SectorWord? Word, int Pos, int Len) onHead = default, other = default;
        Span<char> key = stackalloc char[256];
        Span<char> skeleton = stackalloc char[256];
        for (int start = 0; start < n; start++)
        {
            int keyLength = 0, skeletonLength = 0, foldedLength = -1;
            bool exact = true;
            // Spelling variants are for names: a capitalised first word ("pneumonia" is not "Panamanian").
            bool skeletal = written[start].Length > 0 && char.IsUpper(written[start][0]);
            for (int end = start; end < n && (exact || skeletal); end++)
            {
                int len = end - start + 1;
                foldedLength += folded[end].Length + 1;
                exact = exact && Append(key, ref keyLength, folded[end]);
                skeletal = skeletal && Append(skeleton, ref skeletonLength, skeletons[end]);
                var entry = len == 1 ? _actors.LookupAcronym(written[start]) : null;
                if (exact) entry ??= _actors.LookupExact(key[..keyLength]);
                if (skeletal && foldedLength >= ActorDictionary.SkeletonMinimum) entry ??= _actors.LookupSkeleton(skeleton[..skeletonLength]);
                if (entry is not null && !(end + 1 < n && folded[end + 1] == "based"))
                {
                    if (entry.Kind == ActorKind.Actor) { if (len > actorLen) (a.Actor, actorLen) = (entry, len); }
                    else if (len > countryLen) (a.Country, countryLen) = (entry, len);
                }
                if (exact && _sectors.Lookup(key[..keyLength]) is { } word)
                {
                    if (start <= headPos && headPos <= end) { if (len > onHead.Len) onHead = (word, end, len); }
                    else if (len > other.Len) other = (word, end, len);
                }
                exact = exact && (_actors.IsPrefix(key[..keyLength]) || _sectors.IsPrefix(key[..keyLength]));
                skeletal = skeletal && _actors.IsSkeletonPrefix(skeleton[..skeletonLength]);
            }
        }
        // The word covering the head decides ("security personnel"); a modifier's sector counts when the head is a
        // name ("Spokesperson Ned Price"), a role without a sector ("police chief"), or unknown (roles, earlier text) —
        // not for any noun ("a press conference" is no medium).
        var chosen = onHead.Word is { Sector: null } && other.Word is { Sector: not null } ? other
            : onHead.Word is not null ? onHead
            : headPos < 0 || headIsName ? other : default;
        (a.Sector, a.SectorPos) = chosen.Word is null ? (null, -1) : (chosen.Word, chosen.Pos);
        return a;
    }

    /// <summary>Analysis of plain word lists (roles, names, earlier text), skeletons computed here.</summary>
    internal Analysis Analyze(IReadOnlyList<string> folded, IReadOnlyList<string> written, int headPos)
        => Analyze(folded, written, folded.Select(f => f.Length == 0 ? f : Entities.NameKeys.Skeleton(f)).ToList(), headPos);

    /// <summary>Appends " word" (or "word" first) to the buffer; false when the word is empty or the buffer full.</summary>
    private static bool Append(Span<char> buffer, ref int length, string word)
    {
        if (word.Length == 0 || length + word.Length + 1 > buffer.Length) return false;
        if (length > 0) buffer[length++] = ' ';
        word.AsSpan().CopyTo(buffer[length..]);
        length += word.Length;
        return true;
    }

    internal struct Analysis
    {
        public ActorEntry? Actor;
        public ActorEntry? Country;
        public SectorWord? Sector;
        /// <summary>Position (in the analysed words) of the sector phrase's last word.</summary>
        public int SectorPos;
    }

    /// <summary>The phrase's words for dictionary windows (determiners, pronouns and possessive 's left out), folded and as written.</summary>
    internal sealed class Words
    {
        public List<string> Folded { get; } = new(6);
        public List<string> Written { get; } = new(6);
        public List<string> Skeletons { get; } = new(6);
        public List<int> Tokens { get; } = new(6);
        public int HeadPos { get; private set; } = -1;

        public int TreeIndex(int pos) => pos >= 0 && pos < Tokens.Count ? Tokens[pos] : -1;

        public static Words Of(ActorContext context, DependencyTree tree, IEnumerable<int> tokens, int head)
        {
            var w = new Words();
            int first = tree.Count > 0 ? context.TokenAt(tree[0].Start) : -1;
            bool aligned = first >= 0 && context.Tokens[first].Start == tree[0].Start && first + tree.Count <= context.Tokens.Count;
            foreach (int i in tokens)
            {
                var t = tree[i];
                // A possessive 's stays, as a word no name contains: "New York's Times Square" is not "New York Times".
                if (t.Upos is "DET" or "PRON" or "PUNCT") continue;
                if (i == head) w.HeadPos = w.Folded.Count;
                w.Folded.Add(aligned ? context.Folded(first + i) : Entities.NameKeys.Exact(tree.TextOf(i)));
                w.Skeletons.Add(aligned ? context.Skeleton(first + i) : Entities.NameKeys.Skeleton(tree.TextOf(i)));
                w.Written.Add(tree.TextOf(i));
                w.Tokens.Add(i);
            }
            return w;
        }
    }
}
