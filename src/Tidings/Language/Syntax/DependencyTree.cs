namespace Tidings.Language.Syntax;

/// <summary>
/// The dependency tree of one analysed sentence, for extractors: heads, children, relations, subtree spans,
/// clauses, and the arguments of a predicate (subject, object, complement) seen through coordination,
/// passive voice and copulas, and the titles or appositives of a name. Indices are 0-based within the
/// sentence; -1 means none (the root's head).
/// </summary>
public sealed class DependencyTree
{
    private static readonly HashSet<string> ClauseRelations = new(StringComparer.Ordinal)
    {
        "root", "ccomp", "xcomp", "advcl", "advcl:relcl", "acl", "acl:relcl", "csubj", "csubj:pass", "csubj:outer", "parataxis",
    };

    private readonly string _text;
    private readonly Token[] _tokens;
    private readonly List<int>[] _children;

    public DependencyTree(string text, IReadOnlyList<Token> tokens, Sentence sentence)
    {
        _text = text;
        _tokens = new Token[sentence.TokenCount];
        for (int i = 0; i < _tokens.Length; i++) _tokens[i] = tokens[sentence.FirstToken + i];
        _children = new List<int>[_tokens.Length];
        for (int i = 0; i < _tokens.Length; i++) _children[i] = new List<int>();
        for (int i = 0; i < _tokens.Length; i++)
        {
            int h = Head(i);
            if (h >= 0) _children[h].Add(i);
            else if (Root < 0) Root = i;
        }
    }

    /// <summary>Trees of every sentence of an analysed text.</summary>
    public static IEnumerable<DependencyTree> Of(AnalyzedText analyzed)
        => analyzed.Sentences.Select(s => new DependencyTree(analyzed.Text, analyzed.Tokens, s));

    public int Count => _tokens.Length;
    public int Root { get; } = -1;
    public Token this[int i] => _tokens[i];
    public string TextOf(int i) => _tokens[i].TextIn(_text);

    /// <summary>Head of token i within the sentence, -1 for the root (and for unparsed tokens).</summary>
    public int Head(int i) => _tokens[i].Head > 0 ? _tokens[i].Head - 1 : -1;

    public string Relation(int i) => _tokens[i].Deprel;

    /// <summary>The relation without its subtype ("nsubj:pass" → "nsubj").</summary>
    public string BaseRelation(int i)
    {
        string r = _tokens[i].Deprel;
        int colon = r.IndexOf(':');
        return colon < 0 ? r : r[..colon];
    }

    public IReadOnlyList<int> Children(int i) => _children[i];

    /// <summary>Children of i whose relation is one of relations (full relation names).</summary>
    public IEnumerable<int> Children(int i, params string[] relations) => _children[i].Where(c => relations.Contains(Relation(c)));

    /// <summary>The first and last token of the subtree of i (projective trees: every token between belongs to it).</summary>
    public (int First, int Last) Subtree(int i)
    {
        int first = i, last = i;
        foreach (int c in _children[i])
        {
            var (f, l) = Subtree(c);
            first = Math.Min(first, f);
            last = Math.Max(last, l);
        }
        return (first, last);
    }

    /// <summary>Character span [Start, End) of the subtree of i.</summary>
    public TextSpan SubtreeSpan(int i)
    {
        var (first, last) = Subtree(i);
        return new TextSpan(_tokens[first].Start, _tokens[last].End);
    }

    public string SubtreeText(int i)
    {
        var span = SubtreeSpan(i);
        return _text[span.Start..span.End];
    }

    /// <summary>True when ancestor is i or one of its ancestors.</summary>
    public bool Dominates(int ancestor, int i)
    {
        for (int steps = 0; i >= 0 && steps <= Count; steps++, i = Head(i)) if (i == ancestor) return true;
        return false;
    }

    /// <summary>
    /// The predicate a token belongs to: a copula or auxiliary stands for its head ("was" in "was unable" is
    /// the predicate "unable").
    /// </summary>
    public int Predicate(int i) => BaseRelation(i) is "cop" or "aux" && Head(i) >= 0 ? Head(i) : i;

    /// <summary>Head of the clause containing token i: the nearest ancestor (or i) heading a clause.</summary>
    public int ClauseOf(int i)
    {
        for (int steps = 0; i >= 0 && steps <= Count; steps++)
        {
            if (IsClauseHead(i)) return i;
            i = Head(i);
        }
        return Root;
    }

    private bool IsClauseHead(int i)
        => ClauseRelations.Contains(Relation(i)) || _children[i].Any(c => BaseRelation(c) is "nsubj" or "csubj")
            || (Relation(i) == "conj" && Head(i) >= 0 && IsClauseHead(Head(i)) && _tokens[i].Upos is "VERB" or "AUX");

    public bool IsPassive(int predicate)
    {
        int p = Predicate(predicate);
        return _children[p].Any(c => Relation(c) is "aux:pass" or "nsubj:pass" or "csubj:pass");
    }

    /// <summary>
    /// Syntactic subjects of a predicate, with their conjuncts ("Ali and Sara left"). A conjoined predicate
    /// without its own subject shares its first conjunct's ("He came and saw"); an open complement takes the
    /// controller ("They tried to leave": they).
    /// </summary>
    public IReadOnlyList<int> Subjects(int predicate)
    {
        int p = Predicate(predicate);
        for (int steps = 0; steps <= Count; steps++)
        {
            var own = _children[p].Where(c => BaseRelation(c) is "nsubj" or "csubj").ToList();
            if (own.Count > 0) return WithConjuncts(own);
            int h = Head(p);
            if (h < 0) break;
            if (Relation(p) == "conj") { p = h; continue; }
            if (Relation(p) == "xcomp")
            {
                var controller = _children[h].Where(c => BaseRelation(c) is "obj" or "iobj").ToList();
                if (controller.Count > 0) return WithConjuncts(controller);
                p = h;
                continue;
            }
            if (Relation(p) is "acl:relcl" or "acl") return [h];
            break;
        }
        return [];
    }

    /// <summary>Direct objects of a predicate with their conjuncts; a conjoined predicate shares its first conjunct's when it has none.</summary>
    public IReadOnlyList<int> Objects(int predicate) => Arguments(predicate, "obj");

    public IReadOnlyList<int> IndirectObjects(int predicate) => Arguments(predicate, "iobj");

    /// <summary>Clausal complements (ccomp, xcomp) of a predicate.</summary>
    public IReadOnlyList<int> Complements(int predicate)
        => _children[Predicate(predicate)].Where(c => Relation(c) is "ccomp" or "xcomp").ToList();

    /// <summary>The doer: the subject of an active predicate, the "by" phrase of a passive one (`was killed by militants`).</summary>
    public IReadOnlyList<int> Agents(int predicate)
    {
        if (!IsPassive(predicate)) return Subjects(predicate);
        return WithConjuncts(_children[Predicate(predicate)].Where(c => Relation(c) == "obl:agent").ToList());
    }

    /// <summary>The one acted upon: the object of an active predicate, the subject of a passive one.</summary>
    public IReadOnlyList<int> Patients(int predicate) => IsPassive(predicate) ? Subjects(predicate) : Objects(predicate);

    private IReadOnlyList<int> Arguments(int predicate, string relation)
    {
        int p = Predicate(predicate);
        for (int steps = 0; steps <= Count; steps++)
        {
            var own = _children[p].Where(c => Relation(c) == relation).ToList();
            if (own.Count > 0) return WithConjuncts(own);
            if (Relation(p) != "conj" || Head(p) < 0) break;
            // "seized and held the centre": the object after the last conjunct belongs to all; only borrow when
            // this predicate has no object of its own.
            p = Head(p);
        }
        return [];
    }

    private List<int> WithConjuncts(List<int> heads)
    {
        var all = new List<int>(heads);
        for (int k = 0; k < all.Count; k++) all.AddRange(_children[all[k]].Where(c => Relation(c) == "conj" && !all.Contains(c)));
        return all;
    }

    /// <summary>The tokens of a name headed by i: i and its flat children, in order.</summary>
    public IReadOnlyList<int> Name(int i)
        => _children[i].Where(c => BaseRelation(c) == "flat").Append(i).Order().ToList();

    /// <summary>
    /// Titles and appositives of a name: nouns modifying it from the left ("Spokesperson Ned Price",
    /// "the department's Spokesperson Ned price" — whatever relation the parser chose, but not a possessor
    /// marked by 's), appositives ("Ned Price, the spokesperson"), and the noun it is in apposition to
    /// ("the spokesperson, Ned Price").
    /// </summary>
    public IReadOnlyList<int> Titles(int name)
    {
        var tokens = Name(name);
        int first = tokens[0];
        var titles = new List<int>();
        foreach (int part in tokens)
            titles.AddRange(_children[part].Where(c => Relation(c) == "appos" || (c < first && IsTitleModifier(c))));
        if (Relation(name) == "appos" && Head(name) >= 0) titles.Add(Head(name));
        titles.Sort();
        return titles;
    }

    private bool IsTitleModifier(int i)
        => _tokens[i].Upos is "NOUN" or "PROPN" && BaseRelation(i) is "compound" or "nmod" or "amod" or "flat"
            && !_children[i].Any(c => Relation(c) == "case");

    /// <summary>
    /// A parenthetical clause: a parataxis set off by punctuation on both sides ("The Taliban, he said, was …").
    /// </summary>
    public bool IsParenthetical(int i)
    {
        if (Relation(i) != "parataxis") return false;
        var (first, last) = Subtree(i);
        bool before = first > 0 && _tokens[first - 1].Upos == "PUNCT" || _children[i].Any(c => c < i && Relation(c) == "punct");
        bool after = last + 1 < Count && _tokens[last + 1].Upos == "PUNCT" || _children[i].Any(c => c > i && Relation(c) == "punct");
        return before && after;
    }
}
