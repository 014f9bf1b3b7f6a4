using System.Text;

namespace Tidings.Web.Data;

/// <summary>A request the server refuses, with the HTTP status and a message meant for the caller.</summary>
public sealed class ApiProblem(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;

    public static ApiProblem BadParameter(string name, string message) => new(400, "bad_parameter", $"{name}: {message}");

    public static ApiProblem NotFound(string what) => new(404, "not_found", $"no {what}");
}

/// <summary>One page of results and the cursor of the next page (null at the end).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>
/// Cursors are the sort key of the last row shown (keyset paging): a page stays the same when rows are added before it,
/// and reaching page 100 costs what page 1 costs. Encoded as URL-safe base64 so callers treat them as opaque.
/// </summary>
public static class PageCursor
{
    private const char Separator = '\u001f';

    public static string Encode(string kind, params string[] parts) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(kind + Separator + string.Join(Separator, parts))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The parts of a cursor made by <see cref="Encode"/> for the same kind of list; a 400 otherwise.</summary>
    public static string[] Decode(string cursor, string kind, int parts)
    {
        try
        {
            var b64 = cursor.Replace('-', '+').Replace('_', '/');
            b64 += new string('=', (4 - b64.Length % 4) % 4);
            var fields = Encoding.UTF8.GetString(Convert.FromBase64String(b64)).Split(Separator);
            if (fields.Length == parts + 1 && fields[0] == kind) return fields[1..];
        }
        catch (FormatException) { }
        throw ApiProblem.BadParameter("cursor", "not a cursor of this list (use the `next` value of the previous page)");
    }

    /// <summary>Takes <paramref name="limit"/> rows of <paramref name="rows"/> (fetched with one extra) and the cursor after them.</summary>
    public static Page<T> Slice<T>(List<T> rows, int limit, Func<T, string> cursorOf) =>
        rows.Count > limit ? new Page<T>(rows.Take(limit).ToList(), cursorOf(rows[limit - 1])) : new Page<T>(rows, null);
}
