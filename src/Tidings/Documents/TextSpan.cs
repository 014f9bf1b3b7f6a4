namespace Tidings.Documents;

/// <summary>A half-open range [Start, End) of UTF-16 code units in an article's original text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool IsEmpty => End <= Start;

    public bool Contains(int offset) => offset >= Start && offset < End;

    public string Slice(string text) => text.Substring(Start, Length);

    public ReadOnlySpan<char> AsSpan(string text) => text.AsSpan(Start, Length);

    /// <summary>The same range with leading and trailing white space removed.</summary>
    public TextSpan Trim(string text)
    {
        int s = Start, e = End;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        return new TextSpan(s, e);
    }

    public override string ToString() => $"[{Start},{End})";
}

/// <summary>A span removed from the body, with the rule that removed it.</summary>
public sealed record BoilerplateSpan(int Start, int End, string Reason)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public TextSpan Span => new(Start, End);
}

/// <summary>The dateline that opens many agency reports: "WASHINGTON, Dec 8 (Reuters) -".</summary>
public sealed record Dateline(int Start, int End, string Text, string? Place, string? Outlet, DateOnly? Date);
