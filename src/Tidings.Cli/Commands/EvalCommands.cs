using System.CommandLine;
using Tidings.Language;

namespace Tidings.Cli.Commands;

internal static class EvalCommands
{
    public static IEnumerable<Command> Create() => [];
}
