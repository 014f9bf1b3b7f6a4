using System.CommandLine;
using Tidings.Language;

namespace Tidings.Cli.Commands;

/// <summary>`tidings eval pos|ner|parse --gold FILE`: scores on gold tokens (tokenize lives in LanguageCommands).</summary>
internal static class EvalCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Pos();
        yield return Ner();
        yield return ParseCommands.Eval();
    }

    private static Command Ner()
    {
        var gold = new Option<FileInfo>("--gold") { Description = "Gold IOB2 / CoNLL-2003 file (default: UNER EWT test under --corpora)" };
        var corpora = LanguageCommands.CorporaOption();
        var model = new Option<FileInfo>("--model") { Description = "NER model file (default: the embedded model)" };
        var cmd = new Command("ner", "Entity precision / recall / F1 per type and overall (exact span and type, gold tokens)") { gold, corpora, model };
        cmd.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var path = parse.GetValue(gold)?.FullName ?? Path.Combine(LanguageCommands.CorporaDir(parse, corpora), "uner-ewt", "en_ewt-ud-test.iob2");
            var recognizer = parse.GetValue(model) is { } m ? ModelFile.Load(m.FullName, EntityRecognizer.Read)
                : LanguageAnalyzer.Default.EntityRecognizer ?? throw new InvalidOperationException("No embedded NER model.");
            var scores = EntityEvaluation.Evaluate(LanguageAnalyzer.Default.PosTagger, recognizer, CorpusReader.ReadIob2(path));
            output.WriteLine($"file     {path}");
            foreach (var (type, score) in scores) output.WriteLine($"{type,-8} {score}");
            return 0;
        });
        return cmd;
    }

    private static Command Pos()
    {
        var gold = new Option<FileInfo>("--gold") { Description = "Gold CoNLL-U file (default: EWT test under --corpora)" };
        var corpora = LanguageCommands.CorporaOption();
        var model = new Option<FileInfo>("--model") { Description = "POS model file (default: the embedded model)" };
        var lemmaModel = new Option<FileInfo>("--lemma-model") { Description = "Lemma model file (default: the embedded model)" };
        var prune = new Option<float>("--prune") { Description = "Drop weights below this magnitude first (experiments)" };
        var cmd = new Command("pos", "UPOS / XPOS / lemma accuracy on gold tokens") { gold, corpora, model, lemmaModel, prune };
        cmd.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var path = parse.GetValue(gold)?.FullName ?? Path.Combine(LanguageCommands.CorporaDir(parse, corpora), "ud-ewt", "en_ewt-ud-test.conllu");
            var tagger = parse.GetValue(model) is { } m ? ModelFile.Load(m.FullName, PosTagger.Read) : LanguageAnalyzer.Default.PosTagger;
            if (parse.GetValue(prune) is > 0 and var p)
            {
                tagger = tagger.Pruned(p);
                output.WriteLine($"pruned to {tagger.Model.FeatureCount} features, {tagger.Model.NonZeroCount} weights");
            }
            Lemmatizer? lemmatizer = parse.GetValue(lemmaModel) is { } lm ? ModelFile.Load(lm.FullName, Lemmatizer.Read) : LanguageAnalyzer.Default.Lemmatizer;
            var score = TaggingEvaluation.Evaluate(tagger, lemmatizer, CorpusReader.ReadConllu(path));
            output.WriteLine($"file    {path}");
            output.WriteLine($"tokens  {score.Tokens}");
            output.WriteLine($"UPOS    {score.Upos:F2}");
            output.WriteLine($"XPOS    {score.Xpos:F2}");
            output.WriteLine($"lemma   {score.Lemma:F2}");
            return 0;
        });
        return cmd;
    }
}
