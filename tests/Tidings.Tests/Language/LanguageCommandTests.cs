using System.CommandLine;
using Tidings.Cli.Commands;

namespace Tidings.Tests.Language;

public class LanguageCommandTests
{
    private static (int Exit, string Output) Run(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(LanguageCommands.Tag());
        var eval = new Command("eval");
        foreach (var c in LanguageCommands.EvalSubcommands()) eval.Subcommands.Add(c);
        root.Subcommands.Add(eval);
        var train = new Command("train");
        foreach (var c in LanguageCommands.TrainSubcommands()) train.Subcommands.Add(c);
        root.Subcommands.Add(train);
        var output = new StringWriter();
        int exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Language", "Fixtures", name);

    [Fact]
    public void TagPrintsOneTokenPerLineWithOffsetsAndBlankLinesBetweenSentences()
    {
        var file = Path.Combine(Path.GetTempPath(), $"tidings-tag-{Guid.NewGuid():N}.txt");
        const string text = "Ned Price spoke in Washington. He left.";
        File.WriteAllText(file, text);
        try
        {
            var (exit, output) = Run("tag", file);
            Assert.Equal(0, exit);
            var lines = output.Replace("\r", "").Split('\n');
            var first = lines[0].Split('\t');
            Assert.Equal(7, first.Length);
            Assert.Equal(new[] { "Ned", "0", "3" }, first[..3]);
            int blank = Array.IndexOf(lines, "");
            Assert.Equal(".", lines[blank - 1].Split('\t')[0]);
            Assert.StartsWith("He\t31\t33\tPRON\tPRP\the\t", lines[blank + 1], StringComparison.Ordinal);
            Assert.Contains(lines, l => l.StartsWith("Washington\t", StringComparison.Ordinal) && l.EndsWith("U-LOC", StringComparison.Ordinal));
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void TagPretokenizedKeepsInputTokensInOrder()
    {
        var (exit, output) = Run("tag", "--pretokenized", Fixture("ewt-train-slice.conllu"));
        Assert.Equal(0, exit);
        var firstSentence = output.Replace("\r", "").Split("\n\n")[0].Split('\n');
        Assert.Equal(new[] { "Al", "-", "Zaman", ":" }, firstSentence.Take(4).Select(l => l.Split('\t')[0]));
    }

    [Fact]
    public void EvalTokenizeAndPosPrintScores()
    {
        var (exit, output) = Run("eval", "tokenize", "--gold", Fixture("ewt-train-slice.conllu"));
        Assert.Equal(0, exit);
        Assert.Matches(@"tokens\s+P [\d.]+\s+R [\d.]+\s+F1 9\d\.\d\d", output);
        Assert.Matches(@"sentences\s+P", output);
        (exit, output) = Run("eval", "pos", "--gold", Fixture("ewt-train-slice.conllu"));
        Assert.Equal(0, exit);
        Assert.Matches(@"UPOS\s+9\d\.\d\d", output);
    }

    [Fact]
    public void TrainCommandsExistForEveryModel()
    {
        var names = LanguageCommands.TrainSubcommands().Select(c => c.Name).ToArray();
        Assert.Equal(new[] { "pos", "lemma", "ner", "sentences", "gazetteer", "actors", "parser", "plover" }, names);
        Assert.Equal(new[] { "tokenize", "pos", "ner", "parse" }, LanguageCommands.EvalSubcommands().Select(c => c.Name));
    }
}
