// TEMPORARY wiring on branch `lang` so the language commands can be run; the core engineer owns this file.
using System.CommandLine;
using Tidings.Cli.Commands;

var root = new RootCommand("Tidings news-intelligence engine");
root.Subcommands.Add(LanguageCommands.Tag());
var train = new Command("train", "Train a language model");
foreach (var c in LanguageCommands.TrainSubcommands()) train.Subcommands.Add(c);
root.Subcommands.Add(train);
var eval = new Command("eval", "Evaluate the language layer");
foreach (var c in LanguageCommands.EvalSubcommands()) eval.Subcommands.Add(c);
root.Subcommands.Add(eval);
return root.Parse(args).Invoke();
