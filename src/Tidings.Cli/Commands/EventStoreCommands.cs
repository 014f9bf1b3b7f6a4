using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tidings.Extract.Events;
using Tidings.Output;
using Tidings.Storage;

namespace Tidings.Cli.Commands;

/// <summary>`tidings events` (merged events, filtered) and `tidings export gdelt|plover|csv|jsonl`.</summary>
internal static class EventStoreCommands
{
    /// <summary>Merges the mentions stored since the last merge (stories not rebuilt: large database, or duplicates only).</summary>
    public static void UpdateEvents(SqliteArticleStore store)
    {
        var events = new SqliteEventStore(store);
        if (events.IsStale()) events.Rebuild();
    }

    private sealed record Filters(Option<string?> Actor, Option<string?> Type, Option<string?> Story, Option<string?> Since)
    {
        public static Filters Create() => new(
            new Option<string?>("--actor") { Description = "events whose source or target code starts with this (PAK, USAGOV…)" },
            new Option<string?>("--type") { Description = "a PLOVER event type (ASSAULT, CONSULT…)" },
            new Option<string?>("--story") { Description = "events of this story (id, unique prefix, or an article id)" },
            new Option<string?>("--since") { Description = "events dated on or after this day (YYYY-MM-DD)" });

        public void AddTo(Command cmd)
        {
            cmd.Add(Actor);
            cmd.Add(Type);
            cmd.Add(Story);
            cmd.Add(Since);
        }

        public EventQuery Query(ParseResult r, SqliteArticleStore store)
        {
            string? type = r.GetValue(Type) is { } t
                ? Enum.TryParse<PloverType>(t, ignoreCase: true, out var p) && !int.TryParse(t, out _) ? p.ToString()
                    : throw new ArgumentException($"--type: \"{t}\" is not a PLOVER type ({string.Join(", ", Enum.GetNames<PloverType>())})")
                : null;
            string? story = r.GetValue(Story) is { } s
                ? new SqliteStoryStore(store).Get(s)?.Id ?? throw new ArgumentException($"--story: no story \"{s}\"")
                : null;
            var since = CommonOptions.ParseDateOption(r.GetValue(Since), "--since");
            return new EventQuery
            {
                Actor = r.GetValue(Actor),
                Type = type,
                StoryId = story,
                Since = since?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
        }
    }

    public static Command Events()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var filters = Filters.Create();
        var limit = new Option<int>("--limit") { Description = "at most this many events", DefaultValueFactory = _ => 100 };
        var cmd = new Command("events", "Who did what to whom, when and where: events merged across reports, latest first") { db, limit, json };
        filters.AddTo(cmd);
        cmd.SetAction(r => CommonOptions.Guard(() =>
        {
            using var store = new SqliteArticleStore(r.GetValue(db)!);
            var events = new SqliteEventStore(store);
            UpdateEvents(store);
            var query = filters.Query(r, store) with { Limit = r.GetValue(limit) is > 0 and var l ? l : throw new ArgumentException("--limit must be positive") };
            var rows = events.List(query);
            if (r.GetValue(json))
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var e in rows) EventJsonWriter.WriteEvent(w, e, events.Reports(e.Id));
                    w.WriteEndArray();
                });
                return 0;
            }
            var table = new Table().AddColumn("date").AddColumn("type").AddColumn("source").AddColumn("target").AddColumn("place")
                .AddColumn("mentions").AddColumn("outlets").AddColumn("id");
            foreach (var e in rows)
                table.AddRow(e.Date ?? "-", $"{e.Plover} {e.Cameo}{(e.Flags.Count > 0 ? " (" + string.Join(", ", e.Flags) + ")" : "")}",
                    Markup.Escape(Actor(e.Source)), Markup.Escape(Actor(e.Target)), Markup.Escape(e.Place?.Name ?? "-"),
                    $"{e.Mentions} in {e.Articles}", $"{e.Outlets} ({e.IndependentOutlets} independent)", e.Id);
            AnsiConsole.Write(table);
            if (rows.Count == 0) AnsiConsole.MarkupLine("[grey]no events[/]");
            return 0;
        }));
        return cmd;
    }

    private static string Actor(EventActor? a) => a is null ? "-" : $"{a.Code ?? "?"} {a.Name ?? a.Text}";

    public static Command Export()
    {
        var export = new Command("export", "Write the stored events in an exchange format");
        var formats = new (string Name, string Description)[]
        {
            ("gdelt", "the GDELT 2.0 event table (61 tab-separated columns, no header) and its mentions table (--mentions)"),
            ("plover", "PLOVER/POLECAT records, one JSON object per line (field names of the PLOVER manual)"),
            ("csv", "one CSV row per event, with a header"),
            ("jsonl", "one JSON object per event with all its reports (docs/schema.md)"),
        };
        foreach (var (name, description) in formats) export.Add(ExportFormat(name, description));
        return export;
    }

    private static Command ExportFormat(string format, string description)
    {
        var db = CommonOptions.Db();
        var output = new Option<string?>("--out") { Description = "the file to write (default: standard output)" };
        var filters = Filters.Create();
        var cmd = new Command(format, description) { db, output };
        Option<string?>? mentions = null;
        if (format == "gdelt")
        {
            mentions = new Option<string?>("--mentions") { Description = "the mentions table's file (default with --out: FILE.mentions.tsv beside it)" };
            cmd.Add(mentions);
        }
        filters.AddTo(cmd);
        cmd.SetAction(r => CommonOptions.Guard(() =>
        {
            using var store = new SqliteArticleStore(r.GetValue(db)!);
            UpdateEvents(store);
            var events = new SqliteEventStore(store).All(filters.Query(r, store)).ToList();
            string? path = r.GetValue(output);
            using (var stream = path is null ? Console.OpenStandardOutput() : File.Create(path))
            {
                switch (format)
                {
                    case "gdelt":
                        WriteText(stream, w => GdeltExport.WriteEvents(w, events));
                        break;
                    case "plover":
                        EventExport.WritePlover(stream, events, DateTimeOffset.UtcNow);
                        break;
                    case "csv":
                        WriteText(stream, w => EventExport.WriteCsv(w, events));
                        break;
                    default:
                        EventExport.WriteJsonLines(stream, events);
                        break;
                }
            }
            if (mentions is not null)
            {
                string? mentionsPath = r.GetValue(mentions) ?? (path is null ? null : Path.ChangeExtension(path, null) + ".mentions.tsv");
                if (mentionsPath is null) Console.Error.WriteLine("tidings: the mentions table was not written (give --out or --mentions)");
                else
                {
                    using var stream = File.Create(mentionsPath);
                    WriteText(stream, w => GdeltExport.WriteMentions(w, events));
                }
            }
            if (path is not null) Console.Error.WriteLine($"{events.Count} events -> {path}");
            return 0;
        }));
        return cmd;
    }

    private static void WriteText(Stream stream, Action<TextWriter> write)
    {
        using var w = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        write(w);
    }
}
