using Tidings.Documents;

namespace Tidings.Stories;

/// <summary>The story of one article after a whole run, merges resolved.</summary>
public sealed record StoryLink(string ArticleId, string StoryId, string? CopyOf, double Probability);

/// <summary>
/// Clusters a set of articles as a stream: profiles computed on all cores, then articles taken in publication
/// order (undated ones last, in input order) through one <see cref="StoryClusterer"/>.
/// </summary>
public static class StoryRunner
{
    public static IReadOnlyList<StoryLink> Cluster(IReadOnlyList<Article> articles, StoryModel? model = null, bool useDates = true,
        TermStatistics? stats = null)
    {
        var profiles = articles.AsParallel().AsOrdered().Select(ArticleProfile.From).ToList();
        return Cluster(profiles, model, useDates, stats);
    }

    public static IReadOnlyList<StoryLink> Cluster(IReadOnlyList<ArticleProfile> profiles, StoryModel? model = null, bool useDates = true,
        TermStatistics? stats = null)
    {
        var clusterer = new StoryClusterer(model, stats, useDates);
        var order = PublicationOrder(profiles, p => useDates ? p.Published : null);
        var assignments = new StoryAssignment[profiles.Count];
        foreach (int i in order) assignments[i] = clusterer.Add(profiles[i]);
        return assignments.Select(a => new StoryLink(a.ArticleId, clusterer.StoryId(a.StorySerial), a.CopyOf, a.Probability)).ToList();
    }

    /// <summary>Indexes in publication order; undated items last; ties keep input order.</summary>
    public static IEnumerable<int> PublicationOrder<T>(IReadOnlyList<T> items, Func<T, DateTimeOffset?> published) =>
        Enumerable.Range(0, items.Count)
            .OrderBy(i => published(items[i]) is null ? 1 : 0)
            .ThenBy(i => published(items[i]) ?? DateTimeOffset.MaxValue)
            .ThenBy(i => i);
}
