using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Tidings.Language;
using Tidings.Language.Syntax;

namespace Tidings.Cli.Commands;

/// <summary>`tidings parse`, `tidings train parser` and `tidings eval parse`: the dependency parser.</summary>
public static class ParseCommands
{
    public static Command Parse()
    {
        var input = new Argument<string>("input") { Description = "Input file, or - for standard input", DefaultValueFactory = _ => "-" };
        var pretokenized = new Option<bool>("--pretokenized") { Description = "Input is one token per line (CoNLL-U, CoNLL-2003, IOB2), blank line between sentences" };
        var cmd = new Command("parse", "Tokenize, tag and parse; CoNLL-U out (misc: start/end character offsets)") { input, pretokenized };
        cmd.SetAction(parse => CommonOptions.Guard(() =>
        {
            string path = parse.GetValue(input) ?? "-";
            string content = path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path);
            var configured = parse.InvocationConfiguration.Output;
            using var buffered = ReferenceEquals(configured, Console.Out) ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) : null;
            var output = buffered ?? configured;
            var analyzer = LanguageAnalyzer.Default;
            if (analyzer.Parser == null) throw new InvalidOperationException("No embedded parser model; train one with `tidings train parser`.");
            if (parse.GetValue(pretokenized))
            {
                var forms = CorpusReader.ReadTokenLines(content.Split('\n')).Select(s => (IReadOnlyList<string>)s.Words.Select(w => w.Form).ToList()).ToList();
                var tagged = analyzer.AnalyzePretokenized(forms);
                for (int s = 0; s < tagged.Count; s++) ConlluWriter.WriteSentence(output, tagged[s], forms[s]);
            }
            else
            {
                var analyzed = analyzer.Analyze(content);
                foreach (var sentence in analyzed.Sentences)
                {
                    var tokens = analyzed.Tokens.Skip(sentence.FirstToken).Take(sentence.TokenCount).ToArray();
                    ConlluWriter.WriteSentence(output, tokens, tokens.Select(t => t.TextIn(content)).ToList());
                }
            }
            output.Flush();
            return 0;
        }));
        return cmd;
    }

    public static Command Train()
    {
        var output = new Option<FileInfo>("--out") { Description = "Model file to write", Required = true };
        var corpora = LanguageCommands.CorporaOption();
        var posModel = new Option<FileInfo>("--pos-model") { Description = "Tagger whose predicted tags the parser trains on (default: the embedded model)" };
        var iterations = new Option<int>("--iterations") { Description = "Training passes", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => LanguageTraining.DefaultSeed };
        var minWeight = new Option<float>("--min-weight") { Description = "Drop averaged weights below this magnitude (smaller, faster model)", DefaultValueFactory = _ => 2f };
        var devEvery = new Option<bool>("--dev") { Description = "Score EWT dev every 5 passes (tuning)" };
        var folds = new Option<int>("--jackknife") { Description = "Training tags from this many taggers each trained without one block (0: the --pos-model tags everything)", DefaultValueFactory = _ => 5 };
        var taggerDir = new Option<DirectoryInfo>("--tagger-cache") { Description = "Tuning: keep the jackknife taggers in this directory and reuse them when present" };
        var cmd = new Command("parser", "Train the dependency parser on UD EWT train + GUM train (predicted tags)") { output, corpora, posModel, iterations, seed, minWeight, devEvery, folds, taggerDir };
        cmd.SetAction(parse =>
        {
            var sw = Stopwatch.StartNew();
            var dir = LanguageCommands.CorporaDir(parse, corpora);
            var tagger = parse.GetValue(posModel) is { } m ? ModelFile.Load(m.FullName, PosTagger.Read) : LanguageAnalyzer.Default.PosTagger;
            var sentences = LanguageTraining.PosTrainingSentences(dir);
            var taggers = parse.GetValue(folds) is > 1 and var k
                ? CachedTaggers(parse.GetValue(taggerDir), k, () => ParserTraining.JackknifeTaggers(sentences, k, iterations: 12, parse.GetValue(seed), minWeight: 1f, TrainCommands.Log))
                : [tagger];
            var (data, relations) = ParserTraining.Prepare(sentences, taggers, TrainCommands.Log);
            var dev = CorpusReader.ReadConllu(Path.Combine(dir, "ud-ewt", "en_ewt-ud-dev.conllu"));
            var parser = ParserTraining.Train(data, relations, parse.GetValue(iterations), parse.GetValue(seed), TrainCommands.Log,
                parse.GetValue(devEvery) ? dev : null, tagger);
            if (parse.GetValue(minWeight) > 0) parser = parser.Pruned(parse.GetValue(minWeight));
            var path = parse.GetRequiredValue(output).FullName;
            ModelFile.Save(path, parser.Write);
            TrainCommands.Log($"wrote {path} ({new FileInfo(path).Length / 1024} KiB, {parser.ActionModel.FeatureCount} + {parser.RelationModel.FeatureCount} features) in {sw.Elapsed.TotalSeconds:F0}s");
            var devScore = ParseEvaluation.Evaluate(parser, tagger, dev);
            var testScore = ParseEvaluation.Evaluate(parser, tagger, CorpusReader.ReadConllu(Path.Combine(dir, "ud-ewt", "en_ewt-ud-test.conllu")));
            TrainCommands.Log($"EWT dev: UAS {devScore.Uas:F2}  LAS {devScore.Las:F2};  EWT test: UAS {testScore.Uas:F2}  LAS {testScore.Las:F2}");
            return 0;
        });
        return cmd;
    }

    private static List<PosTagger> CachedTaggers(DirectoryInfo? dir, int folds, Func<List<PosTagger>> train)
    {
        string PathOf(int k) => Path.Combine(dir!.FullName, $"jackknife-{k}-of-{folds}.bin");
        if (dir != null && Enumerable.Range(0, folds).All(k => File.Exists(PathOf(k))))
            return Enumerable.Range(0, folds).Select(k => ModelFile.Load(PathOf(k), PosTagger.Read)).ToList();
        var taggers = train();
        if (dir != null) for (int k = 0; k < folds; k++) ModelFile.Save(PathOf(k), taggers[k].Write);
        return taggers;
    }

    public static Command Eval()
    {
        var gold = new Option<FileInfo>("--gold") { Description = "Gold CoNLL-U file (default: EWT test under --corpora)" };
        var corpora = LanguageCommands.CorporaOption();
        var model = new Option<FileInfo>("--model") { Description = "Parser model file (default: the embedded model)" };
        var prune = new Option<float>("--prune") { Description = "Drop weights below this magnitude first (experiments)" };
        var cmd = new Command("parse", "UAS / LAS on gold tokens with predicted tags, and from the raw text") { gold, corpora, model, prune };
        cmd.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var path = parse.GetValue(gold)?.FullName ?? Path.Combine(LanguageCommands.CorporaDir(parse, corpora), "ud-ewt", "en_ewt-ud-test.conllu");
            var analyzer = LanguageAnalyzer.Default;
            var parser = parse.GetValue(model) is { } m ? ModelFile.Load(m.FullName, DependencyParser.Read)
                : analyzer.Parser ?? throw new InvalidOperationException("No embedded parser model.");
            if (parse.GetValue(prune) is > 0 and var p)
            {
                parser = parser.Pruned(p);
                output.WriteLine($"pruned to {parser.ActionModel.FeatureCount} + {parser.RelationModel.FeatureCount} features");
            }
            var sentences = CorpusReader.ReadConllu(path);
            var onGold = ParseEvaluation.Evaluate(parser, analyzer.PosTagger, sentences);
            var raw = ParseEvaluation.EvaluateRaw(new LanguageAnalyzer(analyzer.PosTagger, analyzer.Lemmatizer, null, parser), sentences);
            output.WriteLine($"file                           {path}");
            output.WriteLine($"words                          {onGold.Gold}");
            output.WriteLine($"gold tokens, predicted tags    UAS {onGold.Uas:F2}  LAS {onGold.Las:F2}");
            output.WriteLine($"raw text (F1 over words)       UAS {raw.Uas:F2}  LAS {raw.Las:F2}");
            return 0;
        });
        return cmd;
    }
}
