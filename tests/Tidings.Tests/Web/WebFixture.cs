using System.Net.Http.Headers;
using System.Text.Json;
using Tidings.Ingest;
using Tidings.Pipeline;
using Tidings.Storage;
using Tidings.Web;

namespace Tidings.Tests.Web;

/// <summary>
/// A real server on a free port of 127.0.0.1 over a real SQLite database holding the two samples (ingested and clustered
/// as `tidings serve samples/` does), shared by the tests of a class. Requests go over HTTP with a plain HttpClient.
/// </summary>
public class WebFixture : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tidings-web-").FullName;
    private WebServer? _server;

    public string DatabasePath => Path.Combine(_dir, "web.db");

    public WebServer Server => _server ?? throw new InvalidOperationException("not started");

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public Uri Address => Server.Address;

    /// <summary>The id of sample 004 (no outlet, mentions Bannu and Tehreek) and of the story of both samples.</summary>
    public string Sample004Id { get; private set; } = "";

    public string Sample000Id { get; private set; } = "";

    public string StoryId { get; private set; } = "";

    public virtual WebServerOptions Options(string db) => new() { DatabasePath = db, Port = 0 };

    public async Task InitializeAsync()
    {
        using (var store = new SqliteArticleStore(DatabasePath))
        {
            var flow = new ArticleFlow(new InputReader(), ArticlePipeline.CreateDefault());
            new Ingestor(flow, store).Run([TestData.Samples]);
            new SqliteStoryStore(store).Rebuild();
            Sample000Id = store.List(new ArticleQuery()).Single(a => a.Outlet is not null).Id;
            Sample004Id = store.List(new ArticleQuery()).Single(a => a.Outlet is null).Id;
            StoryId = new SqliteStoryStore(store).StoryOf(Sample004Id)!.StoryId;
        }
        _server = await WebServer.StartAsync(Options(DatabasePath));
        Client.BaseAddress = _server.Address;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    public async Task<(int Status, JsonElement Body, HttpResponseHeaders Headers)> GetJson(string path)
    {
        using var response = await Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString() ?? "");
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response.Headers);
    }

    public async Task<(int Status, string Html)> GetPage(string path)
    {
        using var response = await Client.GetAsync(path);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
