using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tidings.Documents;
using Tidings.Ingest;
using Tidings.Pipeline;

namespace Tidings.Stories;

/// <summary>An article with its gold story label.</summary>
public sealed record GoldArticle(Article Article, string Story);

public sealed record ClusteringScores(
    double BCubedPrecision, double BCubedRecall, double PairPrecision, double PairRecall, int Articles, int GoldStories, int FoundStories)
{
    public double BCubedF1 => F(BCubedPrecision, BCubedRecall);
    public double PairF1 => F(PairPrecision, PairRecall);
    private static double F(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}

/// <summary>Gold data for same-story clustering, its deterministic train/dev split, and the scores.</summary>
public static class StoryEvaluation
{
    public enum Split { All, Train, Dev }

    /// <summary>Reads JSON Lines articles carrying a gold <c>story</c> field through the normal reader and pipeline.</summary>
    public static List<GoldArticle> LoadGold(string path, Split split = Split.All)
    {
        if (!File.Exists(path)) throw new ArgumentException($"no such file: {path}");
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.TryGetProperty("id", out var id) && root.TryGetProperty("story", out var story))
                labels[id.ToString()] = story.ToString();
        }
        var reader = new InputReader();
        var pipeline = ArticlePipeline.CreateDefault();
        var result = new List<GoldArticle>();
        foreach (var r in reader.Read(InputDocument.FromFile(path)))
        {
            if (r.Article is not { } a) continue;
            pipeline.Process(a);
            if (a.Body.Count == 0 || !labels.TryGetValue(a.Id, out var story)) continue;
            if (split == Split.All || IsTrain(story) == (split == Split.Train)) result.Add(new GoldArticle(a, story));
        }
        return result;
    }

    /// <summary>Half the stories train, half are held out, by a hash of the story id (stable across runs and machines).</summary>
    public static bool IsTrain(string story) => SHA256.HashData(Encoding.UTF8.GetBytes("split:" + story))[0] < 128;

    public static ClusteringScores Score(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        int n = gold.Count;
        var goldSize = gold.GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());
        var predSize = predicted.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var both = Enumerable.Range(0, n).GroupBy(i => (gold[i], predicted[i])).ToDictionary(g => g.Key, g => g.Count());
        double p = 0, r = 0;
        for (int i = 0; i < n; i++)
        {
            int common = both[(gold[i], predicted[i])];
            p += (double)common / predSize[predicted[i]];
            r += (double)common / goldSize[gold[i]];
        }
        long tp = both.Values.Sum(c => (long)c * (c - 1) / 2);
        long predPairs = predSize.Values.Sum(c => (long)c * (c - 1) / 2);
        long goldPairs = goldSize.Values.Sum(c => (long)c * (c - 1) / 2);
        return new ClusteringScores(n == 0 ? 0 : p / n, n == 0 ? 0 : r / n,
            predPairs == 0 ? 1 : (double)tp / predPairs, goldPairs == 0 ? 1 : (double)tp / goldPairs,
            n, goldSize.Count, predSize.Count);
    }

    /// <summary>Clusters the gold articles in publication order and scores the result.</summary>
    public static ClusteringScores Evaluate(IReadOnlyList<GoldArticle> gold, StoryModel? model = null, bool useDates = true)
    {
        var links = StoryRunner.Cluster(gold.Select(g => g.Article).ToList(), model, useDates);
        return Score(gold.Select(g => g.Story).ToList(), links.Select(l => l.StoryId).ToList());
    }

    public static ClusteringScores Evaluate(IReadOnlyList<ArticleProfile> profiles, IReadOnlyList<string> gold, StoryModel model, bool useDates = true)
    {
        var links = StoryRunner.Cluster(profiles, model, useDates);
        return Score(gold, links.Select(l => l.StoryId).ToList());
    }
}
