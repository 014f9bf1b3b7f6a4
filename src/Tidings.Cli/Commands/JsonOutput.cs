using System.Text.Json;
using Tidings.Output;

namespace Tidings.Cli.Commands;

/// <summary>Writes a JSON array of objects to standard output, one writer callback per item.</summary>
internal static class JsonOutput
{
    public static void WriteArray<T>(IEnumerable<T> items, Action<Utf8JsonWriter, T> writeFields) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var item in items)
        {
            w.WriteStartObject();
            writeFields(w, item);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    public static void WriteObject(Action<Utf8JsonWriter> writeFields) => Write(w =>
    {
        w.WriteStartObject();
        writeFields(w);
        w.WriteEndObject();
    });

    /// <summary>Any JSON value, indented, to standard output.</summary>
    public static void Write(Action<Utf8JsonWriter> write)
    {
        using var stdout = Console.OpenStandardOutput();
        using var w = new Utf8JsonWriter(stdout, ArticleJsonWriter.IndentedOptions);
        write(w);
        w.Flush();
        stdout.WriteByte((byte)'\n');
    }
}
