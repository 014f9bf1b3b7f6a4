using System.Diagnostics;
using Tidings.Documents;
using Tidings.Extract.Entities;
using Tidings.Extract.Quotes;
using Tidings.Language;
using Tidings.Pipeline;

namespace Tidings.Bench;

/// <summary>
/// The quotes-and-entities layer on top of the language layer: articles/s of quote attribution + article
/// entities + global linking (language layer excluded, computed once beforehand), and the memory of the global
/// entity table after 100,000 articles. Real articles (AllSides + PolNeAR) are replayed; in each replay a share of
/// the names is made new (another given name, another organisation or place), so the table keeps growing the way
/// a real stream's does instead of only re-linking the same names.
/// </summary>
public static class EntityBenchmark
{
    public static int Run(string repoRoot, string[] args)
    {
        int target = args.Length >= 2 && args[0] == "--articles" ? int.Parse(args[1]) : 100_000;
        var texts = NewsCorpus.LoadSourceArticles(repoRoot);
        var prepare = new ArticlePipeline([.. ArticlePipeline.CreateCleaning().Stages, new LanguageStage()]);
        var articles = texts.AsParallel().AsOrdered()
            .Select(t => prepare.Process(new Article(t, "bench", ArticleFormat.PlainText) { HeadlineInText = true })).ToList();
        Console.WriteLine($"entities benchmark: {articles.Count:N0} real articles, language layer computed beforehand");

        var quotes = new QuoteStage();
        var entities = new EntityStage();
        // Warm-up, then one timed pass on one core: attribution + article entities + linking.
        foreach (var a in articles.Take(200)) { quotes.Process(a); entities.Process(a); }
        var table = new EntityTable();
        var sw = Stopwatch.StartNew();
        var parts = new Stopwatch[3].Select(_ => new Stopwatch()).ToArray();
        int mentions = 0, newInSecondHalf = 0, inSecondHalf = 0;
        for (int i = 0; i < articles.Count; i++)
        {
            var a = articles[i];
            parts[0].Start(); quotes.Process(a); parts[0].Stop();
            parts[1].Start(); entities.Process(a); parts[1].Stop();
            parts[2].Start();
            int known = table.Count;
            var links = EntityLinker.Link(a, table);
            parts[2].Stop();
            mentions += links.Sum(l => l.Local.Mentions.Count);
            if (i >= articles.Count / 2) { newInSecondHalf += table.Count - known; inSecondHalf += links.Count; }
        }
        sw.Stop();
        Console.WriteLine($"layer (quotes + entities + linking), one core: {articles.Count / sw.Elapsed.TotalSeconds:N0} articles/s ({mentions:N0} mentions; " +
                          $"quotes {parts[0].Elapsed.TotalSeconds:0.00} s, article entities {parts[1].Elapsed.TotalSeconds:0.00} s, linking {parts[2].Elapsed.TotalSeconds:0.00} s)");
        // The share of an article's entities that are new to the table, in the second half of the real articles.
        double novelty = (double)newInSecondHalf / Math.Max(1, inSecondHalf);
        Console.WriteLine($"new entities per linked entity in the second half of the real articles: {novelty:0.00} (used as the renaming rate)");

        var local = articles.Select(a => a.Layers.Get<ArticleEntity>(EntityStage.Layer)!).ToList();
        var words = texts.SelectMany(t => t.Split(' ')).Where(w => w.Length > 3 && w.All(char.IsLetter)).Distinct().Order(StringComparer.Ordinal).ToArray();
        GC.Collect();
        long before = GC.GetTotalMemory(true);
        var big = new EntityTable();
        var rng = new Random(7);
        sw.Restart();
        for (int i = 0; i < target; i++)
            big.Link(Renamed(local[i % local.Count], rng, words, i >= local.Count, novelty));
        sw.Stop();
        long after = GC.GetTotalMemory(true);
        Console.WriteLine($"global table after {target:N0} articles: {big.Count:N0} entities, {(after - before) / 1048576.0:N0} MB live heap; " +
                          $"linking {target / sw.Elapsed.TotalSeconds:N0} articles/s; process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
        GC.KeepAlive(big);
        return 0;
    }

    /// <summary>The article's entities, a share of them (the real articles' rate of new entities) renamed (a new given name or a new first word) after the first pass.</summary>
    private static List<ArticleEntity> Renamed(IReadOnlyList<ArticleEntity> entities, Random rng, string[] words, bool rename, double rate) =>
        entities.Select(e =>
        {
            if (!rename || rng.NextDouble() >= rate) return e;
            var word = words[rng.Next(words.Length)];
            word = char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant();
            var aliases = e.Aliases.Select(a => NameKeys.IsAcronym(a) ? a : word + " " + a).ToList();
            return e with { Name = word + " " + e.Name, Aliases = aliases, Acronym = null };
        }).ToList();
}
