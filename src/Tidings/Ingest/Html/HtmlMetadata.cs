using System.Globalization;
using System.Text.Json;
using AngleSharp.Html.Dom;

namespace Tidings.Ingest.Html;

/// <summary>What a page says about itself in JSON-LD and meta tags.</summary>
public sealed class HtmlMetadata
{
    public string? Title { get; private set; }
    public string? Author { get; private set; }
    public string? SiteName { get; private set; }
    public string? Language { get; private set; }
    public string? Url { get; private set; }
    public DateTimeOffset? Published { get; private set; }
    public string? ArticleBody { get; private set; }

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "OpinionNewsArticle",
        "BackgroundNewsArticle", "LiveBlogPosting", "WebPage", "Report", "ScholarlyArticle",
    };

    public static HtmlMetadata Read(IHtmlDocument doc)
    {
        var meta = new HtmlMetadata();
        foreach (var script in doc.QuerySelectorAll("script[type='application/ld+json']"))
            meta.ReadJsonLd(script.TextContent);
        meta.Title ??= Meta(doc, "og:title") ?? Meta(doc, "twitter:title") ?? doc.Title?.Trim();
        meta.SiteName ??= Meta(doc, "og:site_name") ?? Meta(doc, "application-name");
        meta.Author ??= Meta(doc, "author") ?? Meta(doc, "article:author") ?? Meta(doc, "dc.creator") ?? Meta(doc, "byl");
        if (meta.Author is { } a && a.StartsWith("http", StringComparison.OrdinalIgnoreCase)) meta.Author = null;
        meta.Url ??= doc.QuerySelector("link[rel='canonical']")?.GetAttribute("href") ?? Meta(doc, "og:url");
        meta.Language ??= doc.DocumentElement.GetAttribute("lang") ?? Meta(doc, "og:locale") ?? Meta(doc, "content-language");
        meta.Published ??= ParseDate(Meta(doc, "article:published_time") ?? Meta(doc, "og:published_time")
            ?? Meta(doc, "datepublished") ?? Meta(doc, "pubdate") ?? Meta(doc, "publishdate") ?? Meta(doc, "date")
            ?? Meta(doc, "dc.date") ?? Meta(doc, "dc.date.issued") ?? Meta(doc, "sailthru.date")
            ?? doc.QuerySelector("time[datetime]")?.GetAttribute("datetime"));
        if (meta.Language is { } lang) meta.Language = lang.Replace('_', '-').Split('-')[0].ToLowerInvariant();
        return meta;
    }

    private static string? Meta(IHtmlDocument doc, string name)
    {
        foreach (var m in doc.QuerySelectorAll("meta"))
        {
            var key = m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop") ?? m.GetAttribute("http-equiv");
            if (key is not null && key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                var content = m.GetAttribute("content")?.Trim();
                if (!string.IsNullOrEmpty(content)) return content;
            }
        }
        return null;
    }

    private void ReadJsonLd(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            Visit(doc.RootElement, 0);
        }
        catch (JsonException)
        {
            // Broken JSON-LD is common and not the article's fault; the meta tags still count.
        }
    }

    private void Visit(JsonElement e, int depth)
    {
        if (depth > 8) return;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray()) Visit(item, depth + 1);
            return;
        }
        if (e.ValueKind != JsonValueKind.Object) return;
        if (e.TryGetProperty("@graph", out var graph)) Visit(graph, depth + 1);
        if (!IsArticle(e)) return;
        Title ??= Str(e, "headline") ?? Str(e, "name");
        Published ??= ParseDate(Str(e, "datePublished") ?? Str(e, "dateCreated"));
        Author ??= Name(e, "author");
        if (e.TryGetProperty("publisher", out var pub)) SiteName ??= pub.ValueKind == JsonValueKind.Object ? Str(pub, "name") : null;
        Language ??= Str(e, "inLanguage");
        Url ??= Str(e, "url") ?? (e.TryGetProperty("mainEntityOfPage", out var page) && page.ValueKind == JsonValueKind.Object ? Str(page, "@id") : null);
        ArticleBody ??= Str(e, "articleBody");
    }

    private static bool IsArticle(JsonElement e)
    {
        if (!e.TryGetProperty("@type", out var type)) return false;
        if (type.ValueKind == JsonValueKind.String) return ArticleTypes.Contains(type.GetString()!);
        return type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString()!));
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString()!.Trim() : null;

    private static string? Name(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return null;
        var names = new List<string>();
        void Add(JsonElement x)
        {
            if (x.ValueKind == JsonValueKind.String) names.Add(x.GetString()!.Trim());
            else if (x.ValueKind == JsonValueKind.Object && Str(x, "name") is { } n) names.Add(n);
        }
        if (v.ValueKind == JsonValueKind.Array) foreach (var x in v.EnumerateArray()) Add(x);
        else Add(v);
        names.RemoveAll(string.IsNullOrWhiteSpace);
        return names.Count > 0 ? string.Join(", ", names) : null;
    }

    /// <summary>Dates as pages and feeds write them: ISO 8601, RFC 822/1123 and their common deviations.</summary>
    public static DateTimeOffset? ParseDate(string? s) => FeedDates.TryParse(s, out var d) ? d : null;
}
