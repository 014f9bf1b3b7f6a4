using System.CommandLine;
using Spectre.Console;
using Tidings.Output;
using Tidings.Storage;

namespace Tidings.Cli.Commands;

internal static class ShowCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var id = new Argument<string>("id") { Description = "article id (a unique prefix of at least 4 characters is enough)" };
        var boilerplate = new Option<bool>("--boilerplate") { Description = "also show what was removed from the body, and why" };
        var cmd = new Command("show", "Show one stored article: headline, outlet, place, date, author, URL and clean body") { id, db, json, boilerplate };
        cmd.SetAction(r => CommonOptions.Guard(() =>
        {
            using var store = new SqliteArticleStore(r.GetValue(db)!);
            var article = store.Get(r.GetValue(id)!);
            if (article is null)
            {
                Console.Error.WriteLine($"tidings: no article with id \"{r.GetValue(id)}\" (see `tidings articles`)");
                return 1;
            }
            var sources = store.Sources(article.Id);
            EntityCommands.UpdateEntities(store);
            new SqliteEntityStore(store).Attach(article);
            EventStoreCommands.UpdateEvents(store);
            new SqliteEventStore(store).AssignIds(article);
            if (r.GetValue(json))
            {
                Console.WriteLine(ArticleJsonWriter.ToJson(article, indented: true, sources, StoryCommands.LinkOf(store, article.Id)));
                return 0;
            }
            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
            void Row(string k, string? v) => grid.AddRow($"[grey]{k}[/]", Markup.Escape(v ?? "-"));
            Row("id", article.Id);
            Row("outlet", article.Outlet);
            Row("place", article.Dateline?.Place);
            Row("published", article.Published is { } p ? ArticleJsonWriter.FormatPublished(p) + (article.PublishedInferred ? " (inferred)" : "") : null);
            Row("author", article.Author);
            Row("url", article.Url);
            Row("sources", string.Join(", ", sources.Select(s => s.Source)));
            AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(article.HeadlineText)}[/]").LeftJustified());
            AnsiConsole.Write(grid);
            AnsiConsole.WriteLine();
            foreach (var span in article.Body)
            {
                AnsiConsole.WriteLine(span.Slice(article.Text));
                AnsiConsole.WriteLine();
            }
            if (article.Layers.Get<Extract.Times.TimeExpression>(Extract.Times.TimeStage.Layer) is { Count: > 0 } times)
            {
                var table = new Table().AddColumn("time").AddColumn("type").AddColumn("value").AddColumn("offsets");
                foreach (var t in times) table.AddRow(Markup.Escape(t.Text), t.Type, Markup.Escape(t.Value + (t.Mod is { } m ? $" ({m})" : "")), $"{t.Start}-{t.End}");
                AnsiConsole.Write(table);
            }
            if (article.Layers.Get<Extract.Places.PlaceMention>(Extract.Places.PlaceStage.Layer) is { Count: > 0 } places)
            {
                var table = new Table().AddColumn("place").AddColumn("resolved to").AddColumn("geonameid").AddColumn("lat, lon").AddColumn("offsets");
                foreach (var place in places)
                {
                    var where = string.Join(", ", new[] { place.Name, place.Admin1 == place.Name ? null : place.Admin1, place.Country }.OfType<string>());
                    table.AddRow(Markup.Escape(place.Text), Markup.Escape(where + (place.Metonymy ? " (government)" : "")),
                        place.GeonameId.ToString(), $"{place.Lat:0.###}, {place.Lon:0.###}", $"{place.Start}-{place.End}");
                }
                AnsiConsole.Write(table);
            }
            if (r.GetValue(boilerplate))
            {
                var table = new Table().AddColumn("removed").AddColumn("why");
                foreach (var b in article.Boilerplate) table.AddRow(Markup.Escape(b.Span.Slice(article.Text)), Markup.Escape(b.Reason));
                if (article.Dateline is { } d) table.AddRow(Markup.Escape(d.Text), "dateline (kept as metadata)");
                AnsiConsole.Write(table);
            }
            return 0;
        }));
        return cmd;
    }
}
