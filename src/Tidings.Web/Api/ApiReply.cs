using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tidings.Ingest;
using Tidings.Output;
using Tidings.Web.Data;

namespace Tidings.Web.Api;

/// <summary>JSON answers: written with Utf8JsonWriter, tagged with an ETag of their bytes (a matching If-None-Match gets 304).</summary>
public static class ApiReply
{
    public static Task Json(HttpContext http, Action<Utf8JsonWriter> write, int status = 200)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, ArticleJsonWriter.CompactOptions)) write(w);
        var response = http.Response;
        response.ContentType = "application/json; charset=utf-8";
        if (status == 200 && HttpMethods.IsGet(http.Request.Method))
        {
            string etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan)[..12]) + "\"";
            response.Headers.ETag = etag;
            response.Headers.CacheControl = "no-cache";
            if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
            {
                response.StatusCode = 304;
                return Task.CompletedTask;
            }
        }
        response.StatusCode = status;
        response.ContentLength = buffer.WrittenCount;
        return response.Body.WriteAsync(buffer.WrittenMemory).AsTask();
    }

    /// <summary>The error body of every refusal: {"error": {"status", "code", "message"}}, plus details when given.</summary>
    public static Task Error(HttpContext http, int status, string code, string message, Action<Utf8JsonWriter>? details = null) =>
        Json(http, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteNumber("status", status);
            w.WriteString("code", code);
            w.WriteString("message", message);
            details?.Invoke(w);
            w.WriteEndObject();
            w.WriteEndObject();
        }, status);

    /// <summary>A page of a list: {"items": [...], "next": cursor or null}.</summary>
    public static Task Page<T>(HttpContext http, Page<T> page, Action<Utf8JsonWriter, T> item) =>
        Json(http, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("items");
            foreach (var x in page.Items) item(w, x);
            w.WriteEndArray();
            w.WriteString("next", page.Next);
            w.WriteEndObject();
        });
}

/// <summary>Query parameters, validated: a value that cannot be used is a 400 that says which and why, never a silent default.</summary>
public sealed class QueryParams(HttpContext http)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    private const int MaxTextLength = 500;

    public string? Text(string name, int maxLength = MaxTextLength)
    {
        var values = http.Request.Query[name];
        if (values.Count == 0) return null;
        if (values.Count > 1) throw ApiProblem.BadParameter(name, "given more than once");
        var v = values[0]?.Trim();
        if (string.IsNullOrEmpty(v)) return null;
        if (v.Length > maxLength) throw ApiProblem.BadParameter(name, $"longer than {maxLength} characters");
        if (v.Any(ch => char.IsControl(ch))) throw ApiProblem.BadParameter(name, "contains control characters");
        return v;
    }

    public int Limit()
    {
        var v = Text("limit", 10);
        if (v is null) return DefaultLimit;
        return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= MaxLimit
            ? n : throw ApiProblem.BadParameter("limit", $"must be a whole number from 1 to {MaxLimit}");
    }

    public DateTimeOffset? Date(string name)
    {
        var v = Text(name, 40);
        if (v is null) return null;
        return FeedDates.TryParse(v, out var d) ? d : throw ApiProblem.BadParameter(name, $"cannot read \"{v}\" as a date (use YYYY-MM-DD)");
    }

    /// <summary>The end of a date range, exclusive: a bare date means the whole of that day.</summary>
    public DateTimeOffset? Until(string name)
    {
        var d = Date(name);
        return d is { } v && Text(name)!.Length <= 10 ? v.AddDays(1) : d;
    }

    public string? Cursor() => Text("cursor", 400);
}
