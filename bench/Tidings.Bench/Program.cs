using System.Diagnostics;
using Tidings.Bench;

// Throughput and memory benchmarks. `ingest` measures the core pipeline (analyze and ingest into SQLite) at
// growing corpus sizes, each size in a fresh child process so that its peak memory is its own.
var repoRoot = FindRoot();
switch (args.FirstOrDefault())
{
    case "ingest":
        return IngestBenchmark.RunAll(repoRoot, args.Skip(1).ToArray());
    case "run-one":
        return IngestBenchmark.RunOne(args[1], args[2], int.Parse(args[3]), args[4]);
    case "corpus":
        // Writes the benchmark corpus for other tools: corpus DIR COUNT
        Console.WriteLine($"{NewsCorpus.Write(args[1], NewsCorpus.LoadSourceArticles(repoRoot), int.Parse(args[2])) / 1048576.0:0.0} MB");
        return 0;
    case "language":
        // Throughput and memory of the language layer (see LanguageBenchmark).
        return LanguageBenchmark.Run(args[1..]);
    case "parse":
        // Tagging plus dependency parsing (see ParseBenchmark).
        return ParseBenchmark.Run(args[1..]);
    case "stories":
        return StoriesBenchmark.RunAll(repoRoot, args.Skip(1).ToArray());
    case "stories-one":
        return StoriesBenchmark.RunOne(args[1], int.Parse(args[2]));
    case "web":
        // Page and API latency of `tidings serve` on a synthesized database (see WebBenchmark).
        return await WebBenchmark.Run(repoRoot, args[1..]);
    case "story-profile":
        // Cold story page phases and the coverage comparison, with a golden output check (see StoryPageProfile).
        return StoryPageProfile.Run(repoRoot, args[1..]);
    case "entities":
        // Quotes + entities layer throughput and the global entity table's memory (see EntityBenchmark).
        return EntityBenchmark.Run(repoRoot, args[1..]);
    case "events":
        // Event coding speed, parse excluded and included (see EventBenchmark).
        return EventBenchmark.Run(repoRoot, args[1..]);
    case "actors":
        // Actor coding (country + sector) of argument phrases, parse excluded (see ActorBenchmark).
        return ActorBenchmark.Run(repoRoot, args[1..]);
    case "petrarch":
        // PETRARCH dictionaries: loading, and coding speed with them, parse excluded (see PetrarchBenchmark).
        return PetrarchBenchmark.Run(repoRoot, args[1..]);
    case "micro":
        BenchmarkDotNet.Running.BenchmarkRunner.Run<CleaningMicroBenchmarks>(args: args.Skip(1).ToArray());
        return 0;
    default:
        Console.WriteLine("usage: Tidings.Bench ingest [--sizes 2500,5000,10000,20000] [--pipeline cleaning|full] | language [--text FILE|--text FILE.jsonl] [--seconds N] [--no-peer] [--breakdown] | parse [--text FILE] [--seconds N] | stories [--sizes 20000,100000] | entities [--articles 100000] | web [--articles 100000] [--requests 200] [--rebuild] | actors [--articles 300] | events [--articles 2000] [--dictionaries DIR] | petrarch [--dictionaries DIR] [--seconds N] | story-profile [--articles N] [--stories N] [--repeats N] [--golden FILE] [--pages] | corpus DIR COUNT | micro");
        return 2;
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tidings.sln"))) dir = dir.Parent;
    return dir?.FullName ?? Directory.GetCurrentDirectory();
}
