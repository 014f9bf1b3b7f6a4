using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Tidings.Tests.Cli;
using Tidings.Web;

namespace Tidings.Tests.Web;

/// <summary>POST /api/v1/articles over HTTP: a valid article is stored and served; bad input is refused and stores nothing.</summary>
public sealed class SubmissionTests(SubmissionTests.SmallLimitFixture web) : IClassFixture<SubmissionTests.SmallLimitFixture>
{
    /// <summary>A 64 KB limit: an over-size body then fits the socket buffers, so the client reads the 413 instead of a reset.</summary>
    public sealed class SmallLimitFixture : WebFixture
    {
        public override WebServerOptions Options(string db) => new() { DatabasePath = db, Port = 0, MaxSubmissionBytes = 64 * 1024 };
    }

    public const string ScriptArticle = """
        Council approves <script>alert(1)</script> budget after long debate

        SPRINGFIELD: The city council approved the budget on Tuesday after a debate that lasted six hours, officials said.

        "This budget keeps every library open," said Mayor Ana Lopez, who proposed it in March.

        Critics said the plan <b>raises fees</b> for parking and leaves the roads unrepaired for another year.
        """;

    private async Task<int> ArticleCount()
    {
        var (_, page, _) = await web.GetJson("/api/v1/articles?limit=100");
        return page.GetProperty("items").GetArrayLength();
    }

    private async Task<(int Status, JsonElement Body)> Post(byte[] body, string type = "text/plain")
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        using var response = await web.Client.PostAsync("/api/v1/articles", content);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task A_valid_article_is_stored_indexed_and_escaped_on_its_page()
    {
        int before = await ArticleCount();
        var (status, body) = await Post(Encoding.UTF8.GetBytes(ScriptArticle));
        Assert.Equal(201, status);
        var stored = body.GetProperty("articles")[0];
        Assert.Equal("stored", stored.GetProperty("outcome").GetString());
        string id = stored.GetProperty("id").GetString()!;
        Assert.Equal(before + 1, await ArticleCount());
        var (_, article, _) = await web.GetJson($"/api/v1/articles/{id}");
        Assert.Contains("<script>alert(1)</script>", article.GetProperty("title").GetString() ?? article.GetProperty("text").GetString());
        var (pageStatus, html) = await web.GetPage($"/articles/{id}");
        Assert.Equal(200, pageStatus);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.Contains("&lt;b&gt;raises fees&lt;/b&gt;", html);
        // Searchable and counted at once; the same body again changes nothing.
        var (_, hits, _) = await web.GetJson("/api/v1/search?q=library");
        Assert.Contains(hits.GetProperty("items").EnumerateArray(), h => h.GetProperty("id").GetString() == id);
        var (again, repeat) = await Post(Encoding.UTF8.GetBytes(ScriptArticle));
        Assert.Equal(201, again);
        Assert.NotEqual("stored", repeat.GetProperty("articles")[0].GetProperty("outcome").GetString());
        Assert.Equal(before + 1, await ArticleCount());
    }

    [Fact]
    public async Task Malformed_input_gets_a_4xx_with_a_json_error_and_stores_nothing()
    {
        int before = await ArticleCount();
        var bad = new (byte[] Body, int Status)[]
        {
            ([], 400),
            ([0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x10, 0x80, 0x81, 0x00, 0x00, 0x7F], 422),
            ("{\"title\": \"half a JSON line\", \"text\": "u8.ToArray(), 422),
            ([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0x20, 0x61, 0x62], 422),
            (Encoding.UTF8.GetBytes("{\"title\":\"one\",\"text\":\"A fine first article with enough words to keep.\"}\n{\"title\": broken\n"), 422),
        };
        foreach (var (body, expected) in bad)
        {
            var (status, error) = await Post(body, "application/octet-stream");
            Assert.Equal(expected, status);
            Assert.False(string.IsNullOrEmpty(error.GetProperty("error").GetProperty("message").GetString()));
        }
        var (tooLarge, tooLargeError) = await Post(new byte[web.Server.Context.Options.MaxSubmissionBytes + 10]);
        Assert.Equal(413, tooLarge);
        Assert.Equal("too_large", tooLargeError.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(before, await ArticleCount());
    }
}

/// <summary>With --public every API call needs the key; pages stay readable.</summary>
public sealed class PublicServerTests(PublicServerTests.PublicFixture web) : IClassFixture<PublicServerTests.PublicFixture>
{
    public const string Key = "test-key-0123456789";

    public sealed class PublicFixture : IAsyncLifetime
    {
        public WebFixture Inner { get; } = new PublicWebFixture();

        public Task InitializeAsync() => Inner.InitializeAsync();

        public Task DisposeAsync() => Inner.DisposeAsync();
    }

    private sealed class PublicWebFixture : WebFixture
    {
        public override WebServerOptions Options(string db) => new() { DatabasePath = db, Port = 0, Public = true, ApiKey = Key };
    }

    [Theory]
    [InlineData(null, 401)]
    [InlineData("X-Api-Key: wrong", 401)]
    [InlineData("X-Api-Key: " + Key, 200)]
    [InlineData("Authorization: Bearer " + Key, 200)]
    public async Task Api_calls_need_the_key(string? header, int expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/articles");
        if (header is not null) request.Headers.TryAddWithoutValidation(header[..header.IndexOf(':')], header[(header.IndexOf(':') + 2)..]);
        using var response = await web.Inner.Client.SendAsync(request);
        Assert.Equal(expected, (int)response.StatusCode);
        if (expected == 401) Assert.Contains("api_key_required", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_key_the_cli_refuses_to_go_public()
    {
        var dir = Directory.CreateTempSubdirectory("tidings-public-").FullName;
        try
        {
            var r = await Task.Run(() => CliRunner.Run(dir, "serve", "--public", "--port", "0", "--db", Path.Combine(dir, "t.db")));
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("--public needs an API key", r.Stderr);
        }
        finally { Directory.Delete(dir, true); }
    }
}
