using System.CommandLine;
using Tidings.Cli.Commands;

namespace Tidings.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        // Tables written to a file or a pipe should not wrap at the 80 columns of an imaginary terminal.
        if (Console.IsOutputRedirected) Spectre.Console.AnsiConsole.Profile.Width = 200;
        return BuildRoot().Parse(args).Invoke();
    }

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Tidings: reads news from many outlets and tells what happened, with every fact linked to its sentence.");
        root.Add(IngestCommand.Create());
        root.Add(ArticlesCommand.Create());
        root.Add(ShowCommand.Create());
        root.Add(SearchCommand.Create());
        root.Add(AnalyzeCommand.Create());
        root.Add(TimelineCommand.Create());
        root.Add(QuotesCommand.Create());
        root.Add(EntityCommands.Entities());
        root.Add(EntityCommands.Entity());
        root.Add(PlacesCommand.Create());
        root.Add(LanguageCommands.Tag());
        root.Add(ParseCommands.Parse());
        var train = StoryCommands.Train();
        foreach (var c in LanguageCommands.TrainSubcommands()) train.Add(c);
        root.Add(train);
        var eval = EvalCommand.Create();
        foreach (var c in LanguageCommands.EvalSubcommands()) eval.Add(c);
        root.Add(eval);
        root.Add(StoryCommands.Stories());
        root.Add(StoryCommands.Story());
        root.Add(ServeCommand.Create());
        root.Add(EventStoreCommands.Events());
        root.Add(EventStoreCommands.Export());
        return root;
    }
}
