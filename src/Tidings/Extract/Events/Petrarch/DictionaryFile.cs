using System.Text;

namespace Tidings.Extract.Events.Petrarch;

/// <summary>One content line of a dictionary file: its 1-based number and its text with comments removed.</summary>
public readonly record struct DictionaryLine(int Number, string Text);

/// <summary>
/// A dictionary file read as PETRARCH reads it (PETRreader.read_FIN_line): lines beginning with '#' or '&lt;!' are
/// comments, '#' anywhere ends the line, `&lt;!-- … --&gt;` is removed and may span lines, blank lines are skipped.
/// A ';' also ends the line (the KEDS/TABARI comment, still found in older files). Leading white space is kept:
/// the actor reader tells code lines by it.
/// </summary>
public sealed class DictionaryFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string Name { get; }
    public IReadOnlyList<DictionaryLine> Lines { get; }

    private DictionaryFile(string name, IReadOnlyList<DictionaryLine> lines) { Name = name; Lines = lines; }

    /// <summary>Reads a file; null (and one problem) when it cannot be read, is binary or is not UTF-8.</summary>
    public static DictionaryFile? Read(string path, List<DictionaryProblem> problems)
    {
        string name = Path.GetFileName(path);
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new DictionaryProblem(name, 0, $"cannot read the file: {e.Message}; file skipped"));
            return null;
        }
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            problems.Add(new DictionaryProblem(name, 0, "binary file (NUL bytes), not a dictionary; file skipped"));
            return null;
        }
        string text;
        try { text = StrictUtf8.GetString(bytes); }
        catch (DecoderFallbackException e)
        {
            problems.Add(new DictionaryProblem(name, 0, $"not valid UTF-8 (byte {e.Index}); file skipped"));
            return null;
        }
        return Parse(name, text);
    }

    /// <summary>Splits text into content lines with PETRARCH's comment rules.</summary>
    public static DictionaryFile Parse(string name, string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var lines = new List<DictionaryLine>();
        bool inComment = false;
        int number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            string line = raw.TrimEnd('\r');
            if (inComment)
            {
                int close = line.IndexOf("-->", StringComparison.Ordinal);
                if (close < 0) continue;
                inComment = false;
                line = line[(close + 3)..];
            }
            if (line.StartsWith('#')) continue;
            if (line.StartsWith("<!", StringComparison.Ordinal))
            {
                // "<!-- …" without its end opens a block; any other "<!" line is a one-line comment.
                int open = line.IndexOf("<!--", StringComparison.Ordinal);
                if (open >= 0 && line.IndexOf("-->", open + 4, StringComparison.Ordinal) < 0) inComment = true;
                continue;
            }
            line = StripInline(line, ref inComment);
            if (line.Trim().Length == 0) continue;
            lines.Add(new DictionaryLine(number, line.TrimEnd()));
        }
        return new DictionaryFile(name, lines);
    }

    private static string StripInline(string line, ref bool inComment)
    {
        int hash = line.IndexOf('#');
        if (hash >= 0) line = line[..hash];
        int semicolon = line.IndexOf(';');
        if (semicolon >= 0) line = line[..semicolon];
        int open = line.IndexOf("<!--", StringComparison.Ordinal);
        while (open >= 0)
        {
            int close = line.IndexOf("-->", open + 4, StringComparison.Ordinal);
            if (close < 0) { inComment = true; return line[..open]; }
            line = line[..open] + line[(close + 3)..];
            open = line.IndexOf("<!--", StringComparison.Ordinal);
        }
        return line;
    }

    /// <summary>The text between the first '[' and the following ']' (null when there is no complete bracket).</summary>
    public static string? Bracketed(string line, out int open)
    {
        open = line.IndexOf('[');
        if (open < 0) return null;
        int close = line.IndexOf(']', open + 1);
        return close < 0 ? null : line[(open + 1)..close].Trim();
    }
}
