using Tidings.Documents;

namespace Tidings.Stories;

/// <summary>
/// What clustering and near-duplicate detection need of one article, computed once and independently of the
/// stream (so it can run on all cores): term counts of headline and body, name tokens, places, mentioned dates
/// and the MinHash signature.
/// </summary>
public sealed class ArticleProfile
{
    public required string Id { get; init; }
    public string ContentHash { get; init; } = "";
    public string? Outlet { get; init; }
    public DateTimeOffset? Published { get; set; }
    public string Headline { get; init; } = "";

    /// <summary>Content-word hashes with counts over headline and body, sorted by hash.</summary>
    public required ulong[] Terms { get; init; }
    public required float[] TermCounts { get; init; }

    /// <summary>Content-word hashes of the headline, sorted.</summary>
    public required ulong[] HeadlineTerms { get; init; }

    /// <summary>Distinct name tokens (hashes), sorted.</summary>
    public required ulong[] Names { get; init; }

    /// <summary>Distinct place hashes, sorted.</summary>
    public required ulong[] Places { get; init; }

    /// <summary>Distinct keys of mentioned dates ("12-01"), hashed, sorted.</summary>
    public required ulong[] MentionedDates { get; init; }

    public uint[]? Signature { get; init; }

    /// <summary>The body's distinct word 4-shingles, sorted: near-duplicate candidates are confirmed by exact Jaccard.</summary>
    public ulong[]? Shingles { get; init; }

    /// <summary>Whether names came from an entity layer (true) or the capitalized-word fallback.</summary>
    public bool HasEntityLayer { get; init; }

    public static ArticleProfile From(Article a)
    {
        var words = StoryText.ArticleWords(a, headline: false);
        var headlineWords = a.Headline is { } h ? StoryText.Words(a.Text, h.Start, h.End)
            : a.Title is { } t ? StoryText.Words(t, 0, t.Length) : [];
        var counts = new Dictionary<ulong, float>();
        foreach (var w in headlineWords)
            if (StoryText.IsContent(w.Lower)) counts[StoryText.Hash(w.Lower)] = counts.GetValueOrDefault(StoryText.Hash(w.Lower)) + 1;
        foreach (var w in words)
            if (StoryText.IsContent(w.Lower)) counts[StoryText.Hash(w.Lower)] = counts.GetValueOrDefault(StoryText.Hash(w.Lower)) + 1;
        var terms = counts.Keys.ToArray();
        Array.Sort(terms);
        var bodyHashes = new ulong[words.Count];
        for (int i = 0; i < words.Count; i++) bodyHashes[i] = StoryText.Hash(words[i].Lower);

        var entities = LayerReader.Entities(a);
        var allWords = new List<Word>(headlineWords.Count + words.Count);
        if (a.Headline is not null) allWords.AddRange(headlineWords);
        allWords.AddRange(words);
        var names = entities ?? StoryText.Names(a, allWords);
        if (a.Headline is null && a.Title is { } title)
            names.AddRange(StoryText.Names(new Article(title, "", ArticleFormat.PlainText) { Body = { new TextSpan(0, title.Length) } }));
        var dates = new HashSet<ulong>();
        foreach (var s in a.Body)
            foreach (var d in StoryText.Dates(a.Text, s.Start, s.End))
                if (d.Key.Contains('-') && char.IsDigit(d.Key[0])) dates.Add(StoryText.Hash(d.Key));
        return new ArticleProfile
        {
            Id = a.Id,
            ContentHash = a.ContentHash,
            Outlet = a.Outlet,
            Published = a.Published,
            Headline = a.HeadlineText,
            Terms = terms,
            TermCounts = terms.Select(x => counts[x]).ToArray(),
            HeadlineTerms = SortedDistinct(headlineWords.Where(w => StoryText.IsContent(w.Lower)).Select(w => StoryText.Hash(w.Lower))),
            Names = SortedDistinct(StoryText.NameTokens(names).Select(StoryText.Hash)),
            Places = SortedDistinct(LayerReader.Places(a, entities).Select(p => StoryText.Hash(p.Trim()))),
            MentionedDates = SortedDistinct(dates),
            Signature = MinHash.Signature(bodyHashes),
            Shingles = MinHash.Shingles(bodyHashes),
            HasEntityLayer = entities is not null,
        };
    }

    private static ulong[] SortedDistinct(IEnumerable<ulong> values)
    {
        var arr = values.Distinct().ToArray();
        Array.Sort(arr);
        return arr;
    }

    /// <summary>Size of the intersection of two sorted arrays.</summary>
    public static int Overlap(ulong[] a, ulong[] b)
    {
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { n++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return n;
    }
}
