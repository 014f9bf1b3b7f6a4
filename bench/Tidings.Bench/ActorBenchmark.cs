using System.Diagnostics;
using Tidings.Documents;
using Tidings.Extract.Events;
using Tidings.Language;
using Tidings.Language.Syntax;
using Tidings.Pipeline;

namespace Tidings.Bench;

/// <summary>
/// Actor coding throughput: every subject, object and oblique noun phrase of real articles (the heads an event
/// finder hands the coder) coded with a fresh <see cref="ActorContext"/> per article, parse and the other stages
/// excluded (computed once beforehand). Reports sentences/s and actors/s on one core.
/// </summary>
public static class ActorBenchmark
{
    public static int Run(string repoRoot, string[] args)
    {
        int count = args.Length >= 2 && args[0] == "--articles" ? int.Parse(args[1]) : 300;
        var pipeline = ArticlePipeline.CreateDefault();
        var articles = NewsCorpus.LoadSourceArticles(repoRoot).Take(count).AsParallel().AsOrdered()
            .Select(t => pipeline.Process(new Article(t, "bench", ArticleFormat.PlainText) { HeadlineInText = true })).ToList();
        var work = articles.Select(a =>
        {
            var tokens = a.Layers.Get<Token>(LanguageStage.Tokens) ?? [];
            var trees = (a.Layers.Get<Sentence>(LanguageStage.Sentences) ?? []).Select(s => new DependencyTree(a.Text, tokens, s)).ToList();
            var heads = trees.Select(t => Enumerable.Range(0, t.Count)
                .Where(i => t[i].Upos is "NOUN" or "PROPN" or "PRON" && t.BaseRelation(i) is "nsubj" or "obj" or "iobj" or "obl").ToArray()).ToList();
            return (Article: a, Trees: trees, Heads: heads);
        }).ToList();
        int sentences = work.Sum(w => w.Trees.Count), actors = work.Sum(w => w.Heads.Sum(h => h.Length));
        Console.WriteLine($"actors benchmark: {articles.Count:N0} articles, {sentences:N0} sentences, {actors:N0} argument phrases");
        var coder = ActorCoder.Default;
        var date = new DateOnly(2022, 12, 20);
        int coded = 0;
        void Pass()
        {
            foreach (var (a, trees, heads) in work)
            {
                var context = new ActorContext(a, trees);
                for (int s = 0; s < trees.Count; s++)
                    foreach (int h in heads[s])
                        if (coder.Code(context, trees[s], h, date)?.Code is not null) coded++;
            }
        }
        Pass(); // warm-up: data files, JIT
        coded = 0;
        int passes = 0;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < 5 || passes < 2) { Pass(); passes++; }
        sw.Stop();
        double seconds = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"{sentences * passes / seconds:N0} sentences/s, {actors * passes / seconds:N0} actors/s, {coded / passes * 100.0 / actors:0.0} % of argument phrases coded");
        return 0;
    }
}
