using System.Diagnostics;
using Tidings.Extract.Events.Petrarch;
using Tidings.Language;
using Tidings.Language.Syntax;

namespace Tidings.Bench;

/// <summary>
/// Loading time of PETRARCH dictionaries and coding speed with them, parse excluded: per sentence, upper-casing the
/// words, the discard checks, actor and agent lookup at every word and verb patterns at every verb.
/// `petrarch [--dictionaries DIR] [--text FILE] [--seconds N]`; DIR defaults to ../shared/dictionaries/petrarch.
/// </summary>
public static class PetrarchBenchmark
{
    public static int Run(string repoRoot, string[] args)
    {
        string dir = Option(args, "--dictionaries") ?? Path.Combine(repoRoot, "..", "shared", "dictionaries", "petrarch");
        double seconds = double.Parse(Option(args, "--seconds") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
        var texts = Option(args, "--text") is { } file ? [File.ReadAllText(file)] : Directory.GetFiles(Path.Combine(repoRoot, "samples"), "*.txt").Select(File.ReadAllText).ToArray();

        long before = GC.GetTotalMemory(true);
        var sw = Stopwatch.StartNew();
        var d = PetrarchDictionaries.Load(dir);
        double loadMs = sw.Elapsed.TotalMilliseconds;
        long memory = GC.GetTotalMemory(true) - before;
        sw.Restart();
        PetrarchDictionaries.Load(dir);
        Console.WriteLine($"load: {loadMs:0} ms (again, JIT warm: {sw.Elapsed.TotalMilliseconds:0} ms), {memory / 1048576.0:0.0} MB, {d.Files.Count} files, {d.Problems.Count} problems");

        var trees = texts.SelectMany(t => DependencyTree.Of(LanguageAnalyzer.Default.Analyze(t))).ToArray();
        Console.WriteLine($"{trees.Length} sentences, {trees.Sum(t => t.Count)} tokens");
        var date = new DateOnly(2022, 12, 21);
        bool verbsOnly = args.Contains("--verbs-only"), noVerbs = args.Contains("--no-verbs");
        long sentences = 0, verbMatches = 0, actorMatches = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        sw.Restart();
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            foreach (var tree in trees)
            {
                var words = new string[tree.Count];
                for (int i = 0; i < words.Length; i++) words[i] = tree.TextOf(i).ToUpperInvariant();
                if (d.DiscardsStory(words) || d.DiscardsSentence(words)) continue;
                for (int i = 0; i < words.Length; i++)
                {
                    if (!verbsOnly && d.Actors?.Match(words, i, date) is not null) actorMatches++;
                    if (!verbsOnly && d.Agents?.Match(words, i) is not null) actorMatches++;
                    if (!noVerbs && tree[i].Upos == "VERB" && d.Verbs is { } verbs) verbMatches += verbs.Match(tree, i, words).Count;
                }
                sentences++;
            }
        }
        double rate = sentences / sw.Elapsed.TotalSeconds;
        double cpuRate = sentences / (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"coding (parse excluded): {rate:0} sentences/s wall, {cpuRate:0} per CPU-second ({sentences} sentences, {verbMatches} verb matches, {actorMatches} actor/agent matches)");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
