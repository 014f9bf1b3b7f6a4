using System.IO.Compression;
using System.Text;
using Tidings.Ingest;
using Tidings.Pipeline;
using Tidings.Storage;

namespace Tidings.Tests.Ingest;

/// <summary>Every kind of bad input is reported with its name and reason, skipped, and costs nothing else.</summary>
public class BadInputTests
{
    private static IngestProblem SingleProblem(string path, ReaderOptions? options = null)
    {
        var (articles, problems) = TestData.Read(path, options);
        Assert.Empty(articles);
        var p = Assert.Single(problems);
        Assert.Equal(path, p.Source.Split('#')[0].Split(':')[0]);
        return p;
    }

    [Fact]
    public void BinaryFile()
    {
        using var dir = new TestData.TempDir();
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        File.WriteAllBytes(dir.File("photo.txt"), bytes);
        Assert.Contains("binary", SingleProblem(dir.File("photo.txt")).Reason);
    }

    [Fact]
    public void PdfFile()
    {
        using var dir = new TestData.TempDir();
        File.WriteAllBytes(dir.File("report.html"), Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"));
        Assert.Contains("PDF", SingleProblem(dir.File("report.html")).Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  \t\n")]
    public void EmptyFile(string content)
    {
        using var dir = new TestData.TempDir();
        File.WriteAllText(dir.File("empty.txt"), content);
        Assert.Contains("empty", SingleProblem(dir.File("empty.txt")).Reason);
    }

    [Fact]
    public void InvalidUtf8()
    {
        using var dir = new TestData.TempDir();
        var bytes = Encoding.UTF8.GetBytes("Headline\n\nThe minister said talks would go on.").Concat(new byte[] { 0xC3, 0x28, 0xA0, 0xA1 }).ToArray();
        File.WriteAllBytes(dir.File("bad.txt"), bytes);
        var reason = SingleProblem(dir.File("bad.txt")).Reason;
        Assert.Contains("invalid UTF-8 at byte 46", reason);
    }

    [Fact]
    public void FileOverTheSizeLimit()
    {
        using var dir = new TestData.TempDir();
        File.WriteAllText(dir.File("big.txt"), "Headline\n\n" + new string('a', 5000));
        var reason = SingleProblem(dir.File("big.txt"), new ReaderOptions { MaxBytes = 2048 }).Reason;
        Assert.Contains("larger than the 2 KB limit", reason);
    }

    [Fact]
    public void DeeplyNestedHtml()
    {
        using var dir = new TestData.TempDir();
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "deep" + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>";
        File.WriteAllText(dir.File("deep.html"), html);
        Assert.Contains("nested more than", SingleProblem(dir.File("deep.html")).Reason);
    }

    [Fact]
    public void EnormousHtml()
    {
        using var dir = new TestData.TempDir();
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<span>x</span>", 400_000)) + "</body></html>";
        File.WriteAllText(dir.File("huge.html"), html);
        Assert.Contains("more than 300,000 elements", SingleProblem(dir.File("huge.html")).Reason);
    }

    [Fact]
    public void GzipBombIsCapped()
    {
        using var dir = new TestData.TempDir();
        using (var file = File.Create(dir.File("bomb.txt.gz")))
        using (var gz = new GZipStream(file, CompressionLevel.SmallestSize))
        {
            var block = Encoding.ASCII.GetBytes(new string('a', 1 << 20));
            for (int i = 0; i < 64; i++) gz.Write(block);
        }
        Assert.True(new FileInfo(dir.File("bomb.txt.gz")).Length < 1_000_000);
        var reason = SingleProblem(dir.File("bomb.txt.gz"), new ReaderOptions { MaxBytes = 4 << 20 }).Reason;
        Assert.Contains("larger than the 4 MB limit", reason);
    }

    [Fact]
    public void GzippedArticleIsRead()
    {
        using var dir = new TestData.TempDir();
        using (var file = File.Create(dir.File("000.txt.gz")))
        using (var gz = new GZipStream(file, CompressionLevel.Optimal))
            gz.Write(File.ReadAllBytes(TestData.Sample000));
        Assert.Equal("Washington", TestData.ReadOne(dir.File("000.txt.gz")).Dateline?.Place);
    }

    [Fact]
    public void TruncatedWarcKeepsTheRecordsBeforeIt()
    {
        using var dir = new TestData.TempDir();
        byte[] warc;
        using (var gz = new GZipStream(File.OpenRead(TestData.Fixture("news.warc.gz")), CompressionMode.Decompress))
        using (var ms = new MemoryStream()) { gz.CopyTo(ms); warc = ms.ToArray(); }
        int cut = Encoding.Latin1.GetString(warc).IndexOf("https://news.example.com/partner", StringComparison.Ordinal) + 400;
        File.WriteAllBytes(dir.File("cut.warc"), warc[..cut]);
        var (articles, problems) = TestData.Read(dir.File("cut.warc"));
        Assert.Equal(2, articles.Count);
        var p = Assert.Single(problems);
        Assert.EndsWith("#record 5", p.Source);
        Assert.Contains("truncated", p.Reason);

        // The same cut inside a gzip member.
        var gzBytes = File.ReadAllBytes(TestData.Fixture("news.warc.gz"));
        File.WriteAllBytes(dir.File("cut.warc.gz"), gzBytes[..(gzBytes.Length - 700)]);
        (articles, problems) = TestData.Read(dir.File("cut.warc.gz"));
        Assert.True(articles.Count >= 2);
        Assert.Contains("truncated", Assert.Single(problems).Reason);
    }

    [Fact]
    public void MissingPath()
    {
        var p = SingleProblem("/nonexistent/tidings/input.txt");
        Assert.Equal("no such file or directory", p.Reason);
    }

    /// <summary>A directory mixing good and bad inputs: the good ones are stored, each bad one is named.</summary>
    [Fact]
    public void MixedDirectoryIngestsTheGoodAndNamesTheBad()
    {
        using var dir = new TestData.TempDir();
        File.Copy(TestData.Sample000, dir.File("000.txt"));
        File.Copy(TestData.Sample004, dir.File("004.txt"));
        File.Copy(TestData.Fixture("articles.jsonl"), dir.File("articles.jsonl"));
        File.Copy(TestData.Fixture("feed-broken-item.xml"), dir.File("feed.xml"));
        File.WriteAllBytes(dir.File("binary.bin"), [0x00, 0x01, 0x02, 0xFF, 0x00]);
        File.WriteAllText(dir.File("empty.txt"), "");
        File.WriteAllText(dir.File("deep.html"), "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 2000)) + "</body></html>");
        using var dbDir = new TestData.TempDir();
        using var store = new SqliteArticleStore(dbDir.File("t.db"));
        var ingestor = new Ingestor(new ArticleFlow(new InputReader(), ArticlePipeline.CreateDefault()), store);
        var summary = ingestor.Run([dir.Path]);
        Assert.Equal(2 + 3 + 3, summary.Read);
        Assert.Equal(summary.Read, summary.Stored + summary.Duplicates);
        var skipped = summary.Skipped.Select(p => Path.GetFileName(p.Source)).Order().ToList();
        Assert.Equal(["articles.jsonl:3", "articles.jsonl:4", "binary.bin", "deep.html", "empty.txt", "feed.xml#item 3"], skipped);
        Assert.Empty(store.CheckIntegrity());
    }
}
