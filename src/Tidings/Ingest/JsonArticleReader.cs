using System.Text.Json;
using Tidings.Documents;

namespace Tidings.Ingest;

/// <summary>
/// JSON Lines, one article per line (id, url, title, text or html, published, outlet, author), and
/// news-please's JSON output (one object per file, or an array), whose field names are also understood.
/// </summary>
public sealed class JsonArticleReader : IArticleReader
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64 };

    public InputFormat Format => InputFormat.Json;

    public IEnumerable<ReadResult> Read(InputDocument input, ReaderOptions options)
    {
        // A file whose first line is not a JSON object is tried as one JSON document (news-please writes
        // one pretty-printed object per file); if that fails too, it is read line by line and each bad line reported.
        if (!FirstLineIsObject(input, options))
        {
            var whole = ReadWholeDocument(input, options);
            if (whole is not null)
            {
                foreach (var r in whole) yield return r;
                yield break;
            }
        }
        using var stream = input.Open();
        var lines = new ByteLineReader(stream, options.MaxBytes);
        int lineNo = 0;
        while (lines.TryReadLine(out var line, out bool oversized))
        {
            lineNo++;
            string source = $"{input.Source}:{lineNo}";
            if (oversized)
            {
                yield return ReadResult.Fail(source, $"line larger than the {StreamLimits.FormatSize(options.MaxBytes)} limit");
                continue;
            }
            if (line.Span.Trim(" \t"u8).IsEmpty) continue;
            yield return ParseLine(line.Span, source, input);
        }
    }

    private static ReadResult ParseLine(ReadOnlySpan<byte> line, string source, InputDocument input)
    {
        try
        {
            using var doc = JsonDocument.Parse(TextDecoding.Decode(line), JsonOptions);
            return FromJson(doc.RootElement, source, input);
        }
        catch (InputRejectedException ex)
        {
            return ReadResult.Fail(source, ex.Message);
        }
        catch (JsonException ex)
        {
            return ReadResult.Fail(source, $"malformed JSON: {ex.Message}");
        }
    }

    private static bool FirstLineIsObject(InputDocument input, ReaderOptions options)
    {
        using var stream = input.Open();
        var lines = new ByteLineReader(stream, options.MaxBytes);
        while (lines.TryReadLine(out var line, out bool oversized))
        {
            if (oversized) return true;
            var span = line.Span.Trim(" \t"u8);
            if (span.IsEmpty) continue;
            try
            {
                using var doc = JsonDocument.Parse(line, JsonOptions);
                return doc.RootElement.ValueKind == JsonValueKind.Object;
            }
            catch (JsonException)
            {
                return false;
            }
        }
        return true;
    }

    private static List<ReadResult>? ReadWholeDocument(InputDocument input, ReaderOptions options)
    {
        List<ReadResult> results = [];
        try
        {
            var text = TextDecoding.Decode(input.ReadAll(options.MaxBytes));
            using var doc = JsonDocument.Parse(text, JsonOptions);
            if (doc.RootElement.ValueKind == JsonValueKind.Array)
            {
                int i = 0;
                foreach (var e in doc.RootElement.EnumerateArray())
                    results.Add(FromJson(e, $"{input.Source}[{i++}]", input));
            }
            else results.Add(FromJson(doc.RootElement, input.Source, input));
        }
        catch (Exception ex) when (ex is JsonException or InputRejectedException)
        {
            return null; // not one JSON document either: the caller reports each line
        }
        return results;
    }

    private static ReadResult FromJson(JsonElement e, string source, InputDocument input)
    {
        if (e.ValueKind != JsonValueKind.Object) return ReadResult.Fail(source, "JSON value is not an object");
        string? text = Str(e, "text") ?? Str(e, "maintext") ?? Str(e, "body") ?? Str(e, "content");
        string? html = Str(e, "html") ?? Str(e, "raw_html");
        if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(html))
            return ReadResult.Fail(source, "no \"text\" or \"html\" field");
        string? url = Str(e, "url") ?? Str(e, "link");
        var publishedText = Str(e, "published") ?? Str(e, "date_publish") ?? Str(e, "published_at") ?? Str(e, "date") ?? Str(e, "pubDate");
        DateTimeOffset? published = FeedDates.TryParse(publishedText, out var d) ? d : null;

        Article article;
        if (!string.IsNullOrWhiteSpace(text))
        {
            article = new Article(text, source, ArticleFormat.JsonLines) { Title = Str(e, "title"), Url = url };
        }
        else
        {
            var inner = new InputDocument(source, () => Stream.Null, null) { Url = url };
            var fromHtml = HtmlReader.FromHtml(html!, inner, ArticleFormat.JsonLines);
            if (fromHtml.Article is null) return fromHtml;
            article = fromHtml.Article;
            if (Str(e, "title") is { } t) article.Title = t;
        }
        if (Str(e, "id") is { Length: <= 200 } id) article.Id = id;
        article.Outlet = Str(e, "outlet") ?? Str(e, "source") ?? Str(e, "source_domain") ?? Str(e, "site_name") ?? article.Outlet;
        article.Author = Str(e, "author") ?? Authors(e) ?? article.Author;
        article.Language = Str(e, "language") ?? article.Language;
        if (published is not null) { article.Published = published; article.PublishedInferred = false; }
        else if (publishedText is not null) article.Warnings.Add($"unreadable date \"{publishedText}\"");
        if (article.Published is null && input.FallbackDate is { } fb) { article.Published = fb; article.PublishedInferred = true; }
        return ReadResult.Ok(article);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString() : null;

    private static string? Authors(JsonElement e) =>
        e.TryGetProperty("authors", out var v) && v.ValueKind == JsonValueKind.Array
            ? string.Join(", ", v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString())) is { Length: > 0 } s ? s : null
            : null;
}
