using System.CommandLine;
using Tidings.Language;

namespace Tidings.Cli.Commands;

internal static class TrainCommands
{
    public static IEnumerable<Command> Create() => [];
}
