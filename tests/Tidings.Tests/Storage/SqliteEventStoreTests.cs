using Tidings.Documents;
using Tidings.Extract.Events;
using Tidings.Pipeline;
using Tidings.Storage;
using Tidings.Tests.Extract;

namespace Tidings.Tests.Storage;

public class SqliteEventStoreTests
{
    /// <summary>The two samples with hand-made mentions, stored, with stories (and so events) built.</summary>
    private static (Article A, Article B) StoreSamples(SqliteArticleStore store)
    {
        var a = TestData.ReadOne(TestData.Sample000);
        var b = TestData.ReadOne(TestData.Sample004);
        EventSamples.AddSharedCooperation(a, b);
        store.StoreBatch([a, b]);
        new SqliteStoryStore(store).Rebuild();
        return (a, b);
    }

    private static long Scalar(SqliteArticleStore store, string sql)
    {
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }

    [Fact]
    public void MentionsRoundTripAndMergeAcrossTheStory()
    {
        using var dir = new TestData.TempDir();
        using var store = new SqliteArticleStore(dir.File("t.db"));
        var (a, b) = StoreSamples(store);
        var stored = store.Get(b.Id)!;
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(b.Layers.Get<EventMention>(EventStage.Layer)),
            System.Text.Json.JsonSerializer.Serialize(stored.Layers.Get<EventMention>(EventStage.Layer)));
        Assert.Equal(3, Scalar(store, "SELECT count(*) FROM event_mentions"));
        var events = new SqliteEventStore(store);
        Assert.False(events.IsStale());
        Assert.Equal(2, events.Count());

        var shared = Assert.Single(events.List(new EventQuery { Type = "cooperate" }));
        Assert.Equal((2, 2, 2), (shared.Mentions, shared.Articles, shared.Outlets));
        var reports = events.Reports(shared.Id);
        Assert.Equal([a.Id, b.Id], reports.Select(r => r.ArticleId).Order());
        var fromB = reports.Single(r => r.ArticleId == b.Id);
        Assert.Equal("partnership", b.Text[fromB.Mention.Start..fromB.Mention.End]);
        Assert.True(fromB.Lead);
        Assert.Equal(b.Url, fromB.Url);

        events.AssignIds(stored);
        Assert.Equal(shared.Id, stored.Layers.Get<EventMention>(EventStage.Layer)![0].Event);
        var story = new SqliteStoryStore(store).StoryOf(a.Id)!.StoryId;
        Assert.Equal(2, events.List(new EventQuery { StoryId = story }).Count);
        Assert.Equal(shared.Id, Assert.Single(events.List(new EventQuery { Actor = "usa" })).Id);
        Assert.Equal("COERCE", Assert.Single(events.List(new EventQuery { Since = "2022-12-10" })).Plover);
        Assert.Equal(shared.Id, Assert.Single(events.List(new EventQuery { ArticleId = a.Id })).Id);
        Assert.Equal(shared.Id, Assert.Single(events.Get(shared.Id)!.Reports, r => r.ArticleId == a.Id).Mention.Event);
    }

    [Fact]
    public void EntityFilterFindsEventsWhoseActorsMentionTheEntity()
    {
        using var dir = new TestData.TempDir();
        using var store = new SqliteArticleStore(dir.File("t.db"));
        var (_, b) = StoreSamples(store);
        new SqliteEntityStore(store).Update();
        var target = b.Layers.Get<EventMention>(EventStage.Layer)![0].Target!;
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = $"SELECT entity_id FROM entity_mentions WHERE article_id = '{b.Id}' AND start >= {target.Start} AND end <= {target.End}";
        var pakistan = (string)cmd.ExecuteScalar()!;
        var found = new SqliteEventStore(store).List(new EventQuery { EntityId = pakistan });
        Assert.Contains(found, e => e.Plover == "COOPERATE");
        Assert.DoesNotContain(found, e => e.Plover == "COERCE");
    }

    [Fact]
    public void SyndicatedCopyCountsAsAnOutletButNotAnIndependentOne()
    {
        using var dir = new TestData.TempDir();
        using var store = new SqliteArticleStore(dir.File("t.db"));
        var a = TestData.ReadOne(TestData.Sample000);
        var b = TestData.ReadOne(TestData.Sample004);
        // Another outlet reprints sample 000 under its own header.
        var copy = ArticlePipeline.CreateDefault().Process(new Article(
            "Reprinted by The Daily Copy.\n\n" + File.ReadAllText(TestData.Sample000), "copy.txt", ArticleFormat.PlainText)
        {
            Url = "https://dailycopy.example/us-pakistan", Outlet = "The Daily Copy",
        });
        EventSamples.AddSharedCooperation(a, b);
        EventSamples.Set(copy, EventSamples.Mention(copy, "work with", "COOPERATE", "030", 1, ("the United States", "USA"), ("Islamabad", "PAKGOV"), "2022-12-07"));
        store.StoreBatch([a, b, copy]);
        new SqliteStoryStore(store).Rebuild();
        Assert.Equal(a.Id, new SqliteStoryStore(store).StoryOf(copy.Id)!.CopyOf);
        var shared = Assert.Single(new SqliteEventStore(store).List(new EventQuery { Type = "COOPERATE" }));
        Assert.Equal((3, 3, 3, 2), (shared.Mentions, shared.Articles, shared.Outlets, shared.IndependentOutlets));
    }

    [Fact]
    public void FailedBatchLeavesNoMentionsBehind()
    {
        using var dir = new TestData.TempDir();
        using var store = new SqliteArticleStore(dir.File("t.db"));
        var a = TestData.ReadOne(TestData.Sample000);
        EventSamples.Set(a, EventSamples.Mention(a, "work with", "COOPERATE", "030", 1, ("the United States", "USA"), ("Islamabad", "PAKGOV"), "2022-12-07"));
        var broken = new Article("no id", "broken", ArticleFormat.PlainText);
        Assert.Throws<ArgumentException>(() => store.StoreBatch([a, broken]));
        Assert.Equal(0, store.Count());
        Assert.Equal(0, Scalar(store, "SELECT count(*) FROM event_mentions"));
        store.StoreBatch([a]);
        Assert.True(new SqliteEventStore(store).IsStale()); // stored, not merged yet
        Assert.Equal(1, new SqliteEventStore(store).Rebuild());
        Assert.Equal(1, Scalar(store, "SELECT count(*) FROM event_mentions WHERE event_id IS NOT NULL"));
    }
}
