using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tidings.Web.Api;
using Tidings.Web.Pages;

namespace Tidings.Web;

public sealed record WebServerOptions
{
    public const int DefaultPort = 5080;
    public const string ApiKeyVariable = "TIDINGS_API_KEY";
    public const string ApiKeyHeader = "X-Api-Key";

    public required string DatabasePath { get; init; }

    /// <summary>0 picks a free port (tests).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Listen on every interface instead of 127.0.0.1 only; requires <see cref="ApiKey"/>.</summary>
    public bool Public { get; init; }

    public string? ApiKey { get; init; }

    /// <summary>Largest body <c>POST /api/v1/articles</c> accepts.</summary>
    public long MaxSubmissionBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>How submitted articles' events are coded (the user's dictionaries of <c>serve --dictionaries</c>).</summary>
    public Extract.Events.EventCodingOptions? EventCoding { get; init; }
}

/// <summary>
/// The HTTP server of <c>tidings serve</c>: Kestrel on 127.0.0.1 (every interface with --public and an API key), the JSON
/// API under /api/v1, the server-rendered pages, and the embedded styles. It never fails a request by dying: errors are
/// answered (JSON under /api, a page elsewhere) and the server goes on.
/// </summary>
public sealed class WebServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebServer(WebApplication app, WebContext context)
    {
        _app = app;
        Context = context;
    }

    public WebContext Context { get; }

    /// <summary>Where the server listens, e.g. http://127.0.0.1:5080.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public static async Task<WebServer> StartAsync(WebServerOptions options, CancellationToken cancel = default)
    {
        if (options.Public && string.IsNullOrEmpty(options.ApiKey))
            throw new ArgumentException($"--public needs an API key: --api-key KEY or the environment variable {WebServerOptions.ApiKeyVariable}");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(WebServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(options.Public ? IPAddress.Any : IPAddress.Loopback, options.Port);
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxSubmissionBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
        });
        var context = new WebContext(options);
        builder.Services.AddSingleton(context);
        // The caller decides when to stop (the CLI on Ctrl+C through its cancellation token, tests by disposing):
        // the host must not install signal handlers of its own beside System.CommandLine's.
        builder.Services.AddSingleton<IHostLifetime, CallerLifetime>();
        var app = builder.Build();
        var server = new WebServer(app, context);
        app.Use(server.Guard);
        ApiEndpoints.Map(app);
        PageEndpoints.Map(app);
        await app.StartAsync(cancel);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(address.Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "127.0.0.1"));
        return server;
    }

    public Task WaitForShutdownAsync(CancellationToken cancel) => _app.WaitForShutdownAsync(cancel);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Context.Dispose();
    }

    /// <summary>Security headers, the API key, and errors turned into answers.</summary>
    private async Task Guard(HttpContext http, RequestDelegate next)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // Only the server's own styles and script run: an injected <script> would not, even if it escaped escaping.
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
        bool api = IsApi(http.Request.Path);
        try
        {
            if (api && Context.Options.Public && !HasKey(http.Request))
                throw new Data.ApiProblem(401, "api_key_required", $"this server is public: send the API key in the {WebServerOptions.ApiKeyHeader} header or as a Bearer token");
            await next(http);
        }
        catch (Data.ApiProblem p) when (!http.Response.HasStarted)
        {
            await Reply(http, api, p.Status, p.Code, p.Message);
        }
        catch (BadHttpRequestException ex) when (!http.Response.HasStarted)
        {
            await Reply(http, api, ex.StatusCode, ex.StatusCode == 413 ? "too_large" : "bad_request", ex.Message);
        }
        catch (Exception ex) when (!http.Response.HasStarted && ex is not OperationCanceledException)
        {
            http.RequestServices.GetRequiredService<ILogger<WebServer>>().LogError(ex, "{Method} {Path} failed", http.Request.Method, http.Request.Path);
            await Reply(http, api, 500, "internal_error", "the server could not answer this request; it goes on serving others");
        }
    }

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private bool HasKey(HttpRequest request)
    {
        string? given = request.Headers[WebServerOptions.ApiKeyHeader].FirstOrDefault();
        if (given is null && request.Headers.Authorization.FirstOrDefault() is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            given = auth[7..].Trim();
        return given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(Context.Options.ApiKey!));
    }

    private static Task Reply(HttpContext http, bool api, int status, string code, string message)
    {
        http.Response.Clear();
        http.Response.StatusCode = status;
        return api ? ApiReply.Error(http, status, code, message) : PageEndpoints.Error(http, status, message);
    }
}

/// <summary>A host lifetime that starts at once and leaves stopping to whoever started the server.</summary>
internal sealed class CallerLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
