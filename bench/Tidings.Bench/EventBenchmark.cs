using System.Diagnostics;
using Tidings.Documents;
using Tidings.Extract.Entities;
using Tidings.Extract.Events;
using Tidings.Extract.Events.Petrarch;
using Tidings.Extract.Places;
using Tidings.Extract.Quotes;
using Tidings.Extract.Times;
using Tidings.Language;
using Tidings.Pipeline;

namespace Tidings.Bench;

/// <summary>
/// Event coding speed on real news (AllSides + PolNeAR articles): sentences/s of the event stage alone (the
/// language layer with the dependency parse, places, quotes, entities and times computed beforehand), and of the
/// language layer plus event coding (parse included). With `--dictionaries DIR` the PETRARCH dictionaries are
/// loaded first and the memory they take is reported. One core, after a warm-up pass.
/// </summary>
public static class EventBenchmark
{
    public static int Run(string repoRoot, string[] args)
    {
        string? dictionaries = Option(args, "--dictionaries");
        int limit = int.TryParse(Option(args, "--articles"), out int n) ? n : 2000;
        var texts = NewsCorpus.LoadSourceArticles(repoRoot).Take(limit).ToList();

        long before = GC.GetTotalMemory(true);
        var dicts = dictionaries is null ? null : PetrarchDictionaries.Load(dictionaries);
        long dictBytes = GC.GetTotalMemory(true) - before;
        var events = new EventStage(new EventCodingOptions(dicts));

        var prepare = new ArticlePipeline([.. ArticlePipeline.CreateCleaning().Stages, new LanguageStage(), new PlaceStage(), new QuoteStage(), new EntityStage(), new TimeStage()]);
        var parse = Stopwatch.StartNew();
        var articles = texts.Select(t => prepare.Process(new Article(t, "bench", ArticleFormat.PlainText) { HeadlineInText = true })).ToList();
        parse.Stop();
        int sentences = articles.Sum(a => a.Layers.Get<Sentence>(LanguageStage.Sentences)?.Count ?? 0);
        Console.WriteLine($"events benchmark: {articles.Count:N0} real articles, {sentences:N0} sentences" +
                          (dicts is null ? ", built-in lexicon and actors" : $", PETRARCH dictionaries from {dictionaries} ({dictBytes / 1048576.0:0.0} MB live heap after loading)"));

        foreach (var a in articles.Take(100)) events.Process(a); // warm-up
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        int found = 0;
        foreach (var a in articles)
        {
            events.Process(a);
            found += a.Layers.Get<EventMention>(EventStage.Layer)?.Count ?? 0;
        }
        sw.Stop();
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"event coding, parse excluded: {sentences / sw.Elapsed.TotalSeconds:N0} sentences/s wall, {sentences / cpuSeconds:N0} sentences/CPU-s ({found:N0} event mentions)");
        // The preparation pass above ran the language layer (tokens, tags, entities, dependency parse) and the
        // place, quote, entity and time stages; adding the event stage's time gives the whole cost per sentence.
        double total = parse.Elapsed.TotalSeconds + sw.Elapsed.TotalSeconds;
        Console.WriteLine($"event coding, parse included (language layer + places, quotes, entities, times + events): {sentences / total:N0} sentences/s");
        Console.WriteLine($"process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
