using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Tidings.Documents;

namespace Tidings.Ingest.Html;

/// <summary>A page reduced to its article: headline, paragraphs and what the page says about itself.</summary>
public sealed record ExtractedPage(string? Title, IReadOnlyList<string> Paragraphs, HtmlMetadata Metadata);

/// <summary>
/// Extracts the article from a news page: SmartReader (Readability) finds the main content, Tidings turns it
/// into paragraphs and drops the furniture Readability keeps (captions, share widgets, teasers).
/// Hostile pages are refused before parsing: nesting deep enough to exhaust the stack, or millions of elements.
/// </summary>
public static class HtmlArticleExtractor
{
    public const int MaxNesting = 512;
    public const int MaxElements = 300_000;

    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = false };

    public static ExtractedPage Extract(string html, string? url)
    {
        CheckShape(html);
        var parser = new HtmlParser(ParserOptions);
        using var doc = parser.ParseDocument(html);
        var metadata = HtmlMetadata.Read(doc);
        var paragraphs = ReadableParagraphs(doc, url ?? metadata.Url);
        if (paragraphs.Count > 0)
        {
            // SmartReader rewrites the document it is given; the expansion needs the page as published.
            using var original = parser.ParseDocument(html);
            paragraphs = ContentExpander.Expand(original, paragraphs);
        }
        if (paragraphs.Count == 0 && metadata.ArticleBody is { } body)
            paragraphs = body.Split('\n').Select(HtmlParagraphs.CollapseWhiteSpace).Where(p => p.Length > 0).ToList();
        if (paragraphs.Count == 0 && doc.Body is { } b)
            paragraphs = HtmlParagraphs.Extract(b);
        return new ExtractedPage(metadata.Title, paragraphs, metadata);
    }

    /// <summary>Paragraphs of an HTML fragment (a feed item's content), without the readability step.</summary>
    public static List<string> FragmentParagraphs(string html)
    {
        CheckShape(html);
        var parser = new HtmlParser(ParserOptions);
        using var doc = parser.ParseDocument("<html><body>" + html + "</body></html>");
        return doc.Body is { } b ? HtmlParagraphs.Extract(b) : [];
    }

    private static List<string> ReadableParagraphs(IHtmlDocument doc, string? url)
    {
        var baseUrl = url is not null && Uri.TryCreate(url, UriKind.Absolute, out _) ? url : "http://localhost/";
        var reader = new SmartReader.Reader(baseUrl, doc)
        {
            ContinueIfNotReadable = true,
            MaxElemsToParse = MaxElements,
        };
        var article = reader.GetArticle();
        if (string.IsNullOrWhiteSpace(article.Content)) return [];
        var parser = new HtmlParser(ParserOptions);
        using var content = parser.ParseDocument("<html><body>" + article.Content + "</body></html>");
        return content.Body is { } body ? HtmlParagraphs.Extract(body) : [];
    }

    /// <summary>Builds the article: the headline as first line, then one line per paragraph.</summary>
    public static Article ToArticle(ExtractedPage page, string source, ArticleFormat format, string? url, DateTimeOffset? fallbackDate)
    {
        var title = page.Title is { } t ? HtmlParagraphs.CollapseWhiteSpace(t) : null;
        var paragraphs = page.Paragraphs.ToList();
        // Readability often keeps the page's own <h1>; it is the headline, not body.
        if (title is not null && paragraphs.Count > 0 && Cleaning.LayoutStage.SameHeadline(title, paragraphs[0])) paragraphs.RemoveAt(0);
        var lines = new List<string>();
        if (!string.IsNullOrEmpty(title)) lines.Add(title);
        lines.AddRange(paragraphs);
        var meta = page.Metadata;
        var article = new Article(string.Join("\n\n", lines), source, format)
        {
            HeadlineInText = !string.IsNullOrEmpty(title),
            Title = title,
            Url = url ?? meta.Url,
            Author = meta.Author,
            Outlet = meta.SiteName,
            Language = meta.Language,
            Published = meta.Published ?? fallbackDate,
            PublishedInferred = meta.Published is null && fallbackDate is not null,
        };
        return article;
    }

    /// <summary>Refuses markup whose shape would make parsing or extraction blow up.</summary>
    public static void CheckShape(string html)
    {
        int depth = 0, maxDepth = 0, elements = 0;
        for (int i = 0; i < html.Length - 1; i++)
        {
            if (html[i] != '<') continue;
            char c = html[i + 1];
            if (c == '/')
            {
                if (depth > 0 && !IsVoidOrImplicit(html, i + 2)) depth--;
                continue;
            }
            if (!char.IsAsciiLetter(c)) continue;
            elements++;
            if (IsVoidOrImplicit(html, i + 1)) continue;
            int close = html.IndexOf('>', i + 1);
            if (close > 0 && html[close - 1] == '/') continue;
            if (++depth > maxDepth) maxDepth = depth;
            if (maxDepth > MaxNesting)
                throw new InputRejectedException($"HTML nested more than {MaxNesting} levels deep");
            if (elements > MaxElements)
                throw new InputRejectedException($"HTML with more than {MaxElements:N0} elements");
        }
        if (elements > MaxElements) throw new InputRejectedException($"HTML with more than {MaxElements:N0} elements");
    }

    private static readonly string[] VoidOrImplicit =
        ["br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "param", "source", "track", "wbr",
         "p", "li", "td", "tr", "th", "option", "dt", "dd"];

    private static bool IsVoidOrImplicit(string html, int at) => VoidOrImplicit.Any(tag => TagAt(html, at, tag));

    private static bool TagAt(string html, int at, string tag) =>
        at + tag.Length <= html.Length
        && html.AsSpan(at, tag.Length).Equals(tag, StringComparison.OrdinalIgnoreCase)
        && (at + tag.Length == html.Length || !char.IsAsciiLetterOrDigit(html[at + tag.Length]));
}
