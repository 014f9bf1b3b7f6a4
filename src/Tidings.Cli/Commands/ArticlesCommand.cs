using System.CommandLine;
using Spectre.Console;
using Tidings.Output;
using Tidings.Storage;

namespace Tidings.Cli.Commands;

internal static class ArticlesCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var outlet = new Option<string?>("--outlet") { Description = "only this outlet (case-insensitive)" };
        var since = new Option<string?>("--since") { Description = "published on or after this date (YYYY-MM-DD)" };
        var until = new Option<string?>("--until") { Description = "published before the end of this date (YYYY-MM-DD)" };
        var limit = new Option<int>("--limit") { Description = "at most this many rows", DefaultValueFactory = _ => 100 };
        var cmd = new Command("articles", "List stored articles, newest first") { db, outlet, since, until, limit, json };
        cmd.SetAction(r => CommonOptions.Guard(() =>
        {
            var untilDate = CommonOptions.ParseDateOption(r.GetValue(until), "--until");
            var query = new ArticleQuery
            {
                Outlet = r.GetValue(outlet),
                Since = CommonOptions.ParseDateOption(r.GetValue(since), "--since"),
                // A bare date means "up to the end of that day".
                Until = untilDate is { } u && u.TimeOfDay == TimeSpan.Zero ? u.AddDays(1) : untilDate,
                Limit = r.GetValue(limit) is > 0 and var l ? l : throw new ArgumentException("--limit must be positive"),
            };
            using var store = new SqliteArticleStore(r.GetValue(db)!);
            var rows = store.List(query);
            if (r.GetValue(json)) WriteJson(rows);
            else WriteTable(rows, store.Count());
            return 0;
        }));
        return cmd;
    }

    private static void WriteJson(IReadOnlyList<ArticleSummary> rows) => JsonOutput.WriteArray(rows, (w, a) =>
    {
        w.WriteString("id", a.Id);
        w.WriteString("title", a.Title);
        w.WriteString("outlet", a.Outlet);
        Tidings.Output.JsonFields.Date(w, "published", a.Published);
        w.WriteBoolean("published_inferred", a.PublishedInferred);
        w.WriteString("url", a.Url);
        w.WriteNumber("sources", a.Sources);
    });

    internal static void WriteTable(IReadOnlyList<ArticleSummary> rows, int total)
    {
        var table = new Table().AddColumn("id").AddColumn("published").AddColumn("outlet").AddColumn("headline").AddColumn("sources");
        foreach (var a in rows)
            table.AddRow(a.Id, a.Published is { } p ? ArticleJsonWriter.FormatPublished(p) + (a.PublishedInferred ? "?" : "") : "-",
                Markup.Escape(a.Outlet ?? "-"), Markup.Escape(a.Title ?? "(no headline)"), $"{a.Sources}");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]{rows.Count} of {total} articles shown[/]");
    }
}
