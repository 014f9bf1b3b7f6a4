using System.Text.Json;
using Tidings.Storage;
using Tidings.Stories;

namespace Tidings.Tests.Stories;

public class StoryComparisonStoreTests
{
    [Fact]
    public void RebuildStoresEachStorysComparisonAndServesItOnlyForTheSameArticles()
    {
        using var dir = new TestData.TempDir();
        using var store = new SqliteArticleStore(Path.Combine(dir.Path, "t.db"));
        var a = TestData.ReadOne(TestData.Sample000);
        var b = TestData.ReadOne(TestData.Sample004);
        store.StoreBatch([a, b]);
        var stories = new SqliteStoryStore(store);
        stories.Rebuild();
        var record = stories.Get(a.Id)!;
        var comparisons = new StoryComparisonStore(store.Connection);

        var stored = comparisons.Get(record);
        Assert.NotNull(stored);
        Assert.Equal(JsonSerializer.Serialize(CoverageComparer.Compare(stories.Articles(record))), JsonSerializer.Serialize(stored));
        Assert.Contains(stored.Disagreements, d => d.Kind == "spelling");
        // Computed from other articles: not served.
        Assert.Null(comparisons.Get(record with { ArticleIds = [.. record.ArticleIds, "0123456789abcdef"] }));
        // The same stories again: kept, nothing computed; a story that is gone loses its comparison.
        Assert.Equal((1, 0), comparisons.Update([record], store.Get));
        Assert.Equal((0, 0), comparisons.Update([], store.Get));
        Assert.Null(comparisons.Get(record));
    }
}
