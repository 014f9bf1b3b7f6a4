using System.Text.Json;
using Tidings.Extract.Events;
using Tidings.Storage;
using Tidings.Tests.Extract;
using Tidings.Web;

namespace Tidings.Tests.Web;

/// <summary>The samples as WebFixture stores them, then given hand-made event mentions (the event finder is separate).</summary>
public sealed class EventWebFixture : WebFixture
{
    /// <summary>A name with markup in it: pages must show it as text.</summary>
    public const string MarkupName = "<script>alert('x')</script> United States";

    public string SharedEventId { get; private set; } = "";

    public override WebServerOptions Options(string db)
    {
        using (var store = new SqliteArticleStore(db))
        {
            var a = store.Get(Sample000Id)!;
            var b = store.Get(Sample004Id)!;
            EventSamples.AddSharedCooperation(a, b);
            // The merged event shows the most specific source, sample 004's USAGOV.
            var mentions = b.Layers.Get<EventMention>(EventStage.Layer)!;
            EventSamples.Set(b, [mentions[0] with { Source = mentions[0].Source! with { Name = MarkupName } }, .. mentions.Skip(1)]);
            var events = new SqliteEventStore(store);
            events.Replace(a);
            events.Replace(b);
            events.Rebuild();
            SharedEventId = events.List(new EventQuery { Type = "COOPERATE" })[0].Id;
        }
        return base.Options(db);
    }
}

public sealed class EventWebTests(EventWebFixture web) : IClassFixture<EventWebFixture>
{
    private static List<string> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();

    [Fact]
    public async Task Events_are_filtered_and_paged_like_the_other_lists()
    {
        var (status, all, _) = await web.GetJson("/api/v1/events");
        Assert.Equal(200, status);
        Assert.Equal(2, Ids(all).Count);
        var (_, first, _) = await web.GetJson("/api/v1/events?limit=1");
        var (_, second, _) = await web.GetJson("/api/v1/events?limit=1&cursor=" + Uri.EscapeDataString(first.GetProperty("next").GetString()!));
        Assert.Equal(Ids(all), Ids(first).Concat(Ids(second)));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        Assert.Equal([web.SharedEventId], Ids((await web.GetJson("/api/v1/events?actor=PAK")).Body));
        Assert.Equal([web.SharedEventId], Ids((await web.GetJson("/api/v1/events?type=cooperate&story=" + web.StoryId)).Body));
        Assert.Equal([web.SharedEventId], Ids((await web.GetJson($"/api/v1/events?article={web.Sample000Id}")).Body));
        Assert.Single(Ids((await web.GetJson("/api/v1/events?since=2022-12-19&until=2022-12-19")).Body));
        Assert.Empty(Ids((await web.GetJson("/api/v1/events?since=2023-01-01")).Body));
        var (bad, error, _) = await web.GetJson("/api/v1/events?type=bombing");
        Assert.Equal(400, bad);
        Assert.Contains("type", error.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task One_event_lists_every_report_with_offsets()
    {
        var (status, e, _) = await web.GetJson("/api/v1/events/" + web.SharedEventId);
        Assert.Equal(200, status);
        Assert.Equal((2, 2), (e.GetProperty("mentions").GetInt32(), e.GetProperty("articles").GetInt32()));
        var reports = e.GetProperty("reports").EnumerateArray().ToList();
        Assert.Equal([web.Sample000Id, web.Sample004Id], reports.Select(r => r.GetProperty("article").GetString()).Order());
        Assert.All(reports, r => Assert.True(r.GetProperty("sentence_start").GetInt32() <= r.GetProperty("start").GetInt32()));
        Assert.Equal(404, (await web.GetJson("/api/v1/events/ev0000")).Status);
        var (_, doc, _) = await web.GetJson("/api/v1/openapi.json");
        Assert.True(doc.GetProperty("paths").TryGetProperty("/events", out _));
        Assert.True(doc.GetProperty("paths").TryGetProperty("/events/{id}", out _));
    }

    [Fact]
    public async Task Story_and_entity_pages_have_an_escaped_events_table_linking_to_sentences()
    {
        var (status, html) = await web.GetPage("/stories/" + web.StoryId);
        Assert.Equal(200, status);
        Assert.Contains("<h2>Events</h2>", html);
        Assert.Contains("COOPERATE", html);
        Assert.Contains("<code>USAGOV</code>", html);
        Assert.Contains("2 mentions in 2 articles", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;", html);
        var (_, e, _) = await web.GetJson("/api/v1/events/" + web.SharedEventId);
        var report = e.GetProperty("reports").EnumerateArray().First(r => r.GetProperty("article").GetString() == web.Sample004Id);
        Assert.Contains($"/articles/{web.Sample004Id}?hl={report.GetProperty("sentence_start").GetInt32()}-{report.GetProperty("sentence_end").GetInt32()}#hl", html);

        var (_, pakistan, _) = await web.GetJson("/api/v1/entities/Pakistan");
        var (entityStatus, entityHtml) = await web.GetPage("/entities/" + Uri.EscapeDataString(pakistan.GetProperty("key").GetString()!));
        Assert.Equal(200, entityStatus);
        Assert.Contains("<h2>Events</h2>", entityHtml);
        Assert.Contains("COOPERATE", entityHtml);
        Assert.DoesNotContain("COERCE", entityHtml); // the hostage taking names no Pakistan actor
    }
}
