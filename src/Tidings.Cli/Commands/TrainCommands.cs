using System.CommandLine;
using System.Diagnostics;
using Tidings.Language;

namespace Tidings.Cli.Commands;

/// <summary>`tidings train pos|ner|lemma|sentences|parser --out FILE`: reproducible training (fixed seed) from the corpora.</summary>
internal static class TrainCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Pos();
        yield return Lemma();
        yield return Ner();
        yield return Sentences();
        yield return PlaceGazetteerCommand();
        yield return ActorCountriesCommand();
        yield return ParseCommands.Train();
        yield return EventCommands.TrainPlover();
    }

    private static Command PlaceGazetteerCommand()
    {
        var output = new Option<FileInfo>("--out") { Description = "Compressed gazetteer to write (the shipped one is models/gazetteer.tsv.br)", Required = true };
        var dir = new Option<DirectoryInfo>("--gazetteer") { Description = "GeoNames-derived directory (default: the shared gazetteer folder beside the project)", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "gazetteer")) };
        var cmd = new Command("gazetteer", "Build the place gazetteer (countries, first-level divisions, places with population ≥ 1000)") { output, dir };
        cmd.SetAction(parse => CommonOptions.Guard(() =>
        {
            var rows = Tidings.Extract.Places.GazetteerBuilder.Build(parse.GetRequiredValue(dir).FullName);
            var path = parse.GetRequiredValue(output).FullName;
            Tidings.Extract.Places.GazetteerBuilder.Save(rows, path);
            Log($"wrote {path} ({new FileInfo(path).Length / 1024} KiB, {rows.Count} entries)");
            return 0;
        }));
        return cmd;
    }

    private static Command ActorCountriesCommand()
    {
        var output = new Option<FileInfo>("--out") { Description = "Country table to write", DefaultValueFactory = _ => new FileInfo(Path.Combine("src", "Tidings", "Extract", "Events", "data", "countries.tsv")) };
        var countries = new Option<FileInfo>("--countries") { Description = "world-countries.json (default: the shared gazetteer folder beside the project)", DefaultValueFactory = _ => new FileInfo(Path.Combine("..", "shared", "gazetteer", "world-countries.json")) };
        var cmd = new Command("actors", "Build the actor coder's country table (ISO codes, names, demonyms, capitals)") { output, countries };
        cmd.SetAction(parse => CommonOptions.Guard(() =>
        {
            var rows = Tidings.Extract.Events.CountryTableBuilder.Build(parse.GetRequiredValue(countries).FullName);
            var path = parse.GetRequiredValue(output).FullName;
            Tidings.Extract.Events.CountryTableBuilder.Save(rows, path);
            Log($"wrote {path} ({rows.Count} countries)");
            return 0;
        }));
        return cmd;
    }

    private static Command Sentences()
    {
        var output = new Option<FileInfo>("--out") { Description = "Model file to write", Required = true };
        var corpora = LanguageCommands.CorporaOption();
        var iterations = new Option<int>("--iterations") { Description = "Training passes", DefaultValueFactory = _ => 8 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => LanguageTraining.DefaultSeed };
        var cmd = new Command("sentences", "Train the sentence-boundary model on UD EWT train + GUM train running text") { output, corpora, iterations, seed };
        cmd.SetAction(parse =>
        {
            var dir = LanguageCommands.CorporaDir(parse, corpora);
            var model = SentenceBoundaryModel.Train(LanguageTraining.SentenceTrainingTexts(dir), parse.GetValue(iterations), parse.GetValue(seed), Log);
            var path = parse.GetRequiredValue(output).FullName;
            ModelFile.Save(path, model.Write);
            Log($"wrote {path} ({new FileInfo(path).Length / 1024} KiB, {model.Model.FeatureCount} features)");
            return 0;
        });
        return cmd;
    }

    private static Command Ner()
    {
        var output = new Option<FileInfo>("--out") { Description = "Model file to write", Required = true };
        var corpora = LanguageCommands.CorporaOption();
        var gazetteer = new Option<DirectoryInfo>("--gazetteer") { Description = "Gazetteer directory (default: the shared gazetteer folder beside the project)", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "gazetteer")) };
        var petrarch = new Option<DirectoryInfo>("--petrarch") { Description = "PETRARCH dictionaries (default: the shared PETRARCH dictionaries beside the project)", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "dictionaries", "petrarch")) };
        var posModel = new Option<FileInfo>("--pos-model") { Description = "POS model providing UPOS features (default: the embedded model)" };
        var iterations = new Option<int>("--iterations") { Description = "Training passes", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => LanguageTraining.DefaultSeed };
        var data = new Option<string>("--data") { Description = "Training data: both (default), uner or gum", DefaultValueFactory = _ => "both" };
        var dump = new Option<FileInfo>("--dump-data") { Description = "Also write the training sentences as IOB2 (to inspect derived labels)" };
        var holdout = new Option<int>("--holdout") { Description = "Tuning: hold out every Nth UNER dev sentence and score on those (0 = off)", DefaultValueFactory = _ => 0 };
        var unerRepeat = new Option<int>("--uner-repeat") { Description = "Passes over UNER dev per iteration (weight of the in-domain data)", DefaultValueFactory = _ => 2 };
        var noStats = new Option<bool>("--no-word-stats") { Description = "Tuning: leave out the treebank word statistics" };
        var cmd = new Command("ner", "Train the entity recognizer on UNER EWT dev + GUM train entities") { output, corpora, gazetteer, petrarch, posModel, iterations, seed, data, dump, holdout, unerRepeat, noStats };
        cmd.SetAction(parse =>
        {
            var sw = Stopwatch.StartNew();
            var dir = LanguageCommands.CorporaDir(parse, corpora);
            var tagger = parse.GetValue(posModel) is { } m ? ModelFile.Load(m.FullName, PosTagger.Read) : LanguageAnalyzer.Default.PosTagger;
            var treebank = LanguageTraining.PosTrainingSentences(dir);
            var common = LanguageTraining.CommonWords(treebank);
            var wordStats = parse.GetValue(noStats) ? WordStats.Empty : WordStats.Build(treebank);
            Log($"word statistics: {wordStats.Count} forms");
            var gaz = Gazetteer.Build(parse.GetValue(gazetteer)!.FullName, parse.GetValue(petrarch)?.FullName, common);
            var sentences = LanguageTraining.NerTrainingSentences(dir, gaz, parse.GetValue(data) != "gum", parse.GetValue(data) != "uner");
            int unerCount = parse.GetValue(data) == "gum" ? 0 : CorpusReader.ReadIob2(Path.Combine(dir, "uner-ewt", "en_ewt-ud-dev.iob2")).Count;
            var held = new List<CorpusSentence>();
            if (parse.GetValue(holdout) is > 1 and var every)
            {
                held = sentences.Take(unerCount).Where((_, i) => i % every == 0).ToList();
                sentences = sentences.Take(unerCount).Where((_, i) => i % every != 0).Concat(sentences.Skip(unerCount)).ToList();
                unerCount -= held.Count;
            }
            var uner = sentences.Take(unerCount).ToList();
            for (int r = 1; r < parse.GetValue(unerRepeat); r++) sentences.AddRange(uner);
            if (parse.GetValue(dump) is { } dumpFile)
                File.WriteAllLines(dumpFile.FullName, sentences.SelectMany(s => s.Words.Select(w => w.Form + "\t" + w.Ner).Append("")));
            var recognizer = LanguageTraining.TrainNer(sentences, tagger, gaz, parse.GetValue(iterations), parse.GetValue(seed), Log, wordStats);
            var path = parse.GetRequiredValue(output).FullName;
            ModelFile.Save(path, recognizer.Write);
            Log($"wrote {path} ({new FileInfo(path).Length / 1024} KiB, {recognizer.Model.FeatureCount} features) in {sw.Elapsed.TotalSeconds:F0}s");
            var test = CorpusReader.ReadIob2(Path.Combine(dir, "uner-ewt", "en_ewt-ud-test.iob2"));
            var scores = EntityEvaluation.Evaluate(tagger, recognizer, test);
            Log($"UNER EWT test: F1 {scores["ALL"].F1:F2}");
            if (held.Count > 0)
            {
                var h = EntityEvaluation.Evaluate(tagger, recognizer, held);
                Log($"held-out UNER dev ({held.Count} sentences): F1 {h["ALL"].F1:F2} (PER {h["PERSON"].F1:F1}, ORG {h["ORG"].F1:F1}, LOC {h["LOC"].F1:F1})");
            }
            return 0;
        });
        return cmd;
    }

    private static Command Lemma()
    {
        var output = new Option<FileInfo>("--out") { Description = "Model file to write", Required = true };
        var corpora = LanguageCommands.CorporaOption();
        var cmd = new Command("lemma", "Build the lemmatizer (exceptions + suffix rules) from UD EWT train + GUM train") { output, corpora };
        cmd.SetAction(parse =>
        {
            var dir = LanguageCommands.CorporaDir(parse, corpora);
            var lemmatizer = Lemmatizer.Train(LanguageTraining.PosTrainingSentences(dir));
            var path = parse.GetRequiredValue(output).FullName;
            ModelFile.Save(path, lemmatizer.Write);
            Log($"wrote {path} ({new FileInfo(path).Length / 1024} KiB, {lemmatizer.ExceptionCount} exceptions)");
            return 0;
        });
        return cmd;
    }

    private static Command Pos()
    {
        var output = new Option<FileInfo>("--out") { Description = "Model file to write", Required = true };
        var corpora = LanguageCommands.CorporaOption();
        var iterations = new Option<int>("--iterations") { Description = "Training passes", DefaultValueFactory = _ => 12 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => LanguageTraining.DefaultSeed };
        var minWeight = new Option<float>("--min-weight") { Description = "Drop averaged weights below this magnitude (smaller, faster model)", DefaultValueFactory = _ => 1f };
        var cmd = new Command("pos", "Train the UPOS+XPOS tagger on UD EWT train + GUM train") { output, corpora, iterations, seed, minWeight };
        cmd.SetAction(parse =>
        {
            var sw = Stopwatch.StartNew();
            var dir = LanguageCommands.CorporaDir(parse, corpora);
            var sentences = LanguageTraining.PosTrainingSentences(dir);
            var tagger = LanguageTraining.TrainPos(sentences, parse.GetValue(iterations), parse.GetValue(seed), Log);
            if (parse.GetValue(minWeight) > 0) tagger = tagger.Pruned(parse.GetValue(minWeight));
            var path = parse.GetRequiredValue(output).FullName;
            ModelFile.Save(path, tagger.Write);
            Log($"wrote {path} ({new FileInfo(path).Length / 1024} KiB, {tagger.Model.FeatureCount} features, {tagger.Model.NonZeroCount} weights) in {sw.Elapsed.TotalSeconds:F0}s");
            var dev = CorpusReader.ReadConllu(Path.Combine(dir, "ud-ewt", "en_ewt-ud-dev.conllu"));
            var score = TaggingEvaluation.Evaluate(tagger, null, dev);
            Log($"EWT dev: UPOS {score.Upos:F2}  XPOS {score.Xpos:F2}");
            return 0;
        });
        return cmd;
    }

    internal static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
