using System.Security.Cryptography;
using System.Text;
using Tidings.Documents;
using Tidings.Pipeline;

namespace Tidings.Cleaning;

/// <summary>
/// Gives the article its stable id — from the canonical URL when there is one, otherwise from the
/// normalized body — and the content hash that finds exact duplicates.
/// </summary>
public sealed class IdentityStage : IArticleStage
{
    public string Name => "identity";

    public void Process(Article article)
    {
        var body = NormalizedBody(article);
        article.ContentHash = Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        if (string.IsNullOrEmpty(article.Id))
            article.Id = article.Url is { Length: > 0 } url && CanonicalUrl(url) is { } canon
                ? Hex(SHA256.HashData(Encoding.UTF8.GetBytes("url\n" + canon)))[..16]
                : article.ContentHash[..16];
    }

    /// <summary>The body as compared for duplicates: normalized, paragraphs joined by one line break.</summary>
    public static string NormalizedBody(Article article)
    {
        var sb = new StringBuilder(article.Text.Length);
        foreach (var span in article.Body)
        {
            if (sb.Length > 0) sb.Append('\n');
            // Body spans are trimmed, so their normalized text needs no trimming either.
            TextNormalizer.Normalize(article.Text, span.Start, span.End, sb, null);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Lower-case scheme and host, no fragment, no tracking parameters, no trailing slash: the same page
    /// reached through a newsletter link and through a feed gets the same id.
    /// </summary>
    public static string? CanonicalUrl(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return url.Trim();
        var query = string.Join("&", uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !IsTrackingParameter(p)).Order(StringComparer.Ordinal));
        string host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        string path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : "";
        return $"{host}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}{path}{(query.Length > 0 ? "?" + query : "")}";
    }

    private static bool IsTrackingParameter(string p) =>
        p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || p.StartsWith("fbclid=", StringComparison.OrdinalIgnoreCase)
        || p.StartsWith("gclid=", StringComparison.OrdinalIgnoreCase) || p.StartsWith("cmpid=", StringComparison.OrdinalIgnoreCase)
        || p.StartsWith("ocid=", StringComparison.OrdinalIgnoreCase) || p.StartsWith("smid=", StringComparison.OrdinalIgnoreCase);

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
