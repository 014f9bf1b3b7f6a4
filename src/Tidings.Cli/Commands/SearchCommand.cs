using System.CommandLine;
using System.Text;
using Spectre.Console;
using Tidings.Output;
using Tidings.Storage;

namespace Tidings.Cli.Commands;

internal static class SearchCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var query = new Argument<string>("query") { Description = "words, \"phrases\", AND/OR/NOT, prefix*" };
        var limit = new Option<int>("--limit") { Description = "at most this many hits", DefaultValueFactory = _ => 20 };
        var cmd = new Command("search", "Full-text search over headlines and bodies, with highlighted snippets") { query, db, limit, json };
        cmd.SetAction(r => CommonOptions.Guard(() =>
        {
            using var store = new SqliteArticleStore(r.GetValue(db)!);
            var hits = store.Search(r.GetValue(query)!, r.GetValue(limit));
            if (r.GetValue(json)) WriteJson(hits);
            else WriteTable(hits);
            return 0;
        }));
        return cmd;
    }

    private static void WriteJson(IReadOnlyList<SearchHit> hits) => JsonOutput.WriteArray(hits, (w, h) =>
    {
        w.WriteString("id", h.Id);
        w.WriteString("title", h.Title);
        w.WriteString("outlet", h.Outlet);
        Tidings.Output.JsonFields.Date(w, "published", h.Published);
        // Matched words are wrapped in [[ ]] in JSON, where control characters would be unfriendly.
        w.WriteString("snippet", h.Snippet.Replace(SearchHit.MarkStart.ToString(), "[[").Replace(SearchHit.MarkEnd.ToString(), "]]"));
        w.WriteNumber("score", Math.Round(-h.Score, 4));
    });

    private static void WriteTable(IReadOnlyList<SearchHit> hits)
    {
        if (hits.Count == 0)
        {
            AnsiConsole.MarkupLine("[grey]no matches[/]");
            return;
        }
        var table = new Table().AddColumn("id").AddColumn("outlet").AddColumn("headline and snippet");
        foreach (var h in hits)
            table.AddRow(h.Id, Markup.Escape(h.Outlet ?? "-"), $"[bold]{Markup.Escape(h.Title ?? "")}[/]\n{Highlight(h.Snippet)}");
        AnsiConsole.Write(table);
    }

    /// <summary>Escapes the snippet for Spectre markup and turns the match markers into highlights.</summary>
    public static string Highlight(string snippet)
    {
        var sb = new StringBuilder(snippet.Length + 32);
        bool open = false;
        foreach (char c in snippet)
        {
            switch (c)
            {
                case SearchHit.MarkStart when !open: sb.Append("[black on yellow]"); open = true; break;
                case SearchHit.MarkEnd when open: sb.Append("[/]"); open = false; break;
                case SearchHit.MarkStart or SearchHit.MarkEnd: break;
                case '[': sb.Append("[["); break;
                case ']': sb.Append("]]"); break;
                default: sb.Append(c); break;
            }
        }
        if (open) sb.Append("[/]");
        return sb.ToString();
    }
}
