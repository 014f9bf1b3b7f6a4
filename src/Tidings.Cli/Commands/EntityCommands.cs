using System.CommandLine;
using Spectre.Console;
using Tidings.Storage;

namespace Tidings.Cli.Commands;

/// <summary>`tidings entities` and `tidings entity NAME`: the global entity table.</summary>
internal static class EntityCommands
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["person"] = "PERSON", ["org"] = "ORG", ["place"] = "LOC",
    };

    /// <summary>Links the articles ingested since the last run to the global entity table.</summary>
    public static void UpdateEntities(SqliteArticleStore store) => new SqliteEntityStore(store).Update();

    public static Command Entities()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var type = new Option<string?>("--type") { Description = "person, org or place" };
        type.AcceptOnlyFromAmong([.. Types.Keys]);
        var limit = new Option<int>("--limit") { Description = "at most this many entities", DefaultValueFactory = _ => 100 };
        var cmd = new Command("entities", "People, organizations and places across all articles, most reported first") { db, type, limit, json };
        cmd.SetAction(r => CommonOptions.Guard(() =>
        {
            using var store = new SqliteArticleStore(r.GetValue(db)!);
            UpdateEntities(store);
            var rows = new SqliteEntityStore(store).List(r.GetValue(type) is { } t ? Types[t] : null, limit: r.GetValue(limit));
            if (r.GetValue(json))
            {
                JsonOutput.WriteArray(rows, (w, e) =>
                {
                    w.WriteString("id", e.Id);
                    w.WriteString("type", e.Type);
                    w.WriteString("name", e.Name);
                    w.WriteString("acronym", e.Acronym);
                    w.WriteNumber("articles", e.Articles);
                    w.WriteNumber("mentions", e.Mentions);
                });
                return 0;
            }
            var table = new Table().AddColumn("name").AddColumn("type").AddColumn("acronym").AddColumn("articles").AddColumn("mentions").AddColumn("id");
            foreach (var e in rows)
                table.AddRow(Markup.Escape(e.Name), e.Type, Markup.Escape(e.Acronym ?? ""), e.Articles.ToString(), e.Mentions.ToString(), e.Id);
            AnsiConsole.Write(table);
            return 0;
        }));
        return cmd;
    }

    public static Command Entity()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var name = new Argument<string>("NAME") { Description = "an entity id, name or spelling (or part of one)" };
        var cmd = new Command("entity", "One entity: canonical name, spellings, roles, the articles that mention it and every quote") { name, db, json };
        cmd.SetAction(r => CommonOptions.Guard(() =>
        {
            using var store = new SqliteArticleStore(r.GetValue(db)!);
            UpdateEntities(store);
            var d = new SqliteEntityStore(store).Find(r.GetValue(name)!) ?? throw new ArgumentException($"no entity matches \"{r.GetValue(name)}\"");
            if (r.GetValue(json))
            {
                JsonOutput.WriteObject(w =>
                {
                    w.WriteString("id", d.Entity.Id);
                    w.WriteString("type", d.Entity.Type);
                    w.WriteString("name", d.Entity.Name);
                    w.WriteString("acronym", d.Entity.Acronym);
                    w.WriteStartArray("aliases");
                    foreach (var (alias, n) in d.Aliases) { w.WriteStartObject(); w.WriteString("alias", alias); w.WriteNumber("articles", n); w.WriteEndObject(); }
                    w.WriteEndArray();
                    w.WriteStartArray("roles");
                    foreach (var role in d.Roles) w.WriteStringValue(role);
                    w.WriteEndArray();
                    w.WriteStartArray("mentions");
                    foreach (var m in d.Mentions)
                    {
                        w.WriteStartObject();
                        w.WriteString("article", m.ArticleId); w.WriteNumber("start", m.Start); w.WriteNumber("end", m.End);
                        w.WriteString("text", m.Text); w.WriteNumber("confidence", m.Confidence); w.WriteString("evidence", m.Evidence);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteStartArray("quotes");
                    foreach (var (article, q) in d.Quotes)
                    {
                        w.WriteStartObject();
                        w.WriteString("article", article); w.WriteNumber("start", q.Start); w.WriteNumber("end", q.End);
                        w.WriteString("text", q.Text); w.WriteString("kind", q.Kind); w.WriteString("cue", q.Cue?.Text); w.WriteString("channel", q.Channel);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                });
                return 0;
            }
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(d.Entity.Name)}[/] ({d.Entity.Type}{(d.Entity.Acronym is { } a ? ", " + Markup.Escape(a) : "")})  {d.Entity.Id}");
            AnsiConsole.MarkupLine($"spellings: {Markup.Escape(string.Join(", ", d.Aliases.Select(x => $"{x.Alias} ({x.Articles})")))}");
            if (d.Roles.Count > 0) AnsiConsole.MarkupLine($"roles: {Markup.Escape(string.Join(", ", d.Roles))}");
            var mentions = new Table().AddColumn("article").AddColumn("mentions").AddColumn("as").AddColumn("link");
            foreach (var g in d.Mentions.GroupBy(m => m.ArticleId))
                mentions.AddRow(g.Key, g.Count().ToString(), Markup.Escape(string.Join(", ", g.Select(m => m.Text).Distinct())),
                    Markup.Escape($"{g.First().Evidence} ({g.First().Confidence:0.00})"));
            AnsiConsole.Write(mentions);
            if (d.Quotes.Count > 0)
            {
                var quotes = new Table().AddColumn("cue").AddColumn("kind").AddColumn("what").AddColumn("article");
                foreach (var (article, q) in d.Quotes)
                    quotes.AddRow(Markup.Escape(q.Cue?.Text ?? "-"), q.Kind, Markup.Escape(q.Text.Length > 140 ? q.Text[..140] + "…" : q.Text), article);
                AnsiConsole.Write(quotes);
            }
            return 0;
        }));
        return cmd;
    }
}
