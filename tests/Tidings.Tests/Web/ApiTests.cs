using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Tidings.Tests.Web;

/// <summary>Every read endpoint of /api/v1 over real HTTP against the samples: filters, paging, ETags and errors.</summary>
public sealed class ApiTests(WebFixture web) : IClassFixture<WebFixture>
{
    private static List<string> Ids(JsonElement page, string field = "id") =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty(field).GetString()!).ToList();

    [Fact]
    public async Task Articles_are_paged_with_cursors_newest_first()
    {
        var (status, first, _) = await web.GetJson("/api/v1/articles?limit=1");
        Assert.Equal(200, status);
        Assert.Equal([web.Sample000Id], Ids(first));
        var next = first.GetProperty("next").GetString();
        Assert.NotNull(next);
        var (_, second, _) = await web.GetJson($"/api/v1/articles?limit=1&cursor={Uri.EscapeDataString(next)}");
        Assert.Equal([web.Sample004Id], Ids(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData("outlet=urdupoint%20/%20pakistan%20point%20news", "000")]
    [InlineData("entity=Bannu", "004")]
    [InlineData("place=bannu", "004")]
    [InlineData("since=2022-12-08&until=2022-12-08", "000")]
    [InlineData("since=2023-01-01", "")]
    [InlineData("entity=Ned%20Price", "000")]
    public async Task Articles_are_filtered_by_outlet_date_entity_and_place(string query, string expected)
    {
        var (status, page, _) = await web.GetJson("/api/v1/articles?" + query);
        Assert.Equal(200, status);
        var want = expected switch { "000" => new[] { web.Sample000Id }, "004" => [web.Sample004Id], _ => [] };
        Assert.Equal(want, Ids(page));
    }

    [Fact]
    public async Task An_article_has_its_annotations_with_offsets_into_its_text_and_its_provenance()
    {
        var (status, a, headers) = await web.GetJson($"/api/v1/articles/{web.Sample004Id}");
        Assert.Equal(200, status);
        Assert.NotNull(headers.ETag);
        var text = a.GetProperty("text").GetString()!;
        foreach (var layer in new[] { "entities", "quotes", "times" })
        {
            var items = a.GetProperty(layer).EnumerateArray().ToList();
            Assert.NotEmpty(items);
            foreach (var item in items)
                Assert.Equal(item.GetProperty("text").GetString(), text[item.GetProperty("start").GetInt32()..item.GetProperty("end").GetInt32()]);
        }
        Assert.NotEmpty(a.GetProperty("sentences").EnumerateArray());
        Assert.EndsWith("004_2942939cbf4b7cb5.txt", a.GetProperty("sources")[0].GetProperty("source").GetString());
        Assert.Equal(web.StoryId, a.GetProperty("story").GetString());
        // A unique prefix is enough, as on the command line.
        Assert.Equal(200, (await web.GetJson($"/api/v1/articles/{web.Sample004Id[..6]}")).Status);
    }

    [Fact]
    public async Task A_story_has_the_comparison_with_the_spelling_disagreement()
    {
        var (_, list, _) = await web.GetJson("/api/v1/stories");
        Assert.Equal([web.StoryId], Ids(list));
        Assert.Equal(2, list.GetProperty("items")[0].GetProperty("articles").GetInt32());
        var (status, story, _) = await web.GetJson($"/api/v1/stories/{web.StoryId}");
        Assert.Equal(200, status);
        var comparison = story.GetProperty("comparison");
        Assert.Equal(2, comparison.GetProperty("coverage").GetArrayLength());
        var spelling = comparison.GetProperty("disagreements").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "spelling"
            && d.GetProperty("slot").GetString()!.Contains("Tehrik"));
        var values = spelling.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("text").GetString()).ToList();
        Assert.Contains(values, v => v!.Contains("Tehrik-i-Taliban"));
        Assert.Contains(values, v => v!.Contains("Tehreek-i-Taliban"));
    }

    [Fact]
    public async Task Quotes_are_filtered_by_speaker_story_and_date()
    {
        var (_, byPrice, _) = await web.GetJson("/api/v1/quotes?speaker=Ned%20Price&limit=100");
        var quotes = byPrice.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(quotes);
        Assert.All(quotes, q => Assert.Equal("Ned Price", q.GetProperty("speaker").GetProperty("name").GetString()));
        Assert.Single(quotes.Select(q => q.GetProperty("speaker").GetProperty("entity").GetString()).Distinct());
        Assert.All(quotes, q => Assert.Equal(web.Sample000Id, q.GetProperty("article").GetString()));
        var (_, byStory, _) = await web.GetJson($"/api/v1/quotes?story={web.StoryId}&limit=100");
        Assert.Equal(2, byStory.GetProperty("items").EnumerateArray().Select(q => q.GetProperty("article").GetString()).Distinct().Count());
        var (_, later, _) = await web.GetJson("/api/v1/quotes?since=2022-12-09");
        Assert.Equal(0, later.GetProperty("items").GetArrayLength());
        // Paging visits every quote once.
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var (_, page, _) = await web.GetJson($"/api/v1/quotes?story={web.StoryId}&limit=3" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(q => q.GetProperty("article").GetString() + ":" + q.GetProperty("start").GetInt32()));
            cursor = page.GetProperty("next").GetString();
        } while (cursor is not null);
        Assert.Equal(byStory.GetProperty("items").GetArrayLength(), seen.Distinct().Count());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Entities_list_and_one_entity_with_aliases_roles_quotes_and_articles()
    {
        var (_, list, _) = await web.GetJson("/api/v1/entities?limit=5");
        Assert.Equal(5, list.GetProperty("items").GetArrayLength());
        var (_, next, _) = await web.GetJson("/api/v1/entities?limit=5&cursor=" + Uri.EscapeDataString(list.GetProperty("next").GetString()!));
        Assert.Empty(Ids(list, "key").Intersect(Ids(next, "key")));
        var (_, people, _) = await web.GetJson("/api/v1/entities?type=person&name=Ned");
        var price = people.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("Ned Price", price.GetProperty("name").GetString());
        // By id, or by a name as typed.
        var (status, e, _) = await web.GetJson("/api/v1/entities/" + Uri.EscapeDataString(price.GetProperty("key").GetString()!));
        Assert.Equal(200, status);
        Assert.Equal(200, (await web.GetJson("/api/v1/entities/Ned%20Price")).Status);
        Assert.Equal("Ned Price", e.GetProperty("name").GetString());
        Assert.NotEmpty(e.GetProperty("aliases").EnumerateArray());
        Assert.NotEmpty(e.GetProperty("quotes").EnumerateArray());
        Assert.Equal([web.Sample000Id], e.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList());
        Assert.Equal(web.StoryId, e.GetProperty("stories")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Places_and_search_with_snippets()
    {
        var (_, places, _) = await web.GetJson($"/api/v1/places?story={web.StoryId}&limit=100");
        Assert.Contains("bannu", Ids(places, "key"));
        var (status, hits, _) = await web.GetJson("/api/v1/search?q=Bannu");
        Assert.Equal(200, status);
        Assert.Equal([web.Sample004Id], Ids(hits));
        Assert.Contains("[[Bannu]]", hits.GetProperty("items")[0].GetProperty("snippet").GetString());
        var (_, filtered, _) = await web.GetJson("/api/v1/search?q=Pakistan&outlet=nowhere");
        Assert.Equal(0, filtered.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/v1/articles?limit=0", 400, "limit")]
    [InlineData("/api/v1/articles?limit=1000", 400, "limit")]
    [InlineData("/api/v1/articles?since=yesterday-ish", 400, "since")]
    [InlineData("/api/v1/articles?cursor=not-a-cursor", 400, "cursor")]
    [InlineData("/api/v1/stories?cursor=YXJ0aWNsZXMfMjAyMh8x", 400, "cursor")]
    [InlineData("/api/v1/search?q=%22unbalanced", 400, "q")]
    [InlineData("/api/v1/search", 400, "q")]
    [InlineData("/api/v1/articles/ffffffffffffffff", 404, "no article")]
    [InlineData("/api/v1/stories/nope", 404, "no story")]
    [InlineData("/api/v1/entities/nobody%20at%20all", 404, "no entity")]
    [InlineData("/api/v1/no-such-endpoint", 404, "no API endpoint")]
    public async Task Errors_are_json_with_a_status_and_a_message(string path, int expected, string mentions)
    {
        var (status, body, _) = await web.GetJson(path);
        Assert.Equal(expected, status);
        var error = body.GetProperty("error");
        Assert.Equal(expected, error.GetProperty("status").GetInt32());
        Assert.Contains(mentions, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Reads_carry_an_etag_and_answer_304_when_it_matches()
    {
        using var first = await web.Client.GetAsync("/api/v1/stories");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stories");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await web.Client.SendAsync(request);
        Assert.Equal(304, (int)second.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_endpoint()
    {
        var (status, doc, _) = await web.GetJson("/api/v1/openapi.json");
        Assert.Equal(200, status);
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString());
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var p in new[] { "/articles", "/articles/{id}", "/stories", "/stories/{id}", "/quotes", "/entities", "/entities/{key}", "/places", "/events", "/events/{id}", "/search" })
            Assert.Contains(p, paths);
        Assert.True(doc.GetProperty("paths").GetProperty("/articles").TryGetProperty("post", out _));
    }

    [Fact]
    public async Task The_server_survives_malformed_requests_and_keeps_serving()
    {
        foreach (var garbage in new[] { "GARBAGE\r\n\r\n", "GET /api/v1/articles HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
                     "GET / HTTP/1.1\r\n" + new string('X', 70_000) + ": y\r\n\r\n", "\0\0\0\0\r\n" })
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync("127.0.0.1", web.Address.Port);
            var stream = tcp.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(garbage));
            var buffer = new byte[512];
            try { await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10)); } catch (IOException) { }
        }
        Assert.Equal(400, (await web.GetPage("/api/v1/articles?since=%00")).Status);
        Assert.Equal(200, (await web.GetPage("/")).Status);
    }
}
