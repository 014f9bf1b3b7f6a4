using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tidings.Documents;
using Tidings.Storage;
using Tidings.Stories;
using Tidings.Web;
using Tidings.Web.Pages;

namespace Tidings.Bench;

/// <summary>
/// Where a cold story page spends its time, on the web benchmark's database: loading the articles, the coverage
/// comparison, and the rest of the page. Also compares groups of distinct analyzed articles (the database's source
/// articles, two to four at a time), which have more unique facts and disagreements than the benchmark's copies.
/// Times are process CPU time (the machine is shared) and the least wall time of a few repeats. With --golden FILE
/// the comparisons are written to FILE the first time and checked against it afterwards: a faster comparer must
/// give the same output.
/// </summary>
public static class StoryPageProfile
{
    public static int Run(string repoRoot, string[] args)
    {
        int count = int.Parse(Option(args, "--articles", "100000"));
        int stories = int.Parse(Option(args, "--stories", "400"));
        int repeats = int.Parse(Option(args, "--repeats", "3"));
        var golden = Option(args, "--golden", "");
        var db = Path.Combine(repoRoot, "bench", ".web", $"web-{count}.db");
        if (!File.Exists(db)) { Console.Error.WriteLine($"no {db}: run the web benchmark first"); return 2; }
        using var store = new SqliteArticleStore(db);
        var storyStore = new SqliteStoryStore(store);
        var sources = SourceArticles(store);
        var groups = new List<(string Name, List<Article> Articles)>();
        foreach (var id in StoryIds(store.Connection, stories))
            groups.Add(("story " + id, storyStore.Articles(storyStore.Get(id)!)));
        for (int size = 2; size <= 4; size++)
            for (int i = 0; i + size <= sources.Count; i += size)
                groups.Add(($"sources {i}+{size}", sources.Skip(i).Take(size).ToList()));
        Console.WriteLine($"{groups.Count} groups ({stories} stories, the rest groups of distinct source articles)");

        var outputs = new List<string>(groups.Count);
        var times = new List<(string Name, double Cpu, double Wall)>();
        CoverageComparer.Compare(groups[0].Articles); // JIT, the shipped IDF table
        var cpuTotal = Stopwatch.StartNew();
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var (name, articles) in groups)
        {
            double best = double.MaxValue;
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            StoryComparison? result = null;
            for (int r = 0; r < repeats; r++)
            {
                var sw = Stopwatch.StartNew();
                result = CoverageComparer.Compare(articles);
                best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
            }
            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds / repeats;
            times.Add((name, cpu, best));
            outputs.Add(name + "\t" + JsonSerializer.Serialize(result));
        }
        var cpuAll = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds / repeats;
        Console.WriteLine($"compare: {cpuAll:0} ms CPU per pass over all groups ({cpuTotal.Elapsed.TotalSeconds:0.0} s wall for {repeats} passes)");
        Report("compare (stories)", times.Where(t => t.Name.StartsWith("story")).ToList());
        Report("compare (sources)", times.Where(t => t.Name.StartsWith("sources")).ToList());
        foreach (var t in times.OrderByDescending(t => t.Wall).Take(5)) Console.WriteLine($"  slowest: {t.Name} {t.Wall:0.0} ms wall, {t.Cpu:0.0} ms CPU");

        if (golden != "")
        {
            if (!File.Exists(golden)) { File.WriteAllLines(golden, outputs); Console.WriteLine($"golden written: {golden}"); }
            else
            {
                var expected = File.ReadAllLines(golden);
                int differ = expected.Length != outputs.Count ? -1 : expected.Where((e, i) => e != outputs[i]).Count();
                Console.WriteLine(differ == 0 ? $"output identical to {golden} ({outputs.Count} groups)" : $"OUTPUT DIFFERS from {golden}: {differ} groups");
                if (differ != 0)
                {
                    foreach (var (e, i) in expected.Select((e, i) => (e, i)).Where(x => x.i < outputs.Count && x.e != outputs[x.i]).Take(3))
                        Console.WriteLine($"  first difference in {e.Split('\t')[0]}");
                    return 1;
                }
            }
        }
        if (args.Contains("--pages")) Pages(db, store.Connection, stories);
        return 0;
    }

    /// <summary>The whole story page, cold (comparison cache empty) and warm, per phase.</summary>
    private static void Pages(string db, SqliteConnection c, int stories)
    {
        using var ctx = new WebContext(new WebServerOptions { DatabasePath = db, Port = 0 });
        using var lease = ctx.Stores.Rent();
        var storyStore = new SqliteStoryStore(lease.Store);
        var load = new List<(string, double, double)>();
        var cold = new List<(string, double, double)>();
        var warm = new List<(string, double, double)>();
        foreach (var id in StoryIds(c, stories))
        {
            load.Add(Measure(id, () => storyStore.Articles(storyStore.Get(id)!)));
            cold.Add(Measure(id, () => StoryPage.Render(ctx, lease.Store, id)));
            warm.Add(Measure(id, () => StoryPage.Render(ctx, lease.Store, id)));
        }
        Report("load record+articles", load);
        Report("page cold", cold);
        Report("page warm", warm);
    }

    private static (string, double, double) Measure(string name, Action action)
    {
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        action();
        return (name, (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds, sw.Elapsed.TotalMilliseconds);
    }

    private static void Report(string what, List<(string Name, double Cpu, double Wall)> times)
    {
        if (times.Count == 0) return;
        var wall = times.Select(t => t.Wall).Order().ToList();
        var cpu = times.Select(t => t.Cpu).Order().ToList();
        double P(List<double> s, double p) => s[Math.Min(s.Count - 1, (int)Math.Ceiling(p * s.Count) - 1)];
        Console.WriteLine($"{what,-22} n={times.Count,4}  wall p50 {P(wall, 0.5),7:0.0} p99 {P(wall, 0.99),7:0.0} max {wall[^1],7:0.0}   CPU p50 {P(cpu, 0.5),7:0.0} p99 {P(cpu, 0.99),7:0.0} sum {cpu.Sum(),8:0} ms");
    }

    private static List<Article> SourceArticles(SqliteArticleStore store)
    {
        var list = new List<Article>();
        long after = 0;
        while (true)
        {
            var batch = store.ReadAfter(after, 100);
            if (batch.Count == 0) break;
            foreach (var b in batch)
            {
                if (b.Article.Source.StartsWith("bench/", StringComparison.Ordinal)) return list;
                list.Add(b.Article);
            }
            after = batch[^1].Rowid;
        }
        return list;
    }

    private static List<string> StoryIds(SqliteConnection c, int n)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT id FROM stories ORDER BY (rowid * 7919) % 1000003 LIMIT {n}";
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read()) list.Add(r.GetString(0));
        return list;
    }

    private static string Option(string[] args, string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
}
