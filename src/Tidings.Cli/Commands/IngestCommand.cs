using System.CommandLine;
using Spectre.Console;
using Tidings.Ingest;
using Tidings.Pipeline;
using Tidings.Storage;

namespace Tidings.Cli.Commands;

internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = CommonOptions.Paths("files or directories to read (recursively); - reads standard input");
        var db = CommonOptions.Db();
        var maxSize = CommonOptions.MaxSize();
        var list = new Option<bool>("--list") { Description = "then print the table of stored articles (as `tidings articles`)" };
        var dictionaries = CommonOptions.Dictionaries();
        var cmd = new Command("ingest", "Read articles (text, HTML, RSS/Atom, JSON Lines, WARC), clean them and store them") { paths, db, maxSize, list, dictionaries };
        cmd.SetAction(r => CommonOptions.Guard(() =>
        {
            var coding = CommonOptions.EventCoding(r.GetValue(dictionaries));
            using var store = new SqliteArticleStore(r.GetValue(db)!);
            var summary = Run(store, r.GetValue(paths)!, r.GetValue(maxSize), coding);
            PrintSummary(summary);
            if (r.GetValue(list)) ArticlesCommand.WriteTable(store.List(new ArticleQuery()), store.Count());
            StoryCommands.UpdateStories(store);
            EntityCommands.UpdateEntities(store);
            EventStoreCommands.UpdateEvents(store);
            return summary.Read == 0 && summary.Skipped.Count > 0 ? 1 : 0;
        }));
        return cmd;
    }

    public static IngestSummary Run(IArticleStore store, IReadOnlyList<string> paths, long maxSize, Tidings.Extract.Events.EventCodingOptions? coding = null)
    {
        var flow = new ArticleFlow(new InputReader(new ReaderOptions { MaxBytes = maxSize }), ArticlePipeline.CreateDefault(coding));
        var ingestor = new Ingestor(flow, store);
        if (Console.IsOutputRedirected || Console.IsErrorRedirected)
            return ingestor.Run(paths, new PlainProgress());
        IngestSummary? summary = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("ingesting", maxValue: 1);
                summary = ingestor.Run(paths, new Progress<IngestProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.BytesTotal);
                    task.Value = p.BytesDone;
                    task.Description = $"{p.Articles} articles, {p.InputsDone}/{p.InputsTotal} inputs";
                }));
                task.Value = task.MaxValue;
            });
        return summary!;
    }

    /// <summary>One line per finished input on standard error, for logs and pipes.</summary>
    private sealed class PlainProgress : IProgress<IngestProgress>
    {
        private int _lastInputs = -1;

        public void Report(IngestProgress p)
        {
            if (p.InputsDone == _lastInputs) return;
            _lastInputs = p.InputsDone;
            Console.Error.WriteLine($"[{p.InputsDone}/{p.InputsTotal}] {p.Articles} articles read ({p.Current})");
        }
    }

    public static void PrintSummary(IngestSummary s)
    {
        var table = new Table().AddColumn("read").AddColumn("stored").AddColumn("duplicates").AddColumn("unchanged").AddColumn("skipped").AddColumn("time");
        table.AddRow($"{s.Read}", $"{s.Stored}", $"{s.Duplicates}", $"{s.Unchanged}", $"{s.Skipped.Count}", $"{s.Elapsed.TotalSeconds:0.00} s");
        AnsiConsole.Write(table);
        if (s.Skipped.Count == 0) return;
        var skipped = new Table().AddColumn("skipped input").AddColumn("reason");
        foreach (var p in s.Skipped) skipped.AddRow(Markup.Escape(p.Source), Markup.Escape(p.Reason));
        AnsiConsole.Write(skipped);
    }
}
