using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Tidings.Web.Pages;

/// <summary>
/// Builds HTML where every piece of text goes through the HTML encoder: <see cref="Text"/> and attribute values are
/// always escaped, and only markup this program writes goes through <see cref="Raw"/>. An article that contains
/// &lt;script&gt; shows it as text.
/// </summary>
public sealed class Html
{
    // All of Unicode stays readable; only what could be markup (&lt; &gt; &amp; quotes) is escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder _sb = new(16 * 1024);

    public Html Raw(string markup)
    {
        _sb.Append(markup);
        return this;
    }

    public Html Text(string? text)
    {
        if (!string.IsNullOrEmpty(text)) _sb.Append(Encoder.Encode(text));
        return this;
    }

    public static string Encode(string? text) => string.IsNullOrEmpty(text) ? "" : Encoder.Encode(text);

    /// <summary>An opening tag; attributes with a null value are left out.</summary>
    public Html Open(string tag, params (string Name, string? Value)[] attributes)
    {
        _sb.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
            if (value is not null) _sb.Append(' ').Append(name).Append("=\"").Append(Encoder.Encode(value)).Append('"');
        _sb.Append('>');
        return this;
    }

    public Html Close(string tag) => Raw("</" + tag + ">");

    /// <summary>An element holding escaped text.</summary>
    public Html El(string tag, string? text, params (string Name, string? Value)[] attributes) => Open(tag, attributes).Text(text).Close(tag);

    public Html Link(string href, string? text, string? cssClass = null) => El("a", text, ("href", href), ("class", cssClass));

    public static string Date(DateTimeOffset? d) => d is { } v ? v.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : "undated";

    public static string DateSpan(DateTimeOffset? first, DateTimeOffset? last) =>
        first is null ? "undated" : first?.Date == last?.Date || last is null ? Date(first) : $"{Date(first)} – {Date(last)}";

    /// <summary>A URL path segment or query value.</summary>
    public static string Url(string value) => Uri.EscapeDataString(value);

    public override string ToString() => _sb.ToString();
}
