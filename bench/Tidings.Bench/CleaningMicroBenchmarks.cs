using BenchmarkDotNet.Attributes;
using Tidings.Documents;
using Tidings.Pipeline;

namespace Tidings.Bench;

/// <summary>Per-article cost of normalization and of the cleaning stages on the samples.</summary>
[MemoryDiagnoser]
public class CleaningMicroBenchmarks
{
    private string _text = "";
    private readonly ArticlePipeline _pipeline = ArticlePipeline.CreateDefault();

    [GlobalSetup]
    public void Setup()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Tidings.sln"))) root = Path.GetDirectoryName(root)!;
        _text = File.ReadAllText(Path.Combine(root, "samples", "004_2942939cbf4b7cb5.txt"));
    }

    [Benchmark]
    public int Normalize() => TextNormalizer.Normalize(_text).Text.Length;

    [Benchmark]
    public int CleaningStages() => _pipeline.Process(new Article(_text, "bench", ArticleFormat.PlainText) { HeadlineInText = true }).Body.Count;
}
