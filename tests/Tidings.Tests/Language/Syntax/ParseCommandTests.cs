using System.CommandLine;
using Tidings.Cli.Commands;

namespace Tidings.Tests.Language.Syntax;

public class ParseCommandTests
{
    private static (int Exit, string Output) Run(params string[] args)
    {
        var root = new RootCommand("test") { ParseCommands.Parse() };
        var eval = new Command("eval") { ParseCommands.Eval() };
        root.Subcommands.Add(eval);
        var output = new StringWriter();
        int exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Language", "Fixtures", name);

    [Fact]
    public void ParseWritesTenColumnConlluWithOffsets()
    {
        var file = Path.Combine(Path.GetTempPath(), $"tidings-parse-{Guid.NewGuid():N}.txt");
        const string text = "Militants took hostages. He left.";
        File.WriteAllText(file, text);
        try
        {
            var (exit, output) = Run("parse", file);
            Assert.Equal(0, exit);
            var lines = output.Replace("\r", "").Split('\n');
            var took = lines[1].Split('\t');
            Assert.Equal(10, took.Length);
            Assert.Equal(new[] { "2", "took", "take", "VERB", "VBD", "_", "0", "root", "_", "start=10|end=14" }, took);
            Assert.Equal("", lines[4]);
            Assert.Equal("He", lines[5].Split('\t')[1]);
            Assert.Equal("start=25|end=27", lines[5].Split('\t')[9]);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void ParsePretokenizedKeepsTheInputTokens()
    {
        var (exit, output) = Run("parse", "--pretokenized", Fixture("ewt-train-slice.conllu"));
        Assert.Equal(0, exit);
        var first = output.Replace("\r", "").Split('\n').Take(3).Select(l => l.Split('\t')[1]).ToArray();
        Assert.Equal(new[] { "Al", "-", "Zaman" }, first);
    }

    [Fact]
    public void EvalParsePrintsAttachmentScores()
    {
        var (exit, output) = Run("eval", "parse", "--gold", Fixture("ewt-train-slice.conllu"));
        Assert.Equal(0, exit);
        Assert.Matches(@"gold tokens, predicted tags\s+UAS \d+\.\d\d  LAS \d+\.\d\d", output);
        Assert.Matches(@"raw text \(F1 over words\)\s+UAS \d+\.\d\d  LAS \d+\.\d\d", output);
    }
}
