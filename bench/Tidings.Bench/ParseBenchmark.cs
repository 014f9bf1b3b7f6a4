using System.Diagnostics;
using Tidings.Language;
using Tidings.Language.Syntax;

namespace Tidings.Bench;

/// <summary>
/// `dotnet run -c Release --project bench/Tidings.Bench -- parse [--text FILE] [--seconds N]`: throughput of
/// tagging plus dependency parsing (tokens/s; text tokenized and split beforehand), of parsing alone, one core
/// and all cores, and peak memory. Default text as for `language`.
/// </summary>
internal static class ParseBenchmark
{
    private sealed record Prepared(string Text, TextSpan[][] Sentences, string[][] Xpos, string[][] Upos);

    public static int Run(string[] args)
    {
        double seconds = double.Parse(LanguageBenchmark.Option(args, "--seconds") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
        var documents = LanguageBenchmark.LoadDocuments(LanguageBenchmark.Option(args, "--text"));
        var analyzer = LanguageAnalyzer.Default;
        var parser = analyzer.Parser ?? throw new InvalidOperationException("No embedded parser model.");
        var tagger = analyzer.PosTagger;
        var prepared = documents.Select(d => Prepare(d, tagger)).ToList();
        long tokens = prepared.Sum(p => p.Sentences.Sum(s => (long)s.Length));
        Console.WriteLine($"text: {documents.Count} documents, {tokens:N0} tokens, {prepared.Sum(p => p.Sentences.Length):N0} sentences");

        void TagAndParse(Prepared p)
        {
            var labels = new int[256];
            var heads = new int[256];
            var relations = new string[256];
            var xpos = new string[256];
            var upos = new string[256];
            foreach (var s in p.Sentences)
            {
                if (labels.Length < s.Length) { labels = new int[s.Length]; heads = new int[s.Length]; relations = new string[s.Length]; xpos = new string[s.Length]; upos = new string[s.Length]; }
                tagger.Tag(p.Text, s, labels);
                for (int i = 0; i < s.Length; i++) { xpos[i] = tagger.Xpos[labels[i]]; upos[i] = tagger.Upos[labels[i]]; }
                parser.Parse(p.Text, s, xpos.AsSpan(0, s.Length), upos.AsSpan(0, s.Length), heads, relations);
            }
        }
        void ParseOnly(Prepared p)
        {
            var heads = new int[512];
            var relations = new string[512];
            for (int k = 0; k < p.Sentences.Length; k++)
            {
                var s = p.Sentences[k];
                if (heads.Length < s.Length) { heads = new int[s.Length]; relations = new string[s.Length]; }
                parser.Parse(p.Text, s, p.Xpos[k], p.Upos[k], heads, relations);
            }
        }

        Report("tag + parse, one core ", Measure(seconds, () => prepared.ForEach(TagAndParse)), tokens);
        Report("tag + parse, all cores", Measure(seconds, () => Parallel.ForEach(prepared, TagAndParse)), tokens);
        Report("parse only, one core  ", Measure(seconds, () => prepared.ForEach(ParseOnly)), tokens);
        Report("parse only, all cores ", Measure(seconds, () => Parallel.ForEach(prepared, ParseOnly)), tokens);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"cores: {Environment.ProcessorCount}; peak memory (process working set): {process.PeakWorkingSet64 / 1048576.0:F0} MiB");
        using var model = typeof(LanguageAnalyzer).Assembly.GetManifestResourceStream("Tidings.Models.parser.bin");
        Console.WriteLine($"parser model (compressed, embedded): {model?.Length / 1048576.0:F1} MiB; {parser.ActionModel.FeatureCount:N0} move + {parser.RelationModel.FeatureCount:N0} relation features");
        return 0;
    }

    private static Prepared Prepare(string text, PosTagger tagger)
    {
        var segmentation = Segmenter.Segment(text);
        var spans = segmentation.Tokens.ToArray();
        var sentences = segmentation.Sentences.Select(s => spans.AsSpan(s.First, s.Count).ToArray()).ToArray();
        var xpos = new string[sentences.Length][];
        var upos = new string[sentences.Length][];
        for (int k = 0; k < sentences.Length; k++)
        {
            var labels = new int[sentences[k].Length];
            tagger.Tag(text, sentences[k], labels);
            xpos[k] = labels.Select(l => tagger.Xpos[l]).ToArray();
            upos[k] = labels.Select(l => tagger.Upos[l]).ToArray();
        }
        return new Prepared(text, sentences, xpos, upos);
    }

    private static void Report(string what, (long Passes, TimeSpan Elapsed, TimeSpan Cpu) m, long tokensPerPass)
    {
        double t = m.Passes * tokensPerPass;
        Console.WriteLine($"{what}: {t / m.Elapsed.TotalSeconds,12:N0} tokens/s wall, {t / m.Cpu.TotalSeconds,12:N0} tokens per CPU-second");
    }

    /// <summary>Passes until the time budget is used; wall and process CPU time (the steadier figure on a shared machine).</summary>
    private static (long Passes, TimeSpan Elapsed, TimeSpan Cpu) Measure(double seconds, Action pass)
    {
        pass();
        using var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        long passes = 0;
        do { pass(); passes++; } while (sw.Elapsed.TotalSeconds < seconds);
        process.Refresh();
        return (passes, sw.Elapsed, process.TotalProcessorTime - cpuStart);
    }
}
