using Tidings.Documents;

namespace Tidings.Stories;

/// <summary>Anchor dates from the story: an article without a date of its own is dated by its story's first report, flagged as inferred.</summary>
public static class StoryDating
{
    /// <summary>Clusters the articles (publication order) and dates the undated ones from their stories; links in input order.</summary>
    public static IReadOnlyList<StoryLink> ClusterAndAnchor(IReadOnlyList<Article> articles, StoryModel? model = null)
    {
        var links = StoryRunner.Cluster(articles, model);
        Anchor(articles, links);
        return links;
    }

    public static int Anchor(IReadOnlyList<Article> articles, IReadOnlyList<StoryLink> links)
    {
        var first = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        for (int i = 0; i < articles.Count; i++)
            if (articles[i].Published is { } p && (!first.TryGetValue(links[i].StoryId, out var f) || p < f)) first[links[i].StoryId] = p;
        int anchored = 0;
        for (int i = 0; i < articles.Count; i++)
        {
            if (articles[i].Published is not null || !first.TryGetValue(links[i].StoryId, out var date)) continue;
            articles[i].Published = date;
            articles[i].PublishedInferred = true;
            articles[i].Warnings.Add($"date inferred from story {links[i].StoryId}");
            anchored++;
        }
        return anchored;
    }
}
