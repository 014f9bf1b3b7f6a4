using Tidings.Language.Syntax;

namespace Tidings.Extract.Events;

/// <summary>
/// An event found in one sentence before its actors, date and place are coded: the predicate token, what it codes
/// to, the heads of its source and target phrases (token indices within the sentence), its flags, and the token
/// whose time and place expressions apply to it (the predicate, or the support verb of an event noun).
/// </summary>
public sealed class EventCandidate(int predicate, string cameo, PloverType? plover, string? mode, string? context)
{
    public int Predicate { get; } = predicate;
    public string Cameo { get; set; } = cameo;
    public PloverType? Plover { get; set; } = plover;
    public string? Mode { get; set; } = mode;
    public string? Context { get; set; } = context;
    public List<int> Sources { get; } = [];
    public List<int> Targets { get; } = [];

    /// <summary>
    /// Phrases that may name the target when <see cref="Targets"/> names no actor, best first: the recipient of the
    /// thing acted on ("provide aid for Romania"), what an object belongs to ("defended the right of Russia"), the
    /// one asked to act ("demanded that North Korea forsake…").
    /// </summary>
    public List<int> TargetFallbacks { get; } = [];
    public SortedSet<string> Flags { get; } = new(StringComparer.Ordinal);
    public List<int> Anchors { get; } = [];
    public double Confidence { get; set; } = 0.8;
    public bool IsNoun { get; init; }
    public bool Consumed { get; set; }

    /// <summary>An obligation ("China must drop barriers") that is an event only as someone's demand.</summary>
    public bool Provisional { get; set; }
}

/// <summary>
/// Finds event predicates on a sentence's dependency parse: verbs and event nouns from the lexicon (or, when the
/// user supplies PETRARCH verb patterns, those patterns), with their sources (subject, passive "by" agent, possessor,
/// the subject of a support verb) and targets (object, prepositional recipient), seen through coordination, control
/// ("plans to work with"), complements of intention, speech and demand, and passives; and PLOVER's flags for
/// negated, hypothetical, future, intended, reported and denied events.
/// </summary>
public sealed class EventFinder(EventLexicon lexicon, IVerbPatternCoder? userVerbs = null)
{
    // "for", "from" and "at" after a verb mostly give a cause, a source or a place ("condolences for lives lost"), not a recipient.
    private static readonly HashSet<string> TargetPrepositions = new(StringComparer.Ordinal)
        { "with", "to", "against", "on", "into", "upon", "toward", "towards" };
    private static readonly HashSet<string> NounTargetPrepositions = new(StringComparer.Ordinal)
        { "with", "to", "against", "on", "for", "into", "upon", "toward", "towards", "of" };
    private static readonly HashSet<string> Negators = new(StringComparer.OrdinalIgnoreCase) { "not", "n't", "never", "no" };
    private static readonly HashSet<string> FutureAux = new(StringComparer.OrdinalIgnoreCase) { "will", "shall", "'ll", "wo" };
    private static readonly HashSet<string> HypotheticalAux = new(StringComparer.OrdinalIgnoreCase) { "would", "could", "might", "may", "should", "can", "'d" };
    private static readonly HashSet<string> Conditional = new(StringComparer.OrdinalIgnoreCase) { "would", "'d" };
    private static readonly HashSet<string> Possibility = new(StringComparer.OrdinalIgnoreCase) { "may", "might", "could" };
    private static readonly HashSet<string> ObligationAux = new(StringComparer.OrdinalIgnoreCase) { "must", "should" };
    private static readonly HashSet<string> Deniers = new(StringComparer.Ordinal) { "deny", "refute" };
    private static readonly HashSet<string> Quantities = new(StringComparer.Ordinal)
        { "series", "wave", "spate", "string", "number", "round", "couple", "flurry", "campaign", "string", "host", "dozen", "new" };
    private static readonly HashSet<string> By = new(StringComparer.Ordinal) { "by" };
    private static readonly HashSet<string> From = new(StringComparer.Ordinal) { "from" };
    private static readonly HashSet<string> Instrumental = new(StringComparer.Ordinal) { "with", "through", "by", "via" };

    public EventLexicon Lexicon { get; } = lexicon;

    /// <summary>Event candidates of one sentence. <paramref name="upperWords"/>: the sentence's tokens upper-cased.</summary>
    public List<EventCandidate> Find(DependencyTree tree, IReadOnlyList<string> upperWords)
    {
        var roles = new LexiconEntry?[tree.Count];
        var patterns = new VerbPatternMatch?[tree.Count];
        for (int i = 0; i < tree.Count; i++)
        {
            if (userVerbs is not null && tree[i].Upos is "VERB" && userVerbs.Knows(upperWords[i]))
            {
                var matches = userVerbs.Match(tree, i, upperWords);
                if (matches.Count > 0 && matches[0].Cameo is { Length: > 0 } code && code != "---") patterns[i] = matches[0];
                continue;
            }
            if (userVerbs is not null && tree[i].Upos is "VERB") continue; // the user's patterns decide verbs
            roles[i] = Match(tree, i);
        }

        var events = new Dictionary<int, EventCandidate>();
        for (int i = 0; i < tree.Count; i++)
        {
            if (patterns[i] is { } m) events[i] = FromPattern(tree, i, m);
            else if (roles[i] is { Role: PredicateRole.Event } e) events[i] = FromEntry(tree, i, e);
            else if (userVerbs is null && tree[i].Upos == "VERB" && (HasAux(tree, i, ObligationAux) || HasHaveTo(tree, i)))
                events[i] = new EventCandidate(i, "", null, null, null) { Provisional = true };
        }

        foreach (var (i, ev) in events) FillArguments(tree, ev, roles, patterns[i]);
        ApplyGovernors(tree, events, roles);
        foreach (var ev in events.Values) AddFlags(tree, ev);
        foreach (var ev in events.Values)
        {
            AddTargetFallbacks(tree, ev);
            ResolveRelativePronouns(tree, ev.Sources, ev.Predicate);
            for (int k = 0; k < ev.Sources.Count; k++) ev.Sources[k] = ActorHead(tree, ev.Sources[k]);
            for (int k = 0; k < ev.Targets.Count; k++) ev.Targets[k] = ActorHead(tree, ev.Targets[k]);
            for (int k = 0; k < ev.TargetFallbacks.Count; k++) ev.TargetFallbacks[k] = ActorHead(tree, ev.TargetFallbacks[k]);
            ev.TargetFallbacks.RemoveAll(h => !CanNameActor(tree, h) || ev.Sources.Contains(h) || ev.Targets.Contains(h));
            ev.Sources.RemoveAll(h => !CanNameActor(tree, h));
            ev.Targets.RemoveAll(h => !CanNameActor(tree, h) || ev.Sources.Contains(h));
        }
        // An event noun nobody performs ("the threat of terrorism", "attacks on Pakistan") is a topic, not an event.
        // An event with neither source nor target says nothing about who did what to whom.
        return events.Values.Where(e => !e.Consumed && !e.Provisional && !(e.IsNoun && e.Sources.Count == 0) && e.Sources.Count + e.Targets.Count > 0)
            .OrderBy(e => e.Predicate).ToList();
    }

    /// <summary>The most specific lexicon entry whose frame the token's arguments satisfy.</summary>
    private LexiconEntry? Match(DependencyTree tree, int i)
    {
        char pos = tree[i].Upos switch { "VERB" => 'V', "NOUN" => 'N', "ADJ" => 'A', _ => '\0' };
        if (pos == '\0') return null;
        // "specially designated terrorists": a participle used as an adjective is not a predicate;
        // "Federal Bureau of Investigation": a noun inside a name is not an event.
        if (pos == 'V' && tree.Relation(i) == "amod") return null;
        if (pos == 'N' && tree[i].Ner is { Length: > 1 } ner && ner != "O") return null;
        IReadOnlyList<LexiconEntry> entries = [];
        foreach (var lemma in LemmaCandidates(tree[i].Lemma.ToLowerInvariant(), tree.TextOf(i).ToLowerInvariant(), pos))
            if ((entries = Lexicon.Lookup(lemma, pos)).Count > 0) break;
        foreach (var e in entries)
        {
            if (e.Particle is { } prt && !tree.Children(i).Any(c => tree.BaseRelation(c) is "compound" or "advmod" && Lower(tree, c) == prt)) continue;
            if (e.NeedsComplement && !tree.Children(i).Any(c => tree.Relation(c) is "xcomp" or "ccomp")) continue;
            if (e.Intransitive && tree.Children(i).Any(c => tree.Relation(c) == "obj")) continue;
            if (e.Prepositions is { } preps && PrepositionalChild(tree, i, preps) < 0) continue;
            if (e.Objects is { } objs && !ObjectLemmas(tree, i, pos).Any(objs.Contains)) continue;
            return e;
        }
        return null;
    }

    /// <summary>
    /// The tagger's lemma, then the word itself and its regular stems: the lemmatizer guesses wrong on rarer
    /// inflections ("shelled" → "shel", "extradited" → "extradit", "rioted" → "riote").
    /// </summary>
    internal static IEnumerable<string> LemmaCandidates(string lemma, string word, char pos)
    {
        yield return lemma;
        if (word != lemma) yield return word;
        if (pos == 'N')
        {
            if (word.EndsWith('s')) yield return word[..^1];
            yield break;
        }
        if (pos != 'V') yield break;
        if (word.EndsWith("ied", StringComparison.Ordinal)) yield return word[..^3] + "y";
        if (word.EndsWith("ed", StringComparison.Ordinal))
        {
            yield return word[..^2];
            yield return word[..^1];
            if (word.Length > 4 && word[^3] == word[^4]) yield return word[..^3];
        }
        if (word.EndsWith("ing", StringComparison.Ordinal))
        {
            yield return word[..^3];
            yield return word[..^3] + "e";
            if (word.Length > 5 && word[^4] == word[^5]) yield return word[..^4];
        }
        if (word.EndsWith("ies", StringComparison.Ordinal)) yield return word[..^3] + "y";
        if (word.EndsWith("es", StringComparison.Ordinal)) yield return word[..^2];
        if (word.EndsWith('s')) yield return word[..^1];
    }

    private static IEnumerable<string> ObjectLemmas(DependencyTree tree, int i, char pos)
    {
        if (pos == 'N')
            return tree.Children(i).Where(c => tree.BaseRelation(c) is "compound" or "amod" or "nmod").Select(c => Lemma(tree, c));
        // "labeled the TTP terrorists" parses as obj + xcomp, or obj + ccomp("designated terrorists"): look one level in.
        var heads = tree.Patients(i).Concat(tree.Children(i).Where(c => tree.Relation(c) is "xcomp" or "obj" or "iobj"))
            .Concat(tree.Children(i).Where(c => tree.Relation(c) is "xcomp" or "ccomp" or "parataxis").SelectMany(c => tree.Objects(c)));
        return heads.Select(c => Lemma(tree, c));
    }

    private static EventCandidate FromEntry(DependencyTree tree, int i, LexiconEntry e)
        => new(i, e.Cameo, e.Plover, e.Mode, e.Context)
        {
            IsNoun = e.Pos == 'N',
            Confidence = e.Pos == 'N' ? 0.6 : e.Specificity > 0 ? 0.9 : 0.75,
        };

    private static EventCandidate FromPattern(DependencyTree tree, int i, VerbPatternMatch m)
    {
        var row = CameoPloverTable.Default.Find(m.Cameo);
        var ev = new EventCandidate(i, m.Cameo, row?.Plover, row?.Mode, row?.Context) { Confidence = 0.9 };
        if (m.Source is { } s) ev.Sources.Add(s);
        if (m.Target is { } t) ev.Targets.Add(t);
        return ev;
    }

    private void FillArguments(DependencyTree tree, EventCandidate ev, LexiconEntry?[] roles, VerbPatternMatch? pattern)
    {
        int p = ev.Predicate;
        ev.Anchors.Add(p);
        if (ev.IsNoun) { FillNounArguments(tree, ev, roles); return; }
        if (ev.Sources.Count == 0)
        {
            ev.Sources.AddRange(tree.Agents(p));
            // "killing dozens" in "the group launched attacks, killing dozens": a participle shares its clause's subject.
            if (ev.Sources.Count == 0 && RecoverSubject(tree, p) is >= 0 and var recovered) ev.Sources.Add(recovered);
            for (int q = p, steps = 0; ev.Sources.Count == 0 && steps < 4 && tree.Relation(q) is "advcl" or "xcomp" or "conj" or "parataxis" && tree.Head(q) >= 0; steps++)
            {
                q = tree.Head(q);
                ev.Sources.AddRange(tree.Agents(q));
            }
        }
        if (ev.Targets.Count > 0 || pattern?.Target is not null) return;
        var entry = roles[p];
        if (entry?.Prepositions is { } preps && PrepositionalChild(tree, p, preps) is >= 0 and var prep) { ev.Targets.Add(prep); return; }
        var patients = tree.Patients(p).Where(t => IsActorLike(tree, t, roles)).ToList();
        if (patients.Count > 0) { ev.Targets.AddRange(patients); return; }
        var iobj = tree.IndirectObjects(p);
        if (iobj.Count > 0) { ev.Targets.AddRange(iobj); return; }
        if (PrepositionalChild(tree, p, TargetPrepositions) is >= 0 and var obl && IsActorLike(tree, obl, roles)) ev.Targets.Add(obl);
    }

    private static void FillNounArguments(DependencyTree tree, EventCandidate ev, LexiconEntry?[] roles)
    {
        int n = ev.Predicate;
        var poss = tree.Children(n).Where(c => tree.Relation(c) == "nmod:poss").ToList();
        if (poss.Count > 0) ev.Sources.AddRange(poss);
        else if (PrepositionalChild(tree, n, By) is >= 0 and var by) ev.Sources.Add(by);
        else if (tree.Children(n).FirstOrDefault(c => tree.Relation(c) == "amod" && IsDemonymLike(tree, c)) is var adj && adj > 0) ev.Sources.Add(adj);
        if (PrepositionalChild(tree, n, NounTargetPrepositions) is >= 0 and var t && IsActorLike(tree, t, roles)) ev.Targets.Add(t);
    }

    /// <summary>
    /// Relations between predicates: a support verb lends its subject to its object noun; an intention passes to
    /// its complement; a demand, offer, refusal or threat absorbs the action it is about; "X said Y must …" is a demand.
    /// </summary>
    private void ApplyGovernors(DependencyTree tree, Dictionary<int, EventCandidate> events, LexiconEntry?[] roles)
    {
        foreach (var ev in events.Values.OrderByDescending(e => Depth(tree, e.Predicate)))
        {
            int p = ev.Predicate;
            int h = tree.Head(p);
            if (h < 0) continue;
            // "launched a series of attacks": the event noun stands where its quantity noun stands.
            if (ev.IsNoun && tree.BaseRelation(p) == "nmod" && Quantities.Contains(Lemma(tree, h)) && tree.Head(h) >= 0) { p = h; h = tree.Head(h); }
            string rel = tree.Relation(p);
            bool isArgument = rel is "obj" or "xcomp" or "ccomp" or "nsubj:pass" || (ev.IsNoun && tree.BaseRelation(p) is "obl" or "nmod");
            var governor = roles[h];
            if (ev.IsNoun && (rel is "obj" or "nsubj:pass" || tree.BaseRelation(p) == "obl"))
            {
                // Object nouns of a governing event verb are that verb's content ("offered his condolences", "demanded the withdrawal").
                if (events.TryGetValue(h, out var verbEvent) && rel is "obj" or "nsubj:pass") { ev.Consumed = true; verbEvent.Targets.AddRange(ev.Targets.Where(t => !verbEvent.Targets.Contains(t))); continue; }
                if (governor?.Role == PredicateRole.Receive && rel == "obj") { Received(tree, ev, h); continue; }
                bool instrumental = tree.BaseRelation(p) == "obl" && tree.Children(p).Any(c => tree.Relation(c) == "case" && Instrumental.Contains(Lower(tree, c)));
                if (governor?.Role is PredicateRole.Light or PredicateRole.Intent && rel == "obj"
                    || governor is null && tree[h].Upos == "VERB" && (rel is "obj" or "nsubj:pass" || instrumental))
                    BorrowFrom(tree, ev, h);
                if (governor?.Role == PredicateRole.Intent) MakeIntended(tree, ev, h);
                continue;
            }
            // "issued a reminder to Iraq that it must cooperate": an obligation stated in a noun's clause.
            if (rel == "acl" && HasAux(tree, p, ObligationAux) && tree.Head(h) >= 0 && tree[tree.Head(h)].Upos == "VERB") { MakeDemand(tree, ev, tree.Head(h)); continue; }
            if (!isArgument && rel is not "advcl" and not "conj" and not "parataxis") continue;
            if (governor?.Role == PredicateRole.Intent && rel is "xcomp" or "ccomp" or "obj") { MakeIntended(tree, ev, h); continue; }
            if (governor?.Role == PredicateRole.Speech && rel == "ccomp")
            {
                ev.Flags.Add(EventFlags.Reported);
                if (HasAux(tree, p, ObligationAux) || HasHaveTo(tree, p)) MakeDemand(tree, ev, h);
                continue;
            }
            if (governor is not null && Deniers.Contains(governor.Lemma) && rel is "xcomp" or "ccomp" or "obj") { ev.Flags.Add(EventFlags.Denied); continue; }
            // A subjectless parataxis is a complement the parser split off ("labeled the TTP “specially designated terrorists”").
            bool complement = rel is "xcomp" or "ccomp" || rel == "parataxis" && tree.Subjects(p).Count == 0;
            if (events.TryGetValue(h, out var outer) && complement && outer.Plover is PloverType.AGREE or PloverType.REQUEST
                    or PloverType.REJECT or PloverType.THREATEN or PloverType.ACCUSE or PloverType.SANCTION)
            {
                // "offered to hand over X to Britain": one event, the offer, aimed at the complement's target.
                ev.Consumed = true;
                // "vowed to retaliate", "agreed to impose sanctions": a commitment to a hostile act is a threat.
                if (outer.Plover == PloverType.AGREE && ev.Plover is PloverType.ASSAULT or PloverType.COERCE or PloverType.SANCTION or PloverType.MOBILIZE)
                {
                    outer.Plover = PloverType.THREATEN;
                    outer.Cameo = ev.Plover == PloverType.SANCTION ? "131" : "138";
                    outer.Context ??= ev.Mode;
                    outer.Mode = null;
                }
                if (outer.Targets.Count == 0) outer.Targets.AddRange(ev.Targets.Count > 0 ? ev.Targets : ev.Sources.Where(s => !outer.Sources.Contains(s)));
            }
            else if (rel is "advcl" or "xcomp" && tree[p].Upos == "VERB" && !events.ContainsKey(h) && governor?.Role == PredicateRole.Light)
                BorrowFrom(tree, ev, h);
        }
    }

    private static readonly HashSet<string> PartitiveHeads = new(StringComparer.Ordinal)
    {
        "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores", "number", "some", "many", "most",
        "several", "member", "members", "group", "band", "team", "unit", "contingent", "delegation", "batch", "patch", "deployment", "all", "one", "two",
    };

    /// <summary>"dozens of security personnel", "members of the Movement": the actor is what the quantity counts.</summary>
    private static int ActorHead(DependencyTree tree, int head)
    {
        // "the al-Qaeda emir, Ayman al-Zawahiri": the named person is the actor, the role noun his title.
        if (tree[head].Upos == "NOUN" && tree.Children(head).FirstOrDefault(c => tree.Relation(c) == "appos" && tree[c].Upos == "PROPN") is var named && named > 0)
            return named;
        if (tree[head].Upos is not ("NUM" or "NOUN" or "PRON" or "ADJ") || !(tree[head].Upos == "NUM" || PartitiveHeads.Contains(Lemma(tree, head)) || PartitiveHeads.Contains(Lower(tree, head))))
            return head;
        foreach (int c in tree.Children(head))
            if (tree.BaseRelation(c) == "nmod" && tree.Children(c).Any(k => tree.Relation(k) == "case" && Lower(tree, k) == "of")) return c;
        return head;
    }

    private static readonly HashSet<string> RecipientCases = new(StringComparer.Ordinal)
        { "to", "with", "against", "on", "into", "for", "from", "at", "toward", "towards", "of", "over", "including" };

    private static void AddTargetFallbacks(DependencyTree tree, EventCandidate ev)
    {
        int p = tree.Predicate(ev.Predicate);
        var list = ev.TargetFallbacks;
        if (ev.IsNoun) { list.AddRange(CaseMarked(tree, p)); return; }
        list.AddRange(tree.IndirectObjects(p));
        list.AddRange(CaseMarked(tree, p));
        foreach (int obj in tree.Objects(p).Concat(ev.Targets).Concat(tree.Children(p).Where(c => tree.BaseRelation(c) == "obl")).Distinct())
        {
            list.AddRange(tree.Children(obj).Where(c => tree.Relation(c) == "nmod:poss"));
            foreach (int nmod in CaseMarked(tree, obj))
            {
                list.Add(nmod);
                list.AddRange(CaseMarked(tree, nmod)); // "our partners in the region, including Pakistan"
            }
        }
        foreach (int comp in tree.Children(p).Where(c => tree.Relation(c) is "ccomp" or "xcomp" or "advcl"))
        {
            list.AddRange(tree.Children(comp).Where(c => tree.BaseRelation(c) == "nsubj"));
            list.AddRange(tree.Objects(comp));
            list.AddRange(CaseMarked(tree, comp));
        }
    }

    /// <summary>Prepositional dependents of i that could name a recipient, in order.</summary>
    private static IEnumerable<int> CaseMarked(DependencyTree tree, int i)
        => tree.Children(i).Where(c => tree.BaseRelation(c) is "obl" or "nmod"
            && tree.Children(c).Any(k => tree.Relation(k) == "case" && RecipientCases.Contains(Lower(tree, k))));

    private static readonly HashSet<string> TimeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "on", "today", "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "last", "this", "week", "month", "year", "earlier", "later", "recently", "also", "has", "have", "had", "was", "were", "is",
        "will", "would", "again", "now", ",", "here", "late", "early", "in", "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    };

    /// <summary>
    /// "Albania on Friday denounced …", "Pakistan today threatened …": the parser often loses a subject separated
    /// from its verb by a time phrase. A finite verb with no subject takes the noun just before that phrase.
    /// </summary>
    private static int RecoverSubject(DependencyTree tree, int verb)
    {
        if (tree[verb].Upos != "VERB" || tree.Children(verb).Any(c => tree.BaseRelation(c) is "nsubj" or "csubj" or "expl")
            || tree.Relation(verb) is "xcomp" or "advcl" or "acl" or "amod" or "acl:relcl") return -1;
        int k = verb - 1;
        while (k >= 0 && (TimeWords.Contains(tree.TextOf(k)) || tree[k].Upos == "NUM")) k--;
        if (k < 0 || k == verb - 1 || tree[k].Upos is not ("PROPN" or "NOUN")) return -1;
        // Climb to the head of the name or noun phrase the word ends ("the Chilean government", "Pakistan").
        while (tree.Head(k) >= 0 && tree.Head(k) < verb && tree.BaseRelation(k) is "compound" or "flat" or "amod") k = tree.Head(k);
        return k;
    }

    /// <summary>"the programme that provides education": the relative pronoun stands for the noun the clause modifies.</summary>
    private static void ResolveRelativePronouns(DependencyTree tree, List<int> heads, int predicate)
    {
        for (int k = 0; k < heads.Count; k++)
        {
            if (Lemma(tree, heads[k]) is not ("that" or "which" or "who")) continue;
            for (int p = predicate, steps = 0; p >= 0 && steps < tree.Count; steps++, p = tree.Head(p))
                if (tree.Relation(p) == "acl:relcl" && tree.Head(p) >= 0) { heads[k] = tree.Head(p); break; }
        }
    }

    /// <summary>"Pakistan receives assistance from the programme": the giver is the source, the receiver the target.</summary>
    private static void Received(DependencyTree tree, EventCandidate ev, int verb)
    {
        if (ev.Sources.Count == 0 && PrepositionalChild(tree, verb, From) is >= 0 and var from) ev.Sources.Add(from);
        if (ev.Targets.Count == 0) ev.Targets.AddRange(tree.Agents(verb));
        ev.Anchors.Add(verb);
    }

    /// <summary>Heads that may name an actor: nouns, names, pronouns, numbers ("dozens"), and capitalised adjectives ("Pakistani").</summary>
    private static bool CanNameActor(DependencyTree tree, int i)
        => (tree[i].Upos is "NOUN" or "PROPN" or "PRON" or "NUM" or "X" || IsDemonymLike(tree, i)) && !Prepositions.Contains(Lower(tree, i))
            && !TimeWords.Contains(tree.TextOf(i));

    /// <summary>A sentence-initial "Amid" or "Despite" is sometimes tagged as a name; a preposition never names an actor.</summary>
    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "amid", "amidst", "despite", "after", "before", "during", "following", "since", "among", "amongst", "under", "over",
        "against", "about", "with", "without", "within", "through", "throughout", "upon", "via", "regarding", "concerning",
    };

    /// <summary>An event noun or participle borrows its support verb's subject and its time and place.</summary>
    private static void BorrowFrom(DependencyTree tree, EventCandidate ev, int verb)
    {
        if (ev.Sources.Count == 0) ev.Sources.AddRange(tree.Agents(verb));
        if (ev.Targets.Count == 0 && PrepositionalChild(tree, verb, TargetPrepositions) is >= 0 and var obl && !ev.Sources.Contains(obl)) ev.Targets.Add(obl);
        ev.Anchors.Add(verb);
        if (tree.Head(verb) >= 0 && tree.Relation(verb) is "xcomp" or "advcl") ev.Anchors.Add(tree.Head(verb));
        ev.Confidence = Math.Max(ev.Confidence, 0.75);
    }

    /// <summary>
    /// "plans to work with", "seek a partnership", "ready to help": an intention. As in CAMEO, an intended
    /// cooperative act is AGREE (express intent to cooperate) and an intended hostile act is THREATEN.
    /// </summary>
    private static void MakeIntended(DependencyTree tree, EventCandidate ev, int intentPredicate)
    {
        ev.Flags.Add(EventFlags.Intent);
        if (ev.Sources.Count == 0) ev.Sources.AddRange(tree.Agents(intentPredicate));
        ev.Anchors.Add(intentPredicate);
        ToIntention(ev);
    }

    private static void ToIntention(EventCandidate ev)
    {
        if (ev.Plover is not { } type) return;
        (PloverType, string)? recoded = type switch
        {
            PloverType.COOPERATE => (PloverType.AGREE, "031"),
            PloverType.AID => (PloverType.AGREE, "033"),
            PloverType.CONSULT => (PloverType.AGREE, "036"),
            PloverType.SUPPORT => (PloverType.AGREE, "032"),
            PloverType.CONCEDE or PloverType.RETREAT => (PloverType.AGREE, "035"),
            PloverType.ASSAULT or PloverType.COERCE or PloverType.MOBILIZE => (PloverType.THREATEN, "138"),
            PloverType.SANCTION => (PloverType.THREATEN, "131"),
            _ => null,
        };
        if (recoded is not { } r) return;
        ev.Context = ev.Context ?? ev.Mode;
        ev.Mode = null;
        ev.Plover = r.Item1;
        ev.Cameo = r.Item2;
    }

    /// <summary>"X said Y must return the helicopter": X's demand on Y.</summary>
    private static void MakeDemand(DependencyTree tree, EventCandidate ev, int speech)
    {
        var speakers = tree.Agents(speech);
        if (speakers.Count == 0) return;
        ev.Targets.Clear();
        ev.Targets.AddRange(ev.Sources);
        ev.Sources.Clear();
        ev.Sources.AddRange(speakers);
        ev.Context = ev.Context ?? ev.Mode;
        ev.Mode = null;
        ev.Plover = PloverType.REQUEST;
        ev.Cameo = "100";
        ev.Provisional = false;
        ev.Flags.Remove(EventFlags.Reported);
    }

    private static void AddFlags(DependencyTree tree, EventCandidate ev)
    {
        // An event noun takes its tense and mood from its support verb ("will extend the curfew").
        int p = tree.Predicate(ev.IsNoun && ev.Anchors.Count > 1 ? ev.Anchors[1] : ev.Predicate);
        var modifiers = tree.Children(p).Concat(tree.Head(ev.Predicate) is var h && h >= 0 && ev.IsNoun ? tree.Children(h) : []);
        if (modifiers.Any(c => Negators.Contains(tree.TextOf(c)) && tree.BaseRelation(c) is "advmod" or "det" or "neg" or "aux")) ev.Flags.Add(EventFlags.Negated);
        bool negated = ev.Flags.Contains(EventFlags.Negated);
        // "said it would allow", "will extend the curfew": a stated intention (CAMEO codes it as intent or threat).
        bool future = HasAux(tree, p, FutureAux) || tree.Children(p).Any(c => tree.BaseRelation(c) == "aux" && Lower(tree, c) == "going")
            || (ev.Flags.Contains(EventFlags.Reported) && HasAux(tree, p, Conditional));
        bool hypothetical = !future && (HasAux(tree, p, HypotheticalAux)
            || tree.Children(tree.ClauseOf(p)).Any(c => tree.Relation(c) == "mark" && Lower(tree, c) == "if"));
        if (future) ev.Flags.Add(EventFlags.Future);
        if (hypothetical) ev.Flags.Add(EventFlags.Hypothetical);
        if (negated && ev.Plover is { } type && CameoPloverTable.Quad(type) is QuadClass.VerbalCooperation or QuadClass.MaterialCooperation)
        {
            // "would not meet their demands", "did not allow": withheld cooperation is a rejection.
            ev.Context ??= ev.Mode;
            ev.Mode = null;
            ev.Plover = PloverType.REJECT;
            ev.Cameo = "120";
        }
        else if (!negated && (future || hypothetical && HasAux(tree, p, Possibility))) ToIntention(ev);
        if (ev.Flags.Contains(EventFlags.Negated)) ev.Confidence *= 0.9;
        if (ev.Sources.Count == 0) ev.Confidence *= 0.8;
        if (ev.Targets.Count == 0) ev.Confidence *= 0.9;
    }

    private static bool HasAux(DependencyTree tree, int p, HashSet<string> words)
        => tree.Children(p).Any(c => tree.BaseRelation(c) == "aux" && words.Contains(tree.TextOf(c)));

    /// <summary>"has to", "need to": obligation without a modal.</summary>
    private static bool HasHaveTo(DependencyTree tree, int p)
        => tree.Relation(p) == "xcomp" && tree.Head(p) >= 0 && Lemma(tree, tree.Head(p)) is "have" or "need";

    /// <summary>A child of i introduced by one of the prepositions (obl, nmod, advcl with a case marker), or -1.</summary>
    private static int PrepositionalChild(DependencyTree tree, int i, IReadOnlySet<string> prepositions)
    {
        foreach (int c in tree.Children(i))
        {
            if (tree.BaseRelation(c) is not ("obl" or "nmod")) continue;
            if (tree.Children(c).Any(k => tree.Relation(k) == "case" && prepositions.Contains(Lower(tree, k)))) return c;
        }
        return -1;
    }

    /// <summary>Could this phrase name an actor? Not an event noun, a clause, a number or a time word.</summary>
    private static bool IsActorLike(DependencyTree tree, int i, LexiconEntry?[] roles)
    {
        var t = tree[i];
        if (t.Upos is "PROPN" or "PRON") return true;
        if (t.Upos is not ("NOUN" or "ADJ" or "X")) return false;
        if (roles[i] is not null) return false;
        return !t.Ner.EndsWith("DATE", StringComparison.Ordinal);
    }

    private static bool IsDemonymLike(DependencyTree tree, int i)
        => tree[i].Upos == "ADJ" && tree.TextOf(i) is { Length: > 2 } w && char.IsUpper(w[0]);

    private static int Depth(DependencyTree tree, int i)
    {
        int d = 0;
        for (int k = i; k >= 0 && d <= tree.Count; k = tree.Head(k)) d++;
        return d;
    }

    private static string Lemma(DependencyTree tree, int i) => tree[i].Lemma.ToLowerInvariant();

    private static string Lower(DependencyTree tree, int i) => tree.TextOf(i).ToLowerInvariant();
}
