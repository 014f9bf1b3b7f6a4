using Tidings.Documents;
using Tidings.Extract.Entities;
using Tidings.Extract.Places;
using Tidings.Language;
using Tidings.Language.Syntax;

namespace Tidings.Extract.Events;

/// <summary>
/// What an actor coder may consult about the article an actor appears in: its text and layers (tokens, sentences,
/// entities and their global ids, places, demonyms), indexed once per article on first use, plus per-article
/// caches (folded words, other sentences' trees, each entity's coding). One context per article and thread.
/// </summary>
public sealed class ActorContext(Article article, IReadOnlyList<DependencyTree>? trees = null)
{
    public Article Article { get; } = article;

    private bool _indexed;
    private IReadOnlyList<Token> _tokens = [];
    private IReadOnlyList<Sentence> _sentences = [];
    private IReadOnlyList<ArticleEntity> _entities = [];
    private (int Start, int End, int Entity)[] _mentions = [];
    private IReadOnlyList<EntityRef> _refs = [];
    private IReadOnlyList<PlaceMention> _places = [];
    private IReadOnlyList<DemonymMention> _demonyms = [];
    private string?[] _folded = [];
    private DependencyTree?[] _trees = [];
    private string? _mainCountry;
    private bool _mainCountryKnown;

    /// <summary>Each entity's coding, once computed (entities are coded from all their mentions).</summary>
    internal Dictionary<int, EntityCoding> EntityCodings { get; } = [];
    /// <summary>Entities being coded right now (a person coded through a counterpart coded through the person).</summary>
    internal HashSet<int> EntitiesInProgress { get; } = [];

    internal string Text => Article.Text;
    internal IReadOnlyList<Token> Tokens { get { Index(); return _tokens; } }
    internal IReadOnlyList<Sentence> Sentences { get { Index(); return _sentences; } }
    internal IReadOnlyList<ArticleEntity> Entities { get { Index(); return _entities; } }
    internal IReadOnlyList<PlaceMention> Places { get { Index(); return _places; } }
    internal IReadOnlyList<DemonymMention> Demonyms { get { Index(); return _demonyms; } }

    private void Index()
    {
        if (_indexed) return;
        _indexed = true;
        var layers = Article.Layers;
        _tokens = layers.Get<Token>(LanguageStage.Tokens) ?? [];
        _sentences = layers.Get<Sentence>(LanguageStage.Sentences) ?? [];
        _entities = layers.Get<ArticleEntity>(EntityStage.Layer) ?? [];
        _mentions = _entities.SelectMany(e => e.Mentions.Select(m => (m.Start, m.End, e.Index))).OrderBy(m => m.Start).ToArray();
        _refs = layers.Get<EntityRef>(EntityLinker.RefsLayer) ?? [];
        _places = (layers.Get<PlaceMention>(PlaceStage.Layer) ?? []).OrderBy(p => p.Start).ToList();
        _demonyms = layers.Get<DemonymMention>(PlaceStage.DemonymLayer) ?? [];
        _folded = new string?[_tokens.Count];
        _trees = new DependencyTree?[_sentences.Count];
        if (trees is not null && trees.Count == _sentences.Count)
            for (int i = 0; i < _trees.Length; i++) _trees[i] = trees[i];
    }

    /// <summary>Index of the article token starting at <paramref name="start"/> (or the last one before it); -1 when none.</summary>
    internal int TokenAt(int start)
    {
        var tokens = Tokens;
        int lo = 0, hi = tokens.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].Start <= start) lo = mid + 1; else hi = mid - 1;
        }
        return hi;
    }

    /// <summary>The folded form (<see cref="NameKeys.Exact"/>) of article token i, computed once.</summary>
    internal string Folded(int i)
    {
        Index();
        return _folded[i] ??= NameKeys.Exact(_tokens[i].TextIn(Text));
    }

    internal string Written(int i) => Tokens[i].TextIn(Text);

    /// <summary>Index of the sentence containing the character offset; -1 when none.</summary>
    internal int SentenceAt(int offset)
    {
        var sentences = Sentences;
        int lo = 0, hi = sentences.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sentences[mid].Start <= offset) lo = mid + 1; else hi = mid - 1;
        }
        return hi >= 0 && offset < sentences[hi].End ? hi : -1;
    }

    /// <summary>The dependency tree of sentence s, built once (or the one the caller supplied).</summary>
    internal DependencyTree Tree(int s)
    {
        Index();
        return _trees[s] ??= new DependencyTree(Text, _tokens, _sentences[s]);
    }

    /// <summary>The entity one of whose mentions overlaps [start, end), with that mention; (-1, default) when none.</summary>
    internal (int Entity, int MentionStart, int MentionEnd) EntityAt(int start, int end)
    {
        Index();
        int lo = 0, hi = _mentions.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_mentions[mid].Start < end) lo = mid + 1; else hi = mid - 1;
        }
        for (int k = hi; k >= 0 && k >= hi - 3; k--)
            if (_mentions[k].End > start) return (_mentions[k].Entity, _mentions[k].Start, _mentions[k].End);
        return (-1, 0, 0);
    }

    /// <summary>The nearest entity mention ending before <paramref name="before"/> whose entity passes the test.</summary>
    internal (int Entity, int MentionStart, int MentionEnd) EntityBefore(int before, Func<ArticleEntity, bool> fits)
    {
        Index();
        int lo = 0, hi = _mentions.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_mentions[mid].Start < before) lo = mid + 1; else hi = mid - 1;
        }
        for (int k = hi; k >= 0; k--)
            if (_mentions[k].End <= before && fits(_entities[_mentions[k].Entity])) return (_mentions[k].Entity, _mentions[k].Start, _mentions[k].End);
        return (-1, 0, 0);
    }

    /// <summary>The global entity (id, canonical name) of the mention at [start, end), when the article was linked.</summary>
    internal EntityRef? RefAt(int start, int end)
    {
        Index();
        foreach (var r in _refs)
        {
            if (r.Start >= end) break;
            if (r.End > start) return r;
        }
        return null;
    }

    internal PlaceMention? PlaceAt(int start, int end)
    {
        foreach (var p in Places)
        {
            if (p.Start >= end) break;
            if (p.End > start) return p;
        }
        return null;
    }

    internal DemonymMention? DemonymWithin(int start, int end)
    {
        foreach (var d in Demonyms)
            if (d.Start >= start && d.End <= end) return d;
        return null;
    }

    /// <summary>The one country (ISO2) of the places the sentence locates something in ("in the town of Bannu"); null when none or several.</summary>
    internal string? SentenceCountry(int offset)
    {
        int s = SentenceAt(offset);
        if (s < 0) return null;
        string? country = null;
        foreach (var p in Places)
        {
            if (p.End <= _sentences[s].Start) continue;
            if (p.Start >= _sentences[s].End) break;
            if (p.Metonymy || p.Country.Length == 0 || IsLocative(p) || !AfterLocativeWord(p.Start)) continue;
            if (country is not null && country != p.Country) return null;
            country = p.Country;
        }
        return country;
    }

    private static readonly HashSet<string> LocativeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "at", "near", "inside", "across", "outside", "around", "throughout", "into", "within",
    };

    /// <summary>Whether one of the three words before a place is a locative preposition ("in the town of Bannu").</summary>
    private bool AfterLocativeWord(int start)
    {
        int t = TokenAt(start - 1);
        for (int k = t; k >= 0 && k > t - 3; k--)
            if (LocativeWords.Contains(Written(k))) return true;
        return false;
    }

    /// <summary>"Afghanistan-based": where, not who.</summary>
    private bool IsLocative(PlaceMention p)
        => Text.AsSpan(p.End).StartsWith("-based", StringComparison.OrdinalIgnoreCase) || Text.AsSpan(p.End).StartsWith(" based", StringComparison.OrdinalIgnoreCase);

    private bool InDateline(PlaceMention p) => Article.Dateline is { } d && p.Start >= d.Start && p.End <= d.End;

    /// <summary>
    /// The country most named (places, governments named by their capital, demonyms) in the sentence around the
    /// offset and the two before it; a tie goes to the one named last before the offset. Null when none.
    /// </summary>
    internal string? NearbyCountry(int offset)
    {
        int s = SentenceAt(offset);
        if (s < 0) return null;
        int from = Sentences[Math.Max(0, s - 2)].Start, to = Sentences[s].End;
        var counts = new Dictionary<string, (int Count, int Last)>(StringComparer.Ordinal);
        void Count(string country, int start)
        {
            if (country.Length == 0 || start < from || start >= to) return;
            var (n, last) = counts.GetValueOrDefault(country, (0, -1));
            counts[country] = (n + 1, start < offset ? Math.Max(last, start) : last);
        }
        foreach (var p in Places) if (!IsLocative(p) && !InDateline(p)) Count(p.Country, p.Start);
        foreach (var d in Demonyms) Count(d.Country, d.Start);
        return counts.Count == 0 ? null : counts.OrderByDescending(c => c.Value.Count).ThenByDescending(c => c.Value.Last).First().Key;
    }

    /// <summary>
    /// The country the article is about (ISO2): the most mentioned in places and demonyms, when it is clear — at
    /// least two mentions and half again as many as the runner-up; null otherwise.
    /// </summary>
    internal string? MainCountry
    {
        get
        {
            if (_mainCountryKnown) return _mainCountry;
            _mainCountryKnown = true;
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var p in Places) if (p.Country.Length > 0 && !IsLocative(p) && !InDateline(p)) counts[p.Country] = counts.GetValueOrDefault(p.Country) + 1;
            foreach (var d in Demonyms) counts[d.Country] = counts.GetValueOrDefault(d.Country) + 1;
            var ranked = counts.OrderByDescending(c => c.Value).Take(2).ToList();
            if (ranked.Count > 0 && ranked[0].Value >= 2 && (ranked.Count == 1 || ranked[0].Value * 2 >= ranked[1].Value * 3))
                _mainCountry = ranked[0].Key;
            return _mainCountry;
        }
    }

    /// <summary>The nearest country named (as a place) before the offset, ISO2; null when none.</summary>
    internal string? CountryBefore(int offset)
    {
        string? found = null;
        foreach (var p in Places)
        {
            if (p.End > offset) break;
            if (p.FeatureCode == "PCLI") found = p.Country;
        }
        return found;
    }
}

/// <summary>How an entity of the article codes: its dictionary entry (an organisation), or its country and sector
/// gathered from its titles, roles and affiliations.</summary>
internal sealed record EntityCoding(ActorEntry? Entry, string? Country, string? Sector);
