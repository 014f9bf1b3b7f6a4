using System.CommandLine;
using Tidings.Language;

namespace Tidings.Cli.Commands;

internal static class TagCommand
{
    public static Command Create() => new("tag", "Tag text");
}
