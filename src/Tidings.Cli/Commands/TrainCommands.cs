using System.CommandLine;
using System.Diagnostics;
using Tidings.Language;

namespace Tidings.Cli.Commands;

/// <summary>`tidings train pos|ner|lemma --out FILE`: reproducible training (fixed seed) from the corpora.</summary>
internal static class TrainCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Pos();
        yield return Lemma();
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
        var iterations = new Option<int>("--iterations") { Description = "Training passes", DefaultValueFactory = _ => 8 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => LanguageTraining.DefaultSeed };
        var cmd = new Command("pos", "Train the UPOS+XPOS tagger on UD EWT train + GUM train") { output, corpora, iterations, seed };
        cmd.SetAction(parse =>
        {
            var sw = Stopwatch.StartNew();
            var dir = LanguageCommands.CorporaDir(parse, corpora);
            var sentences = LanguageTraining.PosTrainingSentences(dir);
            var tagger = LanguageTraining.TrainPos(sentences, parse.GetValue(iterations), parse.GetValue(seed), Log);
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
