using System.CommandLine;
using Spectre.Console;
using Tidings.Output;
using Tidings.Storage;
using Tidings.Stories;

namespace Tidings.Cli.Commands;

internal static partial class StoryCommands
{
    /// <summary>Re-clusters the stored articles when some have no story yet (after an ingest).</summary>
    public const int AutoUpdateLimit = 20_000;

    public static void UpdateStories(SqliteArticleStore store)
    {
        var stories = new SqliteStoryStore(store);
        if (!stories.IsStale()) return;
        if (store.Count() > AutoUpdateLimit)
        {
            // Re-clustering a large store takes a while; `tidings stories` does it on demand.
            AnsiConsole.MarkupLine("[grey]stories not updated (large database): `tidings stories` updates them[/]");
            return;
        }
        int n = stories.Rebuild();
        AnsiConsole.MarkupLine($"[grey]{n} stories over {store.Count()} articles[/]");
    }

    public static StoryLink? LinkOf(SqliteArticleStore store, string articleId) =>
        new SqliteStoryStore(store).StoryOf(articleId) is { } l ? new StoryLink(l.ArticleId, l.StoryId, l.CopyOf, l.Probability) : null;

    public static Command Stories()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var since = new Option<string?>("--since") { Description = "stories reported on or after this date (YYYY-MM-DD)" };
        var limit = new Option<int>("--limit") { Description = "at most this many rows", DefaultValueFactory = _ => 100 };
        var cmd = new Command("stories", "List stories (same event across outlets), most recent first") { db, since, limit, json };
        cmd.SetAction(r => CommonOptions.Guard(() =>
        {
            using var store = new SqliteArticleStore(r.GetValue(db)!);
            var stories = new SqliteStoryStore(store);
            if (stories.IsStale()) stories.Rebuild();
            var rows = stories.List(CommonOptions.ParseDateOption(r.GetValue(since), "--since"), r.GetValue(limit) is > 0 and var l ? l : throw new ArgumentException("--limit must be positive"));
            if (r.GetValue(json))
            {
                JsonOutput.WriteArray(rows, (w, s) =>
                {
                    w.WriteString("id", s.Id);
                    w.WriteString("headline", s.Headline);
                    WriteDate(w, "first_report", s.FirstReport);
                    WriteDate(w, "last_report", s.LastReport);
                    w.WriteStartArray("outlets");
                    foreach (var o in s.Outlets) w.WriteStringValue(o);
                    w.WriteEndArray();
                    w.WriteNumber("articles", s.Articles);
                });
                return 0;
            }
            var table = new Table().AddColumn("id").AddColumn("headline").AddColumn("outlets").AddColumn("articles").AddColumn("dates");
            foreach (var s in rows)
                table.AddRow(s.Id, Markup.Escape(s.Headline), Markup.Escape(string.Join(", ", s.Outlets)), $"{s.Articles}", Span(s.FirstReport, s.LastReport));
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"[grey]{rows.Count} of {stories.Count()} stories shown[/]");
            return 0;
        }));
        return cmd;
    }

    public static Command Story()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var id = new Argument<string>("id") { Description = "story id (a unique prefix of at least 4 characters), or the id of one of its articles" };
        var cmd = new Command("story", "One story side by side: summary, each outlet's shared and unique facts, its additions, and disagreements") { id, db, json };
        cmd.SetAction(r => CommonOptions.Guard(() =>
        {
            using var store = new SqliteArticleStore(r.GetValue(db)!);
            var stories = new SqliteStoryStore(store);
            if (stories.IsStale()) stories.Rebuild();
            var record = stories.Get(r.GetValue(id)!);
            if (record is null)
            {
                Console.Error.WriteLine($"tidings: no story with id \"{r.GetValue(id)}\" (see `tidings stories`)");
                return 1;
            }
            var comparison = CoverageComparer.Compare(stories.Articles(record));
            if (r.GetValue(json)) StoryJson.Write(record, comparison);
            else StoryView.Write(record, comparison);
            return 0;
        }));
        return cmd;
    }

    private static void WriteDate(System.Text.Json.Utf8JsonWriter w, string name, DateTimeOffset? d)
    {
        if (d is { } v) w.WriteString(name, ArticleJsonWriter.FormatPublished(v));
        else w.WriteNull(name);
    }

    internal static string Span(DateTimeOffset? first, DateTimeOffset? last)
    {
        if (first is not { } f) return "-";
        string a = f.UtcDateTime.ToString("yyyy-MM-dd");
        string b = (last ?? f).UtcDateTime.ToString("yyyy-MM-dd");
        return a == b ? a : $"{a} – {b}";
    }
}

/// <summary>The story in the terminal: columns per outlet, shared vs unique facts, disagreements highlighted.</summary>
internal static class StoryView
{
    public static void Write(StoryRecord s, StoryComparison c)
    {
        AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(s.Headline)}[/]").LeftJustified());
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string k, string v) => grid.AddRow($"[grey]{k}[/]", Markup.Escape(v));
        Row("story", s.Id);
        Row("dates", StoryCommands.Span(s.FirstReport, s.LastReport));
        Row("outlets", string.Join(", ", s.Outlets));
        Row("articles", $"{s.ArticleCount}" + (s.Copies.Count > 0 ? $" ({s.Copies.Count} copies)" : ""));
        Row("names", string.Join(", ", s.Entities.Select(e => e.Articles > 1 ? $"{e.Name} ×{e.Articles}" : e.Name)));
        if (s.Places.Count > 0) Row("places", string.Join(", ", s.Places));
        AnsiConsole.Write(grid);
        AnsiConsole.MarkupLine("[bold]summary[/]");
        foreach (var x in s.Summary) AnsiConsole.MarkupLine($"  {Markup.Escape(x.Text)} [grey]({x.ArticleId} {x.Start}-{x.End})[/]");
        var table = new Table().ShowRowSeparators().AddColumn("");
        foreach (var a in c.Articles) table.AddColumn(new TableColumn($"[bold]{Markup.Escape(a.Outlet ?? "?")}[/]\n[grey]{a.ArticleId}[/]"));
        table.AddRow(Cells("headline", c.Articles.Select(a => Markup.Escape(a.Headline))));
        table.AddRow(Cells("shared", c.Articles.Select(a => Facts(a.Shared, "green"))));
        table.AddRow(Cells("only here", c.Articles.Select(a => Facts(a.Unique, "yellow"))));
        table.AddRow(Cells("adds", c.Articles.Select(a => string.Join("\n", a.Additions.Select(x => "• " + Markup.Escape(Shorten(x.Text, 160)))))));
        AnsiConsole.Write(table);
        if (c.Disagreements.Count == 0)
        {
            AnsiConsole.MarkupLine("[grey]no disagreements found[/]");
            return;
        }
        var d = new Table().AddColumn("[red]disagreement[/]").AddColumn("values");
        foreach (var x in c.Disagreements)
            d.AddRow($"[red]{Markup.Escape(x.Kind)}[/]: {Markup.Escape(x.Slot)}",
                string.Join("\n", x.Values.Select(v => $"[bold red]{Markup.Escape(v.Text)}[/] [grey]({v.ArticleId} {v.Start}-{v.End})[/]")));
        AnsiConsole.Write(d);
    }

    private static string[] Cells(string label, IEnumerable<string> values) => [$"[grey]{label}[/]", .. values];

    private static string Facts(IReadOnlyList<Fact> facts, string color) =>
        string.Join("\n", facts.GroupBy(f => f.Kind).Select(g => $"[grey]{g.Key}s:[/] " +
            string.Join("; ", g.Select(f => $"[{color}]{Markup.Escape(Shorten(f.Text, 80))}[/]"))));

    private static string Shorten(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}

/// <summary>The story as JSON: the record, and the comparison with provenance spans.</summary>
internal static class StoryJson
{
    public static void Write(StoryRecord s, StoryComparison c)
    {
        using var stdout = Console.OpenStandardOutput();
        using var w = new System.Text.Json.Utf8JsonWriter(stdout, ArticleJsonWriter.IndentedOptions);
        w.WriteStartObject();
        StoryJsonWriter.WriteRecordFields(w, s);
        StoryJsonWriter.WriteComparisonFields(w, c);
        w.WriteEndObject();
        w.Flush();
        stdout.WriteByte((byte)'\n');
    }
}
