using System.CommandLine;
using Spectre.Console;
using Tidings.Storage;
using Tidings.Web;

namespace Tidings.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "files or directories to ingest before serving (optional)", Arity = ArgumentArity.ZeroOrMore };
        var db = CommonOptions.Db();
        var maxSize = CommonOptions.MaxSize();
        var port = new Option<int>("--port") { Description = "TCP port (0 picks a free one)", DefaultValueFactory = _ => WebServerOptions.DefaultPort };
        var isPublic = new Option<bool>("--public") { Description = $"listen on every interface, not only 127.0.0.1; every API call then needs the API key" };
        var apiKey = new Option<string?>("--api-key") { Description = $"the key API calls must send (header {WebServerOptions.ApiKeyHeader}) with --public; default: ${WebServerOptions.ApiKeyVariable}" };
        var dictionaries = CommonOptions.Dictionaries();
        var cmd = new Command("serve", "Ingest the given inputs (if any), then serve the pages and the JSON API (/api/v1) on http://127.0.0.1:5080")
            { paths, db, maxSize, port, isPublic, apiKey, dictionaries };
        cmd.SetAction((r, cancel) => Task.FromResult(CommonOptions.Guard(() =>
        {
            string dbPath = r.GetValue(db)!;
            string? key = r.GetValue(apiKey) ?? Environment.GetEnvironmentVariable(WebServerOptions.ApiKeyVariable);
            if (r.GetValue(isPublic) && string.IsNullOrEmpty(key))
                throw new ArgumentException($"--public needs an API key: --api-key KEY or the environment variable {WebServerOptions.ApiKeyVariable}");
            var coding = CommonOptions.EventCoding(r.GetValue(dictionaries));
            if (r.GetValue(paths) is { Length: > 0 } inputs)
            {
                using var store = new SqliteArticleStore(dbPath);
                IngestCommand.PrintSummary(IngestCommand.Run(store, inputs, r.GetValue(maxSize), coding));
                StoryCommands.UpdateStories(store);
                EventStoreCommands.UpdateEvents(store);
            }
            Console.Error.WriteLine("indexing the articles for the pages…");
            var options = new WebServerOptions { DatabasePath = dbPath, Port = r.GetValue(port), Public = r.GetValue(isPublic), ApiKey = key, EventCoding = coding };
            var server = WebServer.StartAsync(options, cancel).GetAwaiter().GetResult();
            AnsiConsole.MarkupLine($"serving [bold]{Markup.Escape(dbPath)}[/] at [link]{server.Address}[/]  (API: {server.Address}api/v1/openapi.json; Ctrl+C stops)");
            AnsiConsole.MarkupLine(options.Public
                ? $"[yellow]public: listening on every interface; every API call needs the API key ({WebServerOptions.ApiKeyHeader} header or Bearer token)[/]"
                : "[grey]local only (127.0.0.1); --public with an API key listens on every interface[/]");
            try { server.WaitForShutdownAsync(cancel).GetAwaiter().GetResult(); }
            catch (OperationCanceledException) { }
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return 0;
        })));
        return cmd;
    }
}
