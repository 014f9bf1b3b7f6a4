using System.CommandLine;
using System.Text.RegularExpressions;
using Spectre.Console;
using Tidings.Extract.Times;
using Tidings.Storage;

namespace Tidings.Cli.Commands;

/// <summary>`tidings timeline`: the dated mentions of one article, or of the latest articles, in calendar order.</summary>
internal static partial class TimelineCommand
{
    [GeneratedRegex(@"^\d{4}(?:-(?:\d{2}|Q\d|W\d{2}|SP|SU|FA|WI)(?:-\d{2})?)?")]
    private static partial Regex CalendarValue();

    public static Command Create()
    {
        var db = CommonOptions.Db();
        var article = new Option<string?>("--article") { Description = "only this article (id or unique prefix)" };
        var limit = new Option<int>("--limit") { Description = "articles to read when no --article is given", DefaultValueFactory = _ => 100 };
        var cmd = new Command("timeline", "Dated mentions (times resolved to calendar values) in calendar order") { db, article, limit };
        cmd.SetAction(r => CommonOptions.Guard(() =>
        {
            using var store = new SqliteArticleStore(r.GetValue(db)!);
            var ids = r.GetValue(article) is { } one ? [one] : store.List(new ArticleQuery { Limit = r.GetValue(limit) }).Select(a => a.Id).ToList();
            var rows = new List<(string Value, string Text, string Id, string Context)>();
            foreach (var id in ids)
            {
                var a = store.Get(id);
                if (a is null)
                {
                    Console.Error.WriteLine($"tidings: no article with id \"{id}\"");
                    return 1;
                }
                foreach (var t in a.Layers.Get<TimeExpression>(TimeStage.Layer) ?? [])
                {
                    if (t.Type is not ("DATE" or "TIME") || !CalendarValue().IsMatch(t.Value)) continue;
                    rows.Add((t.Value + (t.Mod is { } m ? $" ({m})" : ""), t.Text, a.Id, Context(a.Text, t.Start, t.End)));
                }
            }
            var table = new Table().AddColumn("when").AddColumn("mention").AddColumn("article").AddColumn("in");
            foreach (var row in rows.OrderBy(x => x.Value, StringComparer.Ordinal))
                table.AddRow(Markup.Escape(row.Value), Markup.Escape(row.Text), row.Id, Markup.Escape(row.Context));
            AnsiConsole.Write(table);
            return 0;
        }));
        return cmd;
    }

    /// <summary>The words around a mention, within its line.</summary>
    private static string Context(string text, int start, int end)
    {
        int from = Math.Max(text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1, start - 50);
        int nl = text.IndexOf('\n', end);
        int to = Math.Min(nl < 0 ? text.Length : nl, end + 50);
        return (from > 0 && text[from - 1] != '\n' ? "…" : "") + text[from..to].Trim() + (to < text.Length && text[to] != '\n' ? "…" : "");
    }
}
