using System.Diagnostics;
using System.Text.Json;
using Tidings.Language;

namespace Tidings.Bench;

/// <summary>
/// `dotnet run -c Release --project bench/Tidings.Bench -- language [--text FILE] [--seconds N] [--no-peer] [--breakdown]`:
/// throughput (tokens/s) of the full language layer (tokenize, sentences, POS, lemma, NER) on real news text,
/// one core and all cores, plus peak memory, then the same for the wink-nlp peer (see PeerBenchmark). Default text: the AllSides dev articles under ../shared
/// (read by the benchmark only; the library never reads ../shared).
/// </summary>
internal static class LanguageBenchmark
{
    public static int Run(string[] args)
    {
        string? textPath = Option(args, "--text");
        double seconds = double.Parse(Option(args, "--seconds") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
        var documents = LoadDocuments(textPath);
        long chars = documents.Sum(d => (long)d.Length);
        Console.WriteLine($"text: {documents.Count} documents, {chars:N0} characters");

        long before = GC.GetTotalMemory(true);
        var load = Stopwatch.StartNew();
        var withSyntax = LanguageAnalyzer.Default;
        // The compared layer is what wink-nlp does too: tokens, sentences, tags, lemmas and entities; the
        // dependency parser (issue 8, measured by the `parse` mode) is timed apart below.
        var analyzer = new LanguageAnalyzer(withSyntax.PosTagger, withSyntax.Lemmatizer, withSyntax.EntityRecognizer);
        withSyntax.Analyze("Warm up the models. Islamabad said so.");
        load.Stop();
        long modelBytes = GC.GetTotalMemory(true) - before;
        Console.WriteLine($"model load: {load.Elapsed.TotalMilliseconds:F0} ms, managed heap for models ≈ {modelBytes / 1048576.0:F1} MiB");

        int tokensPerPass = documents.Sum(d => analyzer.Analyze(d).Tokens.Count);
        Console.WriteLine($"tokens per pass: {tokensPerPass:N0}");

        // One core: sequential passes until the time budget is used.
        var (oneTokens, oneElapsed, oneCpu) = Measure(seconds, () => { foreach (var d in documents) analyzer.Analyze(d); }, tokensPerPass);
        Console.WriteLine($"one core:  {oneTokens / oneElapsed.TotalSeconds,12:N0} tokens/s wall, {oneTokens / oneCpu.TotalSeconds,12:N0} tokens per CPU-second  ({oneTokens:N0} tokens in {oneElapsed.TotalSeconds:F2} s)");

        // All cores: documents in parallel.
        var (allTokens, allElapsed, _) = Measure(seconds, () => Parallel.ForEach(documents, d => analyzer.Analyze(d)), tokensPerPass);
        Console.WriteLine($"all cores: {allTokens / allElapsed.TotalSeconds,12:N0} tokens/s  ({Environment.ProcessorCount} cores, {allTokens:N0} tokens in {allElapsed.TotalSeconds:F2} s)");

        var (synTokens, synElapsed, synCpu) = Measure(Math.Min(seconds, 3), () => { foreach (var d in documents) withSyntax.Analyze(d); }, tokensPerPass);
        Console.WriteLine($"with the dependency parser, one core: {synTokens / synElapsed.TotalSeconds:N0} tokens/s wall, {synTokens / synCpu.TotalSeconds:N0} tokens per CPU-second");

        if (args.Contains("--breakdown"))
        {
            var noNer = new LanguageAnalyzer(analyzer.PosTagger, analyzer.Lemmatizer, null);
            var (t, e, c) = Measure(Math.Min(seconds, 3), () => { foreach (var d in documents) noNer.Analyze(d); }, tokensPerPass);
            Console.WriteLine($"without NER, one core: {t / e.TotalSeconds:N0} tokens/s wall, {t / c.TotalSeconds:N0} tokens per CPU-second");
            StageBreakdown(analyzer, documents, tokensPerPass);
        }

        // Segmentation alone, for reference.
        var (segTokens, segElapsed, _) = Measure(Math.Min(seconds, 2), () => { foreach (var d in documents) Segmenter.Segment(d); }, tokensPerPass);
        Console.WriteLine($"tokenize + sentences only, one core: {segTokens / segElapsed.TotalSeconds:N0} tokens/s");

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"peak memory (process working set): {process.PeakWorkingSet64 / 1048576.0:F0} MiB");
        long modelFiles = typeof(LanguageAnalyzer).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Tidings.Models.", StringComparison.Ordinal))
            .Sum(n => typeof(LanguageAnalyzer).Assembly.GetManifestResourceStream(n)!.Length);
        Console.WriteLine($"model files (compressed, embedded): {modelFiles / 1048576.0:F1} MiB");

        if (!args.Contains("--no-peer"))
        {
            string? ewt = null;
            try { ewt = FindShared(Path.Combine("corpora", "ud-ewt", "en_ewt-ud-test.conllu")); } catch (FileNotFoundException) { }
            PeerBenchmark.Run(documents, seconds, ewt);
        }
        return 0;
    }

    /// <summary>
    /// Runs passes until the time budget is used. Returns wall time and the process's CPU time: on a machine
    /// shared with other work the CPU-time rate is the steadier figure for one core.
    /// </summary>
    private static (long Tokens, TimeSpan Elapsed, TimeSpan Cpu) Measure(double seconds, Action pass, int tokensPerPass)
    {
        pass(); // warm-up
        using var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        long tokens = 0;
        do { pass(); tokens += tokensPerPass; } while (sw.Elapsed.TotalSeconds < seconds);
        sw.Stop();
        process.Refresh();
        return (tokens, sw.Elapsed, process.TotalProcessorTime - cpuStart);
    }

    /// <summary>Time of each stage alone (segmentation, POS, NER, lemmas), summed over one pass.</summary>
    private static void StageBreakdown(LanguageAnalyzer analyzer, List<string> documents, int tokensPerPass)
    {
        var segmentations = documents.Select(d => Segmenter.Segment(d)).ToList();
        var seg = Stopwatch.StartNew();
        for (int r = 0; r < 3; r++) foreach (var d in documents) Segmenter.Segment(d);
        seg.Stop();
        var pos = new Stopwatch();
        var ner = new Stopwatch();
        var lemma = new Stopwatch();
        var labels = new int[4096];
        var nerLabels = new int[4096];
        for (int r = 0; r < 3; r++)
            for (int k = 0; k < documents.Count; k++)
            {
                var text = documents[k];
                var spans = segmentations[k].Tokens.ToArray();
                foreach (var (first, count) in segmentations[k].Sentences)
                {
                    var sentence = spans.AsSpan(first, count);
                    pos.Start(); analyzer.PosTagger.Tag(text, sentence, labels); pos.Stop();
                    ner.Start(); analyzer.EntityRecognizer?.Recognize(text, sentence, labels, analyzer.PosTagger.Upos, nerLabels); ner.Stop();
                    lemma.Start();
                    for (int i = 0; i < count; i++) analyzer.Lemmatizer.Lemmatize(text, sentence[i], analyzer.PosTagger.Upos[labels[i]], analyzer.PosTagger.Xpos[labels[i]]);
                    lemma.Stop();
                }
            }
        double perToken(Stopwatch sw) => sw.Elapsed.TotalMilliseconds * 1e6 / (3.0 * tokensPerPass);
        Console.WriteLine($"per token: segmentation {perToken(seg):F0} ns, POS {perToken(pos):F0} ns, NER {perToken(ner):F0} ns, lemma {perToken(lemma):F0} ns");
    }

    internal static List<string> LoadDocuments(string? path)
    {
        if (path != null && !path.EndsWith(".jsonl", StringComparison.Ordinal))
            return [File.ReadAllText(path)];
        path ??= FindShared(Path.Combine("stories-dev", "allsides-dev.jsonl"));
        var docs = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            docs.Add(root.GetProperty("title").GetString() + "\n\n" + root.GetProperty("text").GetString());
        }
        return docs;
    }

    private static string FindShared(string relative)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"shared/{relative} not found above {Directory.GetCurrentDirectory()}; pass --text FILE");
    }

    internal static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
