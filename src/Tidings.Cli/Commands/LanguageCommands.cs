using System.CommandLine;
using Tidings.Language;

namespace Tidings.Cli.Commands;

/// <summary>Language-layer commands: tag, train pos|ner|lemma, eval tokenize|pos|ner.</summary>
public static class LanguageCommands
{
    public static Command Tag() => TagCommand.Create();

    public static IEnumerable<Command> TrainSubcommands() => TrainCommands.Create();

    public static IEnumerable<Command> EvalSubcommands()
    {
        var gold = new Option<FileInfo>("--gold") { Description = "Gold CoNLL-U file (default: EWT test under --corpora)" };
        var corpora = CorporaOption();
        var errors = new Option<int>("--errors") { Description = "Print this many mismatches (debugging)" };
        var tokenize = new Command("tokenize", "Tokens and sentences F1 on raw text rebuilt from CoNLL-U '# text' lines") { gold, corpora, errors };
        tokenize.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var path = parse.GetValue(gold)?.FullName ?? Path.Combine(CorporaDir(parse, corpora), "ud-ewt", "en_ewt-ud-test.conllu");
            var goldText = SegmentationEvaluation.BuildGoldText(CorpusReader.ReadConllu(path));
            var (tokens, sentences) = SegmentationEvaluation.Evaluate(goldText);
            output.WriteLine($"file       {path}");
            output.WriteLine($"tokens     {tokens}");
            output.WriteLine($"sentences  {sentences}");
            int n = parse.GetValue(errors);
            if (n > 0)
            {
                foreach (var e in SegmentationEvaluation.TokenErrors(goldText, n)) output.WriteLine(e);
                foreach (var e in SegmentationEvaluation.SentenceErrors(goldText, n)) output.WriteLine(e);
            }
            return 0;
        });
        yield return tokenize;
        foreach (var c in EvalCommands.Create()) yield return c;
    }

    internal static Option<DirectoryInfo> CorporaOption() => new("--corpora")
    {
        Description = "Directory holding ud-ewt/, gum/ and uner-ewt/ (default: the shared corpora folder beside the project)",
        DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "corpora")),
    };

    internal static string CorporaDir(ParseResult parse, Option<DirectoryInfo> option)
    {
        var dir = parse.GetValue(option)!;
        if (!dir.Exists) throw new DirectoryNotFoundException($"Corpora directory not found: {dir.FullName} (use --corpora DIR)");
        return dir.FullName;
    }
}
