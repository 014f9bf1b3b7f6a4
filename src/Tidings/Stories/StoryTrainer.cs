using System.Security.Cryptography;
using System.Text;

namespace Tidings.Stories;

/// <summary>
/// Learns the clustering model from gold stories: replays the training articles in publication order following
/// the gold clustering, records the features of every candidate story the inverted index proposes (positive when
/// it is the article's gold story), fits a logistic regression, then picks the join and merge thresholds that give
/// the best BCubed F1 when the training articles are clustered for real. Deterministic: the same data gives the
/// same model.
/// </summary>
public static class StoryTrainer
{
    /// <summary>Share of training articles whose date is hidden, so the model also learns to cluster undated articles.</summary>
    private const int HiddenDatePercent = 15;

    public sealed record Result(StoryModel Model, int Examples, int Positives, double TrainBCubedF1);

    public static Result Train(IReadOnlyList<GoldArticle> train, Action<string>? log = null)
    {
        var profiles = train.AsParallel().AsOrdered().Select(g => ArticleProfile.From(g.Article)).ToList();
        var labels = train.Select(g => g.Story).ToList();
        // Two replays: with dates (a few hidden) and with no dates at all, so the text features are learned for
        // streams where many stories share a day, not only for this data where stories rarely do.
        // A third replay folds every story into a two-day cycle (each article keeps its time of day and its offset
        // within its story), as in a real stream where hundreds of stories share a day; AllSides has at most three.
        var (x, y) = Examples(profiles, labels, hideAll: false);
        var (x2, y2) = Examples(profiles, labels, hideAll: true);
        var dense = Dense(profiles);
        var (x3, y3) = Examples(dense, labels, hideAll: false);
        x.AddRange(x2); x.AddRange(x3);
        y.AddRange(y2); y.AddRange(y3);
        log?.Invoke($"{x.Count} candidate pairs, {y.Count(v => v)} positive");
        var weights = Fit(x, y);
        var model = new StoryModel { Weights = weights, TrainedOn = $"{train.Count} articles, {labels.Distinct().Count()} stories" };
        double best = -1;
        (double T, double M) bestT = (0.5, 0.8);
        foreach (double t in Steps(0.10, 0.90, 0.05))
        {
            foreach (double m in new[] { t, t + 0.1, t + 0.2, 0.999 }.Where(m => m < 1).Distinct())
            {
                var candidate = Clone(model, t, m);
                double f1 = (StoryEvaluation.Evaluate(profiles, labels, candidate).BCubedF1
                             + StoryEvaluation.Evaluate(dense, labels, candidate).BCubedF1) / 2;
                if (f1 > best + 1e-9) { best = f1; bestT = (t, m); }
            }
        }
        model = Clone(model, bestT.T, bestT.M);
        model.TrainBCubedF1 = Math.Round(best, 4);
        log?.Invoke($"threshold {bestT.T:0.00}, merge threshold {bestT.M:0.00}, train BCubed F1 {best:0.0000} (mean of the dated and two-day-cycle replays)");
        return new Result(model, x.Count, y.Count(v => v), best);
    }

    /// <summary>The same articles with dates folded into a two-day cycle.</summary>
    public static List<ArticleProfile> Dense(IReadOnlyList<ArticleProfile> profiles, int days = 2)
    {
        var origin = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return profiles.Select(p => Clone(p, p.Published is { } d
            ? origin.AddDays(((int)(d.UtcDateTime.Date - origin.UtcDateTime).TotalDays % days + days) % days) + d.UtcDateTime.TimeOfDay
            : null)).ToList();
    }

    private static ArticleProfile Clone(ArticleProfile p, DateTimeOffset? published) => new()
    {
        Id = p.Id, ContentHash = p.ContentHash, Outlet = p.Outlet, Published = published, Headline = p.Headline, Terms = p.Terms,
        TermCounts = p.TermCounts, HeadlineTerms = p.HeadlineTerms, Names = p.Names, Places = p.Places, MentionedDates = p.MentionedDates,
        Signature = p.Signature, Shingles = p.Shingles, HasEntityLayer = p.HasEntityLayer,
    };

    private static IEnumerable<double> Steps(double from, double to, double step)
    {
        for (int i = 0; from + i * step <= to + 1e-9; i++) yield return Math.Round(from + i * step, 2);
    }

    private static StoryModel Clone(StoryModel m, double threshold, double merge) => new()
    {
        Weights = (double[])m.Weights.Clone(), Threshold = threshold, MergeThreshold = merge, WindowDays = m.WindowDays, TrainedOn = m.TrainedOn,
    };

    /// <summary>Candidate (article, story) pairs met while replaying the gold clustering.</summary>
    public static (List<double[]> X, List<bool> Y) Examples(IReadOnlyList<ArticleProfile> profiles, IReadOnlyList<string> labels, bool hideAll)
    {
        var clusterer = new StoryClusterer(StoryModel.Fallback(), TermStatistics.CreateDefault(), useDates: !hideAll);
        var hidden = new Dictionary<ArticleProfile, DateTimeOffset?>();
        var serialOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var x = new List<double[]>();
        var y = new List<bool>();
        foreach (int i in StoryRunner.PublicationOrder(profiles, p => p.Published))
        {
            var profile = profiles[i];
            if (HideDate(profile.Id)) { hidden[profile] = profile.Published; profile.Published = null; }
            var prepared = clusterer.Prepare(profile);
            bool hasGold = serialOf.TryGetValue(labels[i], out int gold) && clusterer.IsActive(gold);
            bool goldSeen = false;
            foreach (var (serial, _, f) in clusterer.Score(prepared))
            {
                bool positive = hasGold && clusterer.Resolve(serial) == clusterer.Resolve(gold);
                goldSeen |= positive;
                x.Add(f);
                y.Add(positive);
            }
            if (hasGold)
            {
                if (!goldSeen)
                {
                    x.Add(clusterer.FeaturesFor(prepared, gold));
                    y.Add(true);
                }
                clusterer.Join(gold, prepared);
            }
            else serialOf[labels[i]] = clusterer.Create(prepared);
        }
        foreach (var (p, d) in hidden) p.Published = d;
        return (x, y);
    }

    private static bool HideDate(string id) => SHA256.HashData(Encoding.UTF8.GetBytes("date:" + id))[0] % 100 < HiddenDatePercent;

    /// <summary>L2-regularized logistic regression by full-batch gradient descent (deterministic).</summary>
    public static double[] Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double l2 = 1e-3, int iterations = 4000, double rate = 0.5)
    {
        int d = StoryModel.FeatureNames.Length;
        var w = new double[d];
        var grad = new double[d];
        for (int it = 0; it < iterations; it++)
        {
            Array.Clear(grad);
            for (int i = 0; i < x.Count; i++)
            {
                double z = 0;
                for (int j = 0; j < d; j++) z += w[j] * x[i][j];
                double err = 1 / (1 + Math.Exp(-z)) - (y[i] ? 1 : 0);
                for (int j = 0; j < d; j++) grad[j] += err * x[i][j];
            }
            for (int j = 0; j < d; j++) w[j] -= rate * (grad[j] / x.Count + (j == 0 ? 0 : l2 * w[j]));
        }
        return w.Select(v => Math.Round(v, 4)).ToArray();
    }
}
