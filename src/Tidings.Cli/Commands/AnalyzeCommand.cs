using System.CommandLine;
using System.Text.Json;
using Tidings.Ingest;
using Tidings.Output;
using Tidings.Pipeline;

namespace Tidings.Cli.Commands;

internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var paths = CommonOptions.Paths("files or directories to read; - reads standard input");
        var maxSize = CommonOptions.MaxSize();
        var tokens = new Option<bool>("--tokens") { Description = "also write every token with its part of speech, lemma, entity tag and dependency head and relation" };
        var noStories = new Option<bool>("--no-stories") { Description = "write each article as soon as it is analysed, without story ids (memory stays flat on any input size)" };
        var dictionaries = CommonOptions.Dictionaries();
        var cmd = new Command("analyze", "Run the pipeline without storing; write one JSON object per article (JSON Lines, see docs/schema.md)") { paths, maxSize, tokens, noStories, dictionaries };
        cmd.SetAction(r => CommonOptions.Guard(() =>
        {
            var summary = new IngestSummary();
            var flow = new ArticleFlow(new InputReader(new ReaderOptions { MaxBytes = r.GetValue(maxSize) }), ArticlePipeline.CreateDefault(CommonOptions.EventCoding(r.GetValue(dictionaries))));
            using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
            using var w = new Utf8JsonWriter(stdout, ArticleJsonWriter.CompactOptions);
            // The global entity table grows as the articles are written, in input order.
            var entities = new Tidings.Extract.Entities.EntityTable();
            void Write(Tidings.Documents.Article a, Tidings.Stories.StoryLink? story)
            {
                Tidings.Extract.Entities.EntityLinker.Link(a, entities);
                ArticleJsonWriter.Write(w, a, story: story, tokens: r.GetValue(tokens));
                w.Flush();
                w.Reset();
                stdout.WriteByte((byte)'\n');
            }
            var results = flow.Process(r.GetValue(paths)!, summary).Select(x => x.Article).OfType<Tidings.Documents.Article>();
            if (r.GetValue(noStories))
            {
                foreach (var a in results)
                {
                    // Without stories, each mention is an event of its own.
                    Tidings.Extract.Events.EventMerger.Assign([a], [null]);
                    Write(a, null);
                }
            }
            else
            {
                // Stories need the whole set: articles are clustered in publication order, then written in input order.
                // Tokens are only kept when they are to be written: they are most of an analysed article's memory.
                var articles = results.Select(a => r.GetValue(tokens) ? a : DropTokens(a)).ToList();
                var links = Tidings.Stories.StoryDating.ClusterAndAnchor(articles);
                Tidings.Extract.Events.EventMerger.Assign(articles, links);
                for (int i = 0; i < articles.Count; i++) Write(articles[i], links[i]);
            }
            stdout.Flush();
            foreach (var p in summary.Skipped) Console.Error.WriteLine($"skipped {p.Source}: {p.Reason}");
            return summary.Read == 0 && summary.Skipped.Count > 0 ? 1 : 0;
        }));
        return cmd;
    }

    private static Tidings.Documents.Article DropTokens(Tidings.Documents.Article a)
    {
        a.Layers.Set<Tidings.Language.Token>(Tidings.Language.LanguageStage.Tokens, []);
        return a;
    }
}
