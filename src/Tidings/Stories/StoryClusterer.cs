using System.Security.Cryptography;
using System.Text;

namespace Tidings.Stories;

/// <summary>Where one article went: its story (a serial, resolved through merges by the clusterer) and the earliest version it copies.</summary>
public sealed record StoryAssignment(string ArticleId, int StorySerial, string? CopyOf, double CopySimilarity, double Probability);

/// <summary>
/// Streaming, incremental same-story clustering. Articles arrive in publication order; each is compared with the
/// active stories an inverted index proposes (never with all stories), and joins the most probable one when the
/// learned model says so, or starts a new story. A copy (exact or near-duplicate) joins its original's story.
/// After a join, stories the article also matched are merged when the model judges them one. Stories whose last
/// report is older than the window are frozen: dropped from the index and from memory.
/// The result depends only on the input order: re-running gives the same stories.
/// </summary>
public sealed class StoryClusterer
{
    private const int QueryTerms = 12;
    private const int MaxCandidates = 25;
    private const int RecentMembers = 8;

    internal sealed class Story(int serial, string id)
    {
        public int Serial { get; } = serial;
        public string Id { get; } = id;
        public Centroid Body { get; } = new();
        public Centroid Headline { get; } = new();
        public List<SparseVector> Recent { get; } = [];
        public Dictionary<ulong, int> Names { get; } = new();
        public HashSet<ulong> Places { get; } = [];
        public HashSet<ulong> MentionedDates { get; } = [];
        public HashSet<ulong> Indexed { get; } = [];
        public List<string> Members { get; } = [];
        public DateTimeOffset? First { get; set; }
        public DateTimeOffset? Last { get; set; }
        public int Count { get; set; }
    }

    /// <summary>An article ready for comparison: its profile and TF-IDF vectors under the statistics of the moment.</summary>
    public sealed record Prepared(ArticleProfile Profile, SparseVector Body, SparseVector Headline, ulong[] QueryTerms);

    private readonly StoryModel _model;
    private readonly TermStatistics _stats;
    private readonly NearDuplicateIndex _copies;
    private readonly TimeSpan _window;
    private readonly bool _useDates;
    private readonly Dictionary<int, Story> _active = new();
    private readonly Dictionary<ulong, List<int>> _postings = new();
    private readonly Dictionary<string, int> _articleStory = new(StringComparer.Ordinal);
    private readonly List<int> _parent = [];
    // One 64-bit key per story ever created (8 bytes; formatted as the 16-hex-digit id on demand), so that
    // assignments of frozen stories still resolve: the only per-story state kept after freezing, with _parent.
    private readonly List<ulong> _ids = [];
    private DateTimeOffset? _now;
    private int _sinceSweep, _frozenSinceCompaction;

    public StoryClusterer(StoryModel? model = null, TermStatistics? stats = null, bool useDates = true)
    {
        _model = model ?? StoryModel.Default;
        _stats = stats ?? TermStatistics.CreateDefault();
        _window = TimeSpan.FromDays(_model.WindowDays);
        _copies = new NearDuplicateIndex(_window);
        _useDates = useDates;
    }

    public StoryModel Model => _model;
    public int ActiveStories => _active.Count;
    public int StoriesCreated => _ids.Count;
    public int FrozenStories { get; private set; }
    public int Merges { get; private set; }

    /// <summary>Clusters one article (call in publication order; undated articles last).</summary>
    public StoryAssignment Add(ArticleProfile profile)
    {
        var p = Prepare(profile);
        var (copyOf, copySim) = _copies.Add(profile.Id, profile.ContentHash, profile.Signature, _useDates ? profile.Published : null, profile.Shingles);
        if (copyOf is not null && _articleStory.TryGetValue(copyOf, out int original) && _active.ContainsKey(Resolve(original)))
        {
            int s = Resolve(original);
            Join(_active[s], p);
            return new StoryAssignment(profile.Id, s, copyOf, copySim, 1.0);
        }
        var scored = Score(p);
        var best = scored.Count > 0 ? scored[0] : default;
        if (scored.Count > 0 && best.Probability >= _model.Threshold)
        {
            var story = _active[best.Serial];
            Join(story, p);
            int survivor = MergeAround(story, scored);
            return new StoryAssignment(profile.Id, survivor, copyOf, copySim, best.Probability);
        }
        var created = Create(p);
        return new StoryAssignment(profile.Id, created, copyOf, copySim, scored.Count > 0 ? best.Probability : 0);
    }

    /// <summary>The story id of a serial, following merges.</summary>
    public string StoryId(int serial) => _ids[Resolve(serial)].ToString("x16");

    public int Resolve(int serial)
    {
        while (_parent[serial] != serial)
        {
            _parent[serial] = _parent[_parent[serial]];
            serial = _parent[serial];
        }
        return serial;
    }

    public Prepared Prepare(ArticleProfile profile)
    {
        if (profile.Published is { } when && _useDates && (_now is null || when > _now)) _now = when;
        _stats.Add(profile.Terms);
        var weights = new float[profile.Terms.Length];
        for (int i = 0; i < weights.Length; i++)
            weights[i] = (1 + MathF.Log(profile.TermCounts[i])) * _stats.Idf(profile.Terms[i]);
        var body = SparseVector.Normalize(profile.Terms, weights);
        var head = SparseVector.Normalize(profile.HeadlineTerms, profile.HeadlineTerms.Select(_stats.Idf).ToArray());
        var order = Enumerable.Range(0, weights.Length).OrderByDescending(i => weights[i]).ThenBy(i => profile.Terms[i]).Take(QueryTerms);
        var query = order.Select(i => profile.Terms[i]).ToArray();
        if (++_sinceSweep >= 512) Sweep();
        return new Prepared(profile, body, head, query);
    }

    /// <summary>Candidate stories with their feature vectors and probabilities, most probable first.</summary>
    public List<(int Serial, double Probability, double[] Features)> Score(Prepared p)
    {
        var hits = new Dictionary<int, int>();
        foreach (var t in p.QueryTerms)
        {
            if (!_postings.TryGetValue(t, out var list)) continue;
            foreach (var s in list)
                if (_active.ContainsKey(s)) hits[s] = hits.GetValueOrDefault(s) + 1;
        }
        var candidates = hits.OrderByDescending(kv => kv.Value).ThenByDescending(kv => kv.Key).Take(MaxCandidates);
        var scored = new List<(int Serial, double Probability, double[] Features)>();
        foreach (var (serial, _) in candidates)
        {
            var f = Features(p, _active[serial]);
            scored.Add((serial, _model.Probability(f), f));
        }
        scored.Sort((a, b) => b.Probability != a.Probability ? b.Probability.CompareTo(a.Probability) : a.Serial.CompareTo(b.Serial));
        return scored;
    }

    internal double[] Features(Prepared p, Story s)
    {
        double cosMax = 0;
        foreach (var m in s.Recent) cosMax = Math.Max(cosMax, p.Body.Dot(m));
        int shared = 0;
        foreach (var n in p.Profile.Names) if (s.Names.ContainsKey(n)) shared++;
        int places = 0;
        foreach (var n in p.Profile.Places) if (s.Places.Contains(n)) places++;
        int dates = 0;
        foreach (var n in p.Profile.MentionedDates) if (s.MentionedDates.Contains(n)) dates++;
        return StoryFeatures.Compute(s.Body.Cosine(p.Body), cosMax, s.Headline.Cosine(p.Headline),
            p.Profile.Names.Length, shared, places, dates,
            _useDates ? p.Profile.Published : null, _useDates ? s.First : null, _useDates ? s.Last : null);
    }

    /// <summary>Starts a new story with this article (also used by training to follow the gold clustering).</summary>
    public int Create(Prepared p)
    {
        int serial = _ids.Count;
        _ids.Add(StableKey(p.Profile.Id));
        _parent.Add(serial);
        var story = new Story(serial, StoryId(serial));
        _active[serial] = story;
        Join(story, p);
        return serial;
    }

    public void Join(int serial, Prepared p) => Join(_active[Resolve(serial)], p);

    /// <summary>The features of an article against one story (training looks at the gold story even when the index missed it).</summary>
    public double[] FeaturesFor(Prepared p, int serial) => Features(p, _active[Resolve(serial)]);

    public bool IsActive(int serial) => _active.ContainsKey(Resolve(serial));

    private void Join(Story s, Prepared p)
    {
        s.Body.Add(p.Body);
        s.Headline.Add(p.Headline);
        s.Recent.Add(p.Body);
        if (s.Recent.Count > RecentMembers) s.Recent.RemoveAt(0);
        foreach (var n in p.Profile.Names) s.Names[n] = s.Names.GetValueOrDefault(n) + 1;
        s.Places.UnionWith(p.Profile.Places);
        s.MentionedDates.UnionWith(p.Profile.MentionedDates);
        s.Members.Add(p.Profile.Id);
        s.Count++;
        _articleStory[p.Profile.Id] = s.Serial;
        if (_useDates && p.Profile.Published is { } when)
        {
            if (s.First is null || when < s.First) s.First = when;
            if (s.Last is null || when > s.Last) s.Last = when;
        }
        foreach (var t in p.QueryTerms) Index(s, t);
    }

    private void Index(Story s, ulong term)
    {
        if (!s.Indexed.Add(term)) return;
        if (!_postings.TryGetValue(term, out var list)) _postings[term] = list = new List<int>(2);
        list.Add(s.Serial);
    }

    /// <summary>The merge step: other stories the new article also matched are merged in when the model judges them one story.</summary>
    private int MergeAround(Story story, List<(int Serial, double Probability, double[] Features)> scored)
    {
        int survivor = story.Serial;
        for (int i = 1; i < scored.Count; i++)
        {
            if (scored[i].Probability < _model.Threshold) break;
            if (!_active.TryGetValue(scored[i].Serial, out var other) || other.Serial == survivor) continue;
            var a = _active[survivor];
            if (_model.Probability(StoryPairFeatures(a, other)) < _model.MergeThreshold) continue;
            var (keep, gone) = a.Serial < other.Serial ? (a, other) : (other, a);
            Merge(keep, gone);
            survivor = keep.Serial;
        }
        return survivor;
    }

    private double[] StoryPairFeatures(Story a, Story b)
    {
        double cosMax = 0;
        foreach (var x in a.Recent) foreach (var y in b.Recent) cosMax = Math.Max(cosMax, x.Dot(y));
        int shared = 0;
        foreach (var n in a.Names.Keys) if (b.Names.ContainsKey(n)) shared++;
        int smaller = Math.Min(a.Names.Count, b.Names.Count);
        // The distance between the two stories' spans of dates: a's nearest end to b's span.
        DateTimeOffset? when = a.First is { } af && a.Last is { } al && b.First is { } bf && b.Last is { } bl
            ? (al < bf ? al : af > bl ? af : bf) : null;
        return StoryFeatures.Compute(a.Body.Cosine(b.Body), cosMax, a.Headline.Cosine(b.Headline), smaller, shared,
            a.Places.Overlaps(b.Places) ? 1 : 0, a.MentionedDates.Overlaps(b.MentionedDates) ? 1 : 0, when, b.First, b.Last);
    }

    private void Merge(Story keep, Story gone)
    {
        keep.Body.Add(gone.Body);
        keep.Headline.Add(gone.Headline);
        keep.Recent.AddRange(gone.Recent);
        if (keep.Recent.Count > RecentMembers) keep.Recent.RemoveRange(0, keep.Recent.Count - RecentMembers);
        foreach (var (n, c) in gone.Names) keep.Names[n] = keep.Names.GetValueOrDefault(n) + c;
        keep.Places.UnionWith(gone.Places);
        keep.MentionedDates.UnionWith(gone.MentionedDates);
        keep.Members.AddRange(gone.Members);
        keep.Count += gone.Count;
        if (gone.First is { } f && (keep.First is null || f < keep.First)) keep.First = f;
        if (gone.Last is { } l && (keep.Last is null || l > keep.Last)) keep.Last = l;
        foreach (var t in gone.Indexed.Order()) Index(keep, t);
        foreach (var m in gone.Members) _articleStory[m] = keep.Serial;
        _active.Remove(gone.Serial);
        _parent[gone.Serial] = keep.Serial;
        Merges++;
    }

    /// <summary>Freezes stories whose last report is older than the window; compacts the index when much of it is stale.</summary>
    private void Sweep()
    {
        _sinceSweep = 0;
        if (_now is not { } now) return;
        var limit = now - _window;
        var frozen = _active.Values.Where(s => s.Last is { } l && l < limit).Select(s => s.Serial).ToList();
        foreach (var serial in frozen)
        {
            foreach (var m in _active[serial].Members) _articleStory.Remove(m);
            _active.Remove(serial);
        }
        FrozenStories += frozen.Count;
        _frozenSinceCompaction += frozen.Count;
        if (_frozenSinceCompaction <= _active.Count) return;
        _frozenSinceCompaction = 0;
        foreach (var key in _postings.Keys.ToList())
        {
            var list = _postings[key];
            list.RemoveAll(s => !_active.ContainsKey(s));
            if (list.Count == 0) _postings.Remove(key);
        }
    }

    /// <summary>16 hex digits of SHA-256 of the first article's id: the same input gives the same story ids.</summary>
    public static string StableId(string firstArticleId) => StableKey(firstArticleId).ToString("x16");

    private static ulong StableKey(string firstArticleId) =>
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("story:" + firstArticleId)));
}

/// <summary>The similarity features between an article (or a story) and a story, in <see cref="StoryModel.FeatureNames"/> order.</summary>
public static class StoryFeatures
{
    public static double[] Compute(double cosCentroid, double cosMax, double cosHeadline, int names, int sharedNames,
        int sharedPlaces, int sharedDates, DateTimeOffset? published, DateTimeOffset? first, DateTimeOffset? last)
    {
        double proximity = 0, missing = 1;
        if (published is { } p && first is { } f && last is { } l)
        {
            missing = 0;
            double days = p < f ? (f - p).TotalDays : p > l ? (p - l).TotalDays : 0;
            proximity = Math.Exp(-days);
        }
        return
        [
            1, cosCentroid, cosMax, cosHeadline,
            names == 0 ? 0 : (double)sharedNames / names,
            Math.Log(1 + sharedNames),
            sharedPlaces > 0 ? 1 : 0,
            proximity, missing,
            sharedDates > 0 ? 1 : 0,
            cosCentroid * proximity,
        ];
    }
}
