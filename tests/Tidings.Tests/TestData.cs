using Tidings.Documents;
using Tidings.Ingest;
using Tidings.Pipeline;

namespace Tidings.Tests;

/// <summary>Paths to the repository's samples and fixtures, and one-line helpers to read them through the pipeline.</summary>
public static class TestData
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Samples => Path.Combine(RepoRoot, "samples");

    public static string Sample000 => Path.Combine(Samples, "000_bfbcfde380c491a7.txt");

    public static string Sample004 => Path.Combine(Samples, "004_2942939cbf4b7cb5.txt");

    /// <summary>The PETRARCH dictionaries under ../shared (MIT-licensed but kept out of the repository); null when absent.</summary>
    public static string? PetrarchDictionaries
    {
        get
        {
            string path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "dictionaries", "petrarch"));
            return Directory.Exists(path) ? path : null;
        }
    }

    public static string Fixture(string name) => Path.Combine(RepoRoot, "tests", "Tidings.Tests", "Fixtures", name);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tidings.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (Tidings.sln)");
    }

    /// <summary>Reads a file and runs the default pipeline; returns articles and problems.</summary>
    public static (List<Article> Articles, List<IngestProblem> Problems) Read(string path, ReaderOptions? options = null)
    {
        var reader = new InputReader(options);
        var pipeline = ArticlePipeline.CreateDefault();
        var articles = new List<Article>();
        var problems = new List<IngestProblem>();
        foreach (var (input, problem) in InputReader.Enumerate([path]))
        {
            if (problem is not null) { problems.Add(problem); continue; }
            foreach (var r in reader.Read(input!))
            {
                if (r.Article is { } a) articles.Add(pipeline.Process(a));
                else problems.Add(r.Problem!);
            }
        }
        return (articles, problems);
    }

    public static Article ReadOne(string path)
    {
        var (articles, problems) = Read(path);
        Assert.Empty(problems);
        return Assert.Single(articles);
    }

    public static Article FromText(string text)
    {
        var a = new Article(text, "test", ArticleFormat.PlainText) { HeadlineInText = true };
        return ArticlePipeline.CreateDefault().Process(a);
    }

    /// <summary>A fresh temporary directory, deleted when disposed.</summary>
    public sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("tidings-test-").FullName;

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose()
        {
            try { Directory.Delete(Path, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
