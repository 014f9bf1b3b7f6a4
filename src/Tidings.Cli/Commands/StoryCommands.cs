using System.CommandLine;
using Tidings.Stories;

namespace Tidings.Cli.Commands;

/// <summary>Story commands: training, evaluation (registered under `eval`), and the stories/story views.</summary>
internal static partial class StoryCommands
{
    public static Command Train()
    {
        var train = new Command("train", "Learn models from gold data (reproduces the files shipped in the library)");
        var gold = new Option<string>("--gold") { Description = "JSON Lines articles with a gold `story` field (e.g. allsides-dev.jsonl)", Required = true };
        var output = new Option<string>("--out") { Description = "where to write the model (JSON)", Required = true };
        var stories = new Command("stories", "Learn the same-story clustering model on the training half of the gold stories") { gold, output };
        stories.SetAction(r => CommonOptions.Guard(() =>
        {
            var data = StoryEvaluation.LoadGold(r.GetValue(gold)!, StoryEvaluation.Split.Train);
            var result = StoryTrainer.Train(data, Console.WriteLine);
            File.WriteAllText(r.GetValue(output)!, result.Model.ToJson() + "\n");
            Console.WriteLine($"weights: {string.Join(", ", StoryModel.FeatureNames.Zip(result.Model.Weights, (n, w) => $"{n} {w:0.###}"))}");
            Console.WriteLine($"wrote {r.GetValue(output)}");
            return 0;
        }));
        train.Add(stories);

        var corpus = CommonOptions.Paths("directories or files of plain-text news articles");
        var idfOut = new Option<string>("--out") { Description = "where to write the table (gzip TSV)", Required = true };
        var idf = new Command("idf", "Count word document frequencies over a news corpus (the prior table behind TF-IDF)") { corpus, idfOut };
        idf.SetAction(r => CommonOptions.Guard(() =>
        {
            var files = r.GetValue(corpus)!.SelectMany<string, string>(p => Directory.Exists(p)
                ? Directory.EnumerateFiles(p, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [p]).ToList();
            using var fs = File.Create(r.GetValue(idfOut)!);
            using var gz = new System.IO.Compression.GZipStream(fs, System.IO.Compression.CompressionLevel.SmallestSize);
            using var w = new StreamWriter(gz) { NewLine = "\n" };
            int terms = TermStatistics.WriteTable(files.Select(File.ReadAllText), w);
            Console.WriteLine($"{files.Count} documents, {terms} terms -> {r.GetValue(idfOut)}");
            return 0;
        }));
        train.Add(idf);
        return train;
    }

    public static Command EvalStories()
    {
        var gold = new Option<string>("--gold") { Description = "JSON Lines articles with a gold `story` field", Required = true };
        var split = new Option<string>("--split") { Description = "dev (held-out stories, default), train or all", DefaultValueFactory = _ => "dev" };
        var noDates = new Option<bool>("--ignore-dates") { Description = "hide publication dates (text, names and places only)" };
        var dense = new Option<bool>("--dense") { Description = "fold all dates into a two-day cycle, as in a stream where many stories share a day" };
        var model = new Option<string?>("--model") { Description = "a model file from `tidings train stories` instead of the shipped one" };
        var cmd = new Command("stories", "Cluster gold-labelled articles in publication order; print BCubed and pairwise precision/recall/F1") { gold, split, noDates, dense, model };
        cmd.SetAction(r => CommonOptions.Guard(() =>
        {
            var which = r.GetValue(split) switch
            {
                "dev" => StoryEvaluation.Split.Dev,
                "train" => StoryEvaluation.Split.Train,
                "all" => StoryEvaluation.Split.All,
                var other => throw new ArgumentException($"--split: unknown split \"{other}\" (dev, train or all)"),
            };
            var m = r.GetValue(model) is { } path ? StoryModel.FromJson(File.ReadAllText(path)) : StoryModel.Default;
            var data = StoryEvaluation.LoadGold(r.GetValue(gold)!, which);
            var profiles = data.AsParallel().AsOrdered().Select(g => ArticleProfile.From(g.Article)).ToList();
            if (r.GetValue(dense)) profiles = StoryTrainer.Dense(profiles);
            var s = StoryEvaluation.Evaluate(profiles, data.Select(g => g.Story).ToList(), m, useDates: !r.GetValue(noDates));
            Console.WriteLine($"articles {s.Articles}  gold stories {s.GoldStories}  found stories {s.FoundStories}");
            Console.WriteLine($"BCubed    precision {100 * s.BCubedPrecision:0.0}  recall {100 * s.BCubedRecall:0.0}  F1 {100 * s.BCubedF1:0.0}");
            Console.WriteLine($"pairwise  precision {100 * s.PairPrecision:0.0}  recall {100 * s.PairRecall:0.0}  F1 {100 * s.PairF1:0.0}");
            return 0;
        }));
        return cmd;
    }

    public static Command EvalDedup()
    {
        var gold = new Option<string[]>("--corpus") { Description = "articles to copy: JSON Lines files, text files or directories (all articles are read)", Required = true, AllowMultipleArgumentsPerToken = true };
        var verbose = new Option<bool>("--verbose") { Description = "list the originals reported as copies" };
        var cmd = new Command("dedup", "Plant edited copies of real articles (new header, words changed, paragraph dropped); print recall per edit rate and false positives") { gold, verbose };
        cmd.SetAction(r => CommonOptions.Guard(() =>
        {
            var (articles, _) = ReadAll(r.GetValue(gold)!);
            var originals = articles.Where(a => a.Body.Count > 0).GroupBy(a => a.ContentHash).Select(g => g.First())
                .Select(a => (a.Id, a.BodyText)).ToList();
            var report = DedupEvaluation.Evaluate(originals);
            foreach (var rate in report.Rates)
                Console.WriteLine($"{rate.Edit,-48} found {rate.Found}/{rate.Planted}  recall {100 * rate.Recall:0.00}%");
            Console.WriteLine($"originals reported as copies: {report.Flagged.Count} of {report.Originals}; {report.GenuineCopies} genuinely near-identical " +
                $"(exact shingle Jaccard ≥ {MinHash.ConfirmThreshold:0.00}: re-editions, re-publications)");
            Console.WriteLine($"false positives: {report.FalsePositives} of {report.Originals} distinct originals reported as copies below the copy threshold ({100 * report.FalsePositiveRate:0.000}%)");
            if (r.GetValue(verbose))
                foreach (var f in report.Flagged)
                    Console.WriteLine($"  {f.Id} ~ {f.CopyOf}  index similarity {f.Reported:0.00}, exact {f.Exact:0.00}{(f.Genuine ? "" : "  FALSE POSITIVE")}");
            return 0;
        }));
        return cmd;
    }

    internal static (List<Tidings.Documents.Article> Articles, Tidings.Pipeline.IngestSummary Summary) ReadAll(IEnumerable<string> paths)
    {
        var summary = new Tidings.Pipeline.IngestSummary();
        var flow = new Tidings.Pipeline.ArticleFlow(new Tidings.Ingest.InputReader(), Tidings.Pipeline.ArticlePipeline.CreateDefault());
        var list = flow.Process(paths, summary).Where(x => x.Article is not null).Select(x => x.Article!).ToList();
        return (list, summary);
    }
}
