using Microsoft.Data.Sqlite;
using Tidings.Ingest;
using Tidings.Pipeline;
using Tidings.Storage;

namespace Tidings.Tests.Storage;

public class SqliteArticleStoreTests
{
    private static IngestSummary Ingest(IArticleStore store, params string[] paths) =>
        new Ingestor(new ArticleFlow(new InputReader(), ArticlePipeline.CreateDefault()), store, batchSize: 2).Run(paths);

    [Fact]
    public void SamplesAreStoredAndReadBack()
    {
        using var dir = new TestData.TempDir();
        using var store = new SqliteArticleStore(dir.File("t.db"));
        var summary = Ingest(store, TestData.Samples);
        Assert.Equal(2, summary.Stored);
        var original = TestData.ReadOne(TestData.Sample000);
        var stored = store.Get(original.Id)!;
        Assert.Equal(original.Text, stored.Text);
        Assert.Equal(original.Body, stored.Body);
        Assert.Equal(original.Boilerplate, stored.Boilerplate);
        Assert.Equal(original.Dateline, stored.Dateline);
        Assert.Equal(original.Published, stored.Published);
        Assert.Equal(original.Outlet, stored.Outlet);
        Assert.Equal(original.Headline, stored.Headline);
        Assert.Equal(original.Layers.Get<Tidings.Extract.Times.TimeExpression>("times"), stored.Layers.Get<Tidings.Extract.Times.TimeExpression>("times"));
        Assert.NotEmpty(stored.Layers.Get<Tidings.Extract.Times.TimeExpression>("times")!);
        Assert.Equal(stored.Id, store.Get(original.Id[..6])!.Id); // unique prefix
        Assert.Null(store.Get("zzzzzz"));
    }

    [Fact]
    public void ReIngestingChangesNothing()
    {
        using var dir = new TestData.TempDir();
        using var store = new SqliteArticleStore(dir.File("t.db"));
        var first = Ingest(store, TestData.Samples, TestData.Fixture("feed-rss2.xml"), TestData.Fixture("news.warc.gz"));
        Assert.Equal(0, first.Unchanged);
        int count = store.Count();
        var sources = store.Sources(TestData.ReadOne(TestData.Sample000).Id).Count;
        var second = Ingest(store, TestData.Samples, TestData.Fixture("feed-rss2.xml"), TestData.Fixture("news.warc.gz"));
        Assert.Equal(0, second.Stored);
        Assert.Equal(0, second.Duplicates);
        Assert.Equal(first.Read, second.Unchanged);
        Assert.Equal(count, store.Count());
        Assert.Equal(sources, store.Sources(TestData.ReadOne(TestData.Sample000).Id).Count);
        Assert.Empty(store.CheckIntegrity());
    }

    [Fact]
    public void ExactDuplicateIsStoredOnceWithEverySource()
    {
        using var dir = new TestData.TempDir();
        // The same story under two names, one with different line endings and curly quotes made straight.
        File.Copy(TestData.Sample004, dir.File("geo.txt"));
        File.WriteAllText(dir.File("copy.txt"), File.ReadAllText(TestData.Sample004).Replace("\n", "\r\n").Replace('’', '\''));
        using var store = new SqliteArticleStore(dir.File("t.db"));
        var summary = Ingest(store, dir.File("geo.txt"), dir.File("copy.txt"));
        Assert.Equal(1, summary.Stored);
        Assert.Equal(1, summary.Duplicates);
        Assert.Equal(1, store.Count());
        var id = store.List(new ArticleQuery()).Single().Id;
        Assert.Equal([dir.File("geo.txt"), dir.File("copy.txt")], store.Sources(id).Select(s => s.Source).Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public void ListFiltersByOutletAndDate()
    {
        using var dir = new TestData.TempDir();
        using var store = new SqliteArticleStore(dir.File("t.db"));
        Ingest(store, TestData.Samples, TestData.Fixture("feed-rss2.xml"), TestData.Fixture("feed-atom.xml"));
        var geo = store.List(new ArticleQuery { Outlet = "geo news - world" });
        Assert.Equal(3, geo.Count);
        var day = store.List(new ArticleQuery { Since = new DateTimeOffset(2022, 12, 8, 0, 0, 0, TimeSpan.Zero), Until = new DateTimeOffset(2022, 12, 9, 0, 0, 0, TimeSpan.Zero) });
        // Sample 000; the first RSS item carries the same body, so it is the same article with a second source.
        var only = Assert.Single(day);
        Assert.Equal(2, only.Sources);
        Assert.Equal("UrduPoint / Pakistan Point News", only.Outlet);
        Assert.Equal(2, store.List(new ArticleQuery { Limit = 2 }).Count);
    }

    [Fact]
    public void SearchFindsWithHighlightedSnippets()
    {
        using var dir = new TestData.TempDir();
        using var store = new SqliteArticleStore(dir.File("t.db"));
        Ingest(store, TestData.Samples);
        var hit = Assert.Single(store.Search("Bannu"));
        Assert.Equal(TestData.ReadOne(TestData.Sample004).Id, hit.Id);
        Assert.Contains($"{SearchHit.MarkStart}Bannu{SearchHit.MarkEnd}", hit.Snippet);
        Assert.Equal(2, store.Search("\"State Department\"").Count);
        Assert.Single(store.Search("Taliban NOT Bannu"));
        Assert.Equal(2, store.Search("terror*").Count);
        Assert.Empty(store.Search("teaser")); // "Must Read" tail is not indexed as body
        Assert.Empty(store.Search("COAS"));
    }

    [Theory]
    [InlineData("AND")]
    [InlineData("\"unclosed")]
    [InlineData("Bannu)")]
    [InlineData("   ")]
    public void MalformedSearchQueryGivesAClearError(string query)
    {
        using var dir = new TestData.TempDir();
        using var store = new SqliteArticleStore(dir.File("t.db"));
        Ingest(store, TestData.Samples);
        var ex = Assert.Throws<SearchQueryException>(() => store.Search(query));
        Assert.DoesNotContain("   at ", ex.Message);
        Assert.Contains("query", ex.Message);
    }

    [Fact]
    public void SchemaIsVersioned()
    {
        using var dir = new TestData.TempDir();
        using (new SqliteArticleStore(dir.File("t.db"))) { }
        using var c = new SqliteConnection($"Data Source={dir.File("t.db")};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA user_version";
        Assert.Equal(4L, (long)cmd.ExecuteScalar()!); // 1: articles, 2: stories, 3: entities, 4: events
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)cmd.ExecuteScalar()!);
        cmd.CommandText = "PRAGMA user_version = 99";
        cmd.ExecuteNonQuery();
        c.Close();
        var ex = Assert.Throws<InvalidOperationException>(() => new SqliteArticleStore(dir.File("t.db")));
        Assert.Contains("newer Tidings", ex.Message);
    }

    /// <summary>
    /// A failure inside a batch's transaction (here a real SQLite trigger aborting the insert of one article)
    /// rolls back that batch whole; the batches before it stay, and the database stays consistent.
    /// </summary>
    [Fact]
    public void ExceptionMidBatchLeavesEarlierBatchesIntact()
    {
        using var dir = new TestData.TempDir();
        var db = dir.File("t.db");
        using (var setup = new SqliteArticleStore(db)) { }
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TRIGGER fail_on_fbi BEFORE INSERT ON articles WHEN NEW.title LIKE 'FBI%' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END";
            cmd.ExecuteNonQuery();
        }
        using var store = new SqliteArticleStore(db);
        // Batches of 2: [000, 004], [rss 1 (a copy of 000), rss 2], [rss 3 (FBI, fails), rss 4].
        var ex = Assert.Throws<SqliteException>(() => Ingest(store, TestData.Samples, TestData.Fixture("feed-rss2.xml")));
        Assert.Contains("disk on fire", ex.Message);
        Assert.Equal(3, store.Count());
        Assert.Empty(store.Search("Bannu AND hostage AND stepped")); // the failed batch's second article is not there either
        Assert.Empty(store.CheckIntegrity());
        Assert.Equal([2, 1, 1], store.List(new ArticleQuery()).Select(a => a.Sources).OrderDescending());
    }
}
