using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tidings.Documents;
using Tidings.Stories;

namespace Tidings.Bench;

/// <summary>
/// Dedup + same-story clustering over a synthesized stream: stories built from real news text (the AllSides leads
/// and PolNeAR articles in ../shared, read at benchmark time only), 1 to 12 articles per story (mean about 3), members
/// within two days of the story's start, about 3,000 articles a day. A member is either a syndicated copy (new
/// header, 3 % of words changed) or another outlet's rewrite (sentences dropped and reordered, words changed).
/// Timed: profiles (tokenizing, MinHash, names) on all cores, then the streaming clusterer; generation is not timed.
/// Each size runs in a fresh process so that its peak memory is its own.
/// </summary>
public static class StoriesBenchmark
{
    public const int ArticlesPerDay = 3000;
    private const int Batch = 4096;

    public static int RunAll(string repoRoot, string[] args)
    {
        var sizes = args.Length >= 2 && args[0] == "--sizes" ? args[1].Split(',').Select(int.Parse).ToArray() : [20_000, 100_000];
        Console.WriteLine($"stories benchmark: {Environment.ProcessorCount} cores; sizes {string.Join(", ", sizes)}");
        foreach (var n in sizes)
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
            psi.ArgumentList.Add(typeof(StoriesBenchmark).Assembly.Location);
            foreach (var a in new[] { "stories-one", repoRoot, n.ToString() }) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            Console.WriteLine(p.StandardOutput.ReadToEnd().Trim());
            p.WaitForExit();
        }
        return 0;
    }

    public static int RunOne(string repoRoot, int count)
    {
        var sources = LoadSources(repoRoot);
        var pool = sources.SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => w.Length > 3 && w.All(char.IsLetter))
            .Distinct().Order(StringComparer.Ordinal).ToArray();
        // Warm-up: JIT and the shipped tables, outside the clock.
        var warm = new StoryClusterer();
        foreach (var a in Generate(sources, pool, 2000, seed: 99)) warm.Add(ArticleProfile.From(a.Article));

        var clusterer = new StoryClusterer();
        var timer = new Stopwatch();
        var wall = Stopwatch.StartNew();
        int done = 0, copies = 0, copiesFound = 0;
        var plannedStories = new HashSet<int>();
        var batch = new List<(Article Article, int Story, bool Copy)>(Batch);
        void Flush()
        {
            timer.Start();
            var profiles = batch.AsParallel().AsOrdered().Select(b => ArticleProfile.From(b.Article)).ToList();
            for (int i = 0; i < profiles.Count; i++)
            {
                var r = clusterer.Add(profiles[i]);
                if (batch[i].Copy) { copies++; if (r.CopyOf is not null) copiesFound++; }
            }
            timer.Stop();
            done += batch.Count;
            batch.Clear();
            if (Environment.GetEnvironmentVariable("TIDINGS_BENCH_TRACE") is not null && done % (Batch * 5) == 0)
            {
                var info = GC.GetGCMemoryInfo();
                Console.Error.WriteLine($"{done}: ws {Environment.WorkingSet >> 20} MB heap {info.HeapSizeBytes >> 20} committed {info.TotalCommittedBytes >> 20} frag {info.FragmentedBytes >> 20} gen2 {GC.CollectionCount(2)}");
            }
        }
        foreach (var a in Generate(sources, pool, count, seed: 1))
        {
            plannedStories.Add(a.Story);
            batch.Add(a);
            if (batch.Count == Batch) Flush();
        }
        Flush();
        wall.Stop();
        var proc = Process.GetCurrentProcess();
        var gc = GC.GetGCMemoryInfo();
        Console.Error.WriteLine($"gc: heap {gc.HeapSizeBytes >> 20} MB fragmented {gc.FragmentedBytes >> 20} MB committed {gc.TotalCommittedBytes >> 20} MB; collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}; concurrent {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine(
            $"{done,9:N0} articles  {done / timer.Elapsed.TotalSeconds,8:N0} articles/s (dedup + clustering, {timer.Elapsed.TotalSeconds:0.0} s; " +
            $"with generation {wall.Elapsed.TotalSeconds:0.0} s)  peak memory {proc.PeakWorkingSet64 / 1048576} MB  " +
            $"stories {clusterer.StoriesCreated - clusterer.Merges:N0} (planted {plannedStories.Count:N0}), active {clusterer.ActiveStories:N0}, " +
            $"frozen {clusterer.FrozenStories:N0}; copies found {copiesFound:N0}/{copies:N0}; live heap after full GC {GC.GetTotalMemory(true) / 1048576} MB");
        GC.KeepAlive(clusterer);
        return 0;
    }

    private static List<string> LoadSources(string repoRoot)
    {
        var texts = new List<string>();
        var allsides = Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "stories-dev", "allsides-dev.jsonl"));
        if (File.Exists(allsides))
            foreach (var line in File.ReadLines(allsides))
                texts.Add(JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!);
        texts.AddRange(NewsCorpus.LoadSourceArticles(repoRoot).Select(t => t.Replace("\r", "")));
        return texts.Where(t => t.Length > 200).ToList();
    }

    /// <summary>The stream, in publication order.</summary>
    public static IEnumerable<(Article Article, int Story, bool Copy)> Generate(List<string> sources, string[] pool, int count, int seed)
    {
        var rng = new Random(seed);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var pending = new PriorityQueue<(Article, int, bool), DateTimeOffset>();
        int emitted = 0, story = 0, made = 0;
        double minutesPerArticle = 1440.0 / ArticlesPerDay;
        var clock = start;
        while (emitted < count)
        {
            // Open stories until the earliest planned article is due: every story opened later starts after the
            // clock, so nothing earlier can still come. (Opening more would hold the whole stream in memory.)
            while (made < count && (pending.Count == 0 || pending.Peek().Item1.Published > clock))
            {
                int size = Math.Min(12, 1 + (int)(-Math.Log(1 - rng.NextDouble()) * 2.2));
                // A story's text: eight sentences drawn from the whole corpus, so that stories do not share their text.
                var sentences = Enumerable.Range(0, 8).Select(_ => SentencePool(sources)[rng.Next(SentencePool(sources).Count)]).ToList();
                var baseText = Substitute(string.Join(" ", sentences), 0.1, pool, rng);
                var first = clock.AddMinutes(rng.NextDouble() * 60);
                string? original = null;
                for (int m = 0; m < size && made < count; m++, made++)
                {
                    bool copy = m > 0 && original is not null && rng.NextDouble() < 0.3;
                    string body = m == 0 ? baseText : copy ? Header(pool, rng) + "\n\n" + Substitute(original!, 0.03, pool, rng) : Rewrite(baseText, pool, rng);
                    original ??= body;
                    var when = m == 0 ? first : first.AddMinutes(rng.NextDouble() * 2880);
                    pending.Enqueue((MakeArticle($"{story}-{m}", Header(pool, rng, 10), body, when), story, copy), when);
                }
                story++;
                clock = clock.AddMinutes(minutesPerArticle * size);
            }
            if (pending.Count == 0) break;
            var next = pending.Dequeue();
            emitted++;
            yield return next;
        }
    }

    private static List<string>? _sentencePool;

    private static List<string> SentencePool(List<string> sources) =>
        _sentencePool ??= sources.SelectMany(Sentences).Where(s => s.Length > 40).Distinct().Order(StringComparer.Ordinal).ToList();

    private static Article MakeArticle(string key, string headline, string body, DateTimeOffset when)
    {
        var text = headline + "\n\n" + body;
        var a = new Article(text, "bench", ArticleFormat.JsonLines) { HeadlineInText = true, Published = when, Outlet = "bench" };
        a.Headline = new TextSpan(0, headline.Length);
        int at = headline.Length + 2;
        foreach (var p in body.Split("\n\n"))
        {
            a.Body.Add(new TextSpan(at, at + p.Length));
            at += p.Length + 2;
        }
        a.Id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        a.ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        return a;
    }

    private static List<string> Sentences(string text) =>
        text.Replace("\n", " ").Split(". ", StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim() + ".").ToList();

    private static string Header(string[] pool, Random rng, int words = 25) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => pool[rng.Next(pool.Length)]));

    private static string Rewrite(string text, string[] pool, Random rng)
    {
        var s = Sentences(text).Where(_ => rng.NextDouble() > 0.35).OrderBy(_ => rng.Next()).ToList();
        return Substitute(string.Join(" ", s.Count > 0 ? s : Sentences(text)), 0.25, pool, rng);
    }

    private static string Substitute(string text, double rate, string[] pool, Random rng)
    {
        var words = text.Split(' ');
        for (int i = 0; i < words.Length; i++)
            if (rng.NextDouble() < rate) words[i] = pool[rng.Next(pool.Length)];
        return string.Join(' ', words);
    }
}
