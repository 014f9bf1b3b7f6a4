using System.CommandLine;
using Spectre.Console;
using Tidings.Extract.Quotes;
using Tidings.Storage;

namespace Tidings.Cli.Commands;

/// <summary>`tidings quotes`: who said what, across the stored articles.</summary>
internal static class QuotesCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var speaker = new Option<string?>("--speaker") { Description = "only quotes whose speaker name contains this (case-insensitive)" };
        var article = new Option<string?>("--article") { Description = "only this article (id or unique prefix)" };
        var limit = new Option<int>("--limit") { Description = "articles to read when no --article is given (newest first)", DefaultValueFactory = _ => 1000 };
        var cmd = new Command("quotes", "Quotations and reported speech with their speakers and cues") { db, speaker, article, limit, json };
        cmd.SetAction(r => CommonOptions.Guard(() =>
        {
            using var store = new SqliteArticleStore(r.GetValue(db)!);
            EntityCommands.UpdateEntities(store);
            var ids = r.GetValue(article) is { } one ? [one] : store.List(new ArticleQuery { Limit = r.GetValue(limit) }).Select(a => a.Id).ToList();
            var rows = new List<(string Article, Quote Quote)>();
            foreach (var id in ids)
            {
                var a = store.Get(id) ?? throw new ArgumentException($"no article with id \"{id}\"");
                foreach (var q in a.Layers.Get<Quote>(QuoteStage.Layer) ?? [])
                {
                    if (q.Kind == "scare") continue;
                    if (r.GetValue(speaker) is { } name && q.Speaker?.Name.Contains(name, StringComparison.OrdinalIgnoreCase) != true) continue;
                    rows.Add((a.Id, q));
                }
            }
            if (r.GetValue(json))
            {
                JsonOutput.WriteArray(rows, (w, row) =>
                {
                    w.WriteString("article", row.Article);
                    w.WriteNumber("start", row.Quote.Start);
                    w.WriteNumber("end", row.Quote.End);
                    w.WriteString("text", row.Quote.Text);
                    w.WriteString("kind", row.Quote.Kind);
                    w.WriteString("cue", row.Quote.Cue?.Text);
                    w.WriteString("speaker", row.Quote.Speaker?.Text);
                    w.WriteString("speaker_name", row.Quote.Speaker?.Name);
                    w.WriteString("speaker_entity", row.Quote.Speaker?.Entity);
                    w.WriteString("channel", row.Quote.Channel);
                });
                return 0;
            }
            var table = new Table().AddColumn("speaker").AddColumn("cue").AddColumn("kind").AddColumn("what").AddColumn("article");
            foreach (var (id, q) in rows)
                table.AddRow(Markup.Escape(q.Speaker?.Name ?? "-"), Markup.Escape(q.Cue?.Text ?? "-"), q.Kind,
                    Markup.Escape(q.Text.Length > 140 ? q.Text[..140] + "…" : q.Text), id);
            AnsiConsole.Write(table);
            return 0;
        }));
        return cmd;
    }
}
