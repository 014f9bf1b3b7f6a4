using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Tidings.Documents;
using Tidings.Ingest;
using Tidings.Storage;

namespace Tidings.Web.Api;

/// <summary>
/// <c>POST /api/v1/articles</c>: the body is any input <c>tidings ingest</c> reads (text, HTML, a feed, JSON Lines, WARC,
/// gzip), detected from its content. All or nothing: when any part of it cannot be read, the answer is a 4xx listing
/// every problem and nothing is stored; otherwise all its articles are stored in one transaction (201).
/// </summary>
public static class ArticleSubmission
{
    public static async Task Handle(HttpContext http)
    {
        var ctx = http.RequestServices.GetRequiredService<WebContext>();
        long limit = ctx.Options.MaxSubmissionBytes;
        if (http.Request.ContentLength > limit)
        {
            await ApiReply.Error(http, 413, "too_large", $"the body is larger than the {StreamLimits.FormatSize(limit)} limit");
            return;
        }
        byte[] body = await ReadCapped(http, limit);
        if (body is [])
        {
            await ApiReply.Error(http, 400, "empty", "the body is empty: send an article (plain text, HTML, RSS/Atom, JSON Lines, WARC or gzip)");
            return;
        }
        string name = "api:" + Convert.ToHexStringLower(SHA256.HashData(body)[..8]);
        var results = await Task.Run(() => ctx.Flow.Process(InputDocument.FromBytes(name, body)));
        var problems = results.Where(r => r.Problem is not null).Select(r => r.Problem!).ToList();
        var articles = results.Where(r => r.Article is not null).Select(r => r.Article!).ToList();
        if (problems.Count > 0 || articles.Count == 0)
        {
            var message = problems.Count > 0 ? $"{problems.Count} problem(s) in the submission; nothing was stored: {problems[0].Reason}" : "no article found in the body";
            await ApiReply.Error(http, 422, "invalid_article", message, w =>
            {
                w.WriteStartArray("problems");
                foreach (var p in problems)
                {
                    w.WriteStartObject();
                    w.WriteString("source", p.Source);
                    w.WriteString("reason", p.Reason);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            });
            return;
        }
        var outcomes = await ctx.StoreAsync(articles);
        http.Response.Headers.Location = $"{ApiEndpoints.Prefix}/articles/{outcomes[0].Id}";
        await ApiReply.Json(http, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("articles");
            foreach (var o in outcomes)
            {
                w.WriteStartObject();
                w.WriteString("id", o.Id);
                w.WriteString("outcome", o.Outcome.ToString().ToLowerInvariant());
                w.WriteString("duplicate_of", o.DuplicateOf);
                w.WriteString("href", $"{ApiEndpoints.Prefix}/articles/{o.Id}");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }, 201);
    }

    /// <summary>The body, refusing more than the limit even when no Content-Length was sent (chunked uploads).</summary>
    private static async Task<byte[]> ReadCapped(HttpContext http, long limit)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + n > limit)
                throw new Data.ApiProblem(413, "too_large", $"the body is larger than the {StreamLimits.FormatSize(limit)} limit");
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }
}
