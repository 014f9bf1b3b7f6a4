using System.CommandLine;
using Tidings.Extract.Events;
using Tidings.Extract.Events.Petrarch;
using Tidings.Ingest;
using Tidings.Storage;

namespace Tidings.Cli.Commands;

/// <summary>Options several commands share, defined once.</summary>
internal static class CommonOptions
{
    public static Option<string> Db() => new("--db")
    {
        Description = "SQLite database file",
        DefaultValueFactory = _ => SqliteArticleStore.DefaultPath,
    };

    public static Option<bool> Json() => new("--json") { Description = "write JSON instead of a table" };

    public static Option<long> MaxSize() => new("--max-size")
    {
        Description = "largest document in bytes: a file, a JSON line or a WARC record (default 50 MB)",
        DefaultValueFactory = _ => ReaderOptions.DefaultMaxBytes,
    };

    public static Option<string?> Dictionaries() => new("--dictionaries")
    {
        Description = "a directory of PETRARCH-format dictionaries (actors, agents, discards, verb patterns) that override the built-in event coding",
    };

    /// <summary>Event coding options from --dictionaries (the built-in ones when absent); every rejected line is reported as file:line: reason.</summary>
    public static EventCodingOptions EventCoding(string? dictionaries)
    {
        if (dictionaries is null) return EventCodingOptions.Default;
        if (!Directory.Exists(dictionaries)) throw new ArgumentException($"--dictionaries: no directory \"{dictionaries}\"");
        var loaded = PetrarchDictionaries.Load(dictionaries);
        foreach (var problem in loaded.Problems) Console.Error.WriteLine(problem.ToString());
        return new EventCodingOptions(loaded);
    }

    public static Argument<string[]> Paths(string description) => new("paths")
    {
        Description = description,
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>Runs a command body and turns expected failures into a message and exit code 1.</summary>
    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception ex) when (ex is SearchQueryException or ArgumentException or IOException or InvalidOperationException
                                       or Microsoft.Data.Sqlite.SqliteException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"tidings: {ex.Message}");
            return 1;
        }
    }

    public static DateTimeOffset? ParseDateOption(string? text, string name)
    {
        if (text is null) return null;
        if (FeedDates.TryParse(text, out var d)) return d;
        throw new ArgumentException($"{name}: cannot read \"{text}\" as a date (use YYYY-MM-DD)");
    }
}
