using System.Diagnostics;
using System.Text.Json;
using Tidings.Ingest;
using Tidings.Output;
using Tidings.Pipeline;
using Tidings.Storage;

namespace Tidings.Bench;

/// <summary>analyze and ingest throughput (articles/s, MB/s) and peak memory at several corpus sizes.</summary>
public static class IngestBenchmark
{
    public static int RunAll(string repoRoot, string[] args)
    {
        var sizes = args.SkipWhile(a => a != "--sizes").Skip(1).FirstOrDefault()?.Split(',').Select(int.Parse).ToArray()
                    ?? [2500, 5000, 10000, 20000];
        var pipeline = args.SkipWhile(a => a != "--pipeline").Skip(1).FirstOrDefault() ?? "cleaning";
        if (pipeline is not ("cleaning" or "full")) throw new ArgumentException("--pipeline is cleaning (read, clean, identify: the core pipeline) or full (all stages)");
        var work = Directory.CreateTempSubdirectory("tidings-bench-").FullName;
        try
        {
            var sources = NewsCorpus.LoadSourceArticles(repoRoot);
            Console.WriteLine($"source articles: {sources.Count} real news texts; {Environment.ProcessorCount} cores; pipeline: {pipeline}");
            Console.WriteLine($"{"mode",-8} {"articles",9} {"MB",8} {"seconds",8} {"articles/s",11} {"MB/s",7} {"peak MB",8}");
            foreach (var size in sizes)
            {
                var dir = Path.Combine(work, $"corpus-{size}");
                NewsCorpus.Write(dir, sources, size);
                foreach (var mode in new[] { "analyze", "ingest" })
                {
                    var line = RunChild(mode, dir, size, pipeline);
                    Console.WriteLine(line);
                }
                Directory.Delete(dir, true);
            }
        }
        finally
        {
            Directory.Delete(work, true);
        }
        return 0;
    }

    private static string RunChild(string mode, string dir, int size, string pipeline)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(typeof(IngestBenchmark).Assembly.Location);
        foreach (var a in new[] { "run-one", mode, dir, size.ToString(), pipeline }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return p.ExitCode == 0 ? output : $"{mode} failed (exit {p.ExitCode}): {output}";
    }

    /// <summary>Steady-state figures: the code is compiled and the caches are warm before the clock starts.</summary>
    private static void WarmUp(ArticleFlow flow, string dir)
    {
        var first = Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal).First();
        var db = Path.Combine(Path.GetTempPath(), $"tidings-warmup-{Environment.ProcessId}.db");
        using (var store = new SqliteArticleStore(db)) new Ingestor(flow, store).Run([first]);
        foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
        foreach (var _ in flow.Process([first], new IngestSummary())) { }
    }

    /// <summary>One measurement in this process: read the corpus, run the stages, write JSON or store.</summary>
    public static int RunOne(string mode, string dir, int size, string pipeline)
    {
        long bytes = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        var flow = new ArticleFlow(new InputReader(), pipeline == "full" ? ArticlePipeline.CreateDefault() : ArticlePipeline.CreateCleaning());
        WarmUp(flow, dir);
        var sw = Stopwatch.StartNew();
        int articles;
        if (mode == "analyze")
        {
            var summary = new IngestSummary();
            using var w = new Utf8JsonWriter(Stream.Null, ArticleJsonWriter.CompactOptions);
            articles = 0;
            foreach (var r in flow.Process([dir], summary))
            {
                if (r.Article is null) continue;
                ArticleJsonWriter.Write(w, r.Article);
                w.Flush();
                w.Reset();
                articles++;
            }
        }
        else
        {
            var db = Path.Combine(Path.GetTempPath(), $"tidings-bench-{Environment.ProcessId}.db");
            try
            {
                using var store = new SqliteArticleStore(db);
                var summary = new Ingestor(flow, store).Run([dir]);
                articles = summary.Stored + summary.Duplicates;
                if (summary.Read != size) Console.Error.WriteLine($"warning: {summary.Read} read of {size}");
            }
            finally
            {
                foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
            }
        }
        sw.Stop();
        double seconds = sw.Elapsed.TotalSeconds, mb = bytes / 1048576.0;
        long peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576;
        Console.WriteLine($"{mode,-8} {articles,9} {mb,8:0.0} {seconds,8:0.00} {articles / seconds,11:0} {mb / seconds,7:0.0} {peak,8}");
        return 0;
    }
}
