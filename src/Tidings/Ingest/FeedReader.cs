using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Tidings.Documents;
using Tidings.Ingest.Html;

namespace Tidings.Ingest;

/// <summary>
/// RSS 2.0 and Atom feeds through System.ServiceModel.Syndication, RSS 1.0 (RDF) through LINQ to XML.
/// Each item becomes an article. A feed that is not well-formed as a whole is read item by item, so one
/// broken item costs only itself; an unparseable date costs only the date.
/// </summary>
public sealed partial class FeedReader : IArticleReader
{
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string Rss1Ns = "http://purl.org/rss/1.0/";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";

    public InputFormat Format => InputFormat.Feed;

    [GeneratedRegex(@"<(?<tag>item|entry)\b[\s\S]*?</\k<tag>\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex ItemRegex();

    [GeneratedRegex(@"<(?<root>rss|feed|rdf:RDF)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex RootRegex();

    public IEnumerable<ReadResult> Read(InputDocument input, ReaderOptions options)
    {
        string xml;
        try
        {
            xml = TextDecoding.Decode(input.ReadAll(options.MaxBytes), input.Charset, sniffMarkup: true);
        }
        catch (InputRejectedException ex)
        {
            return [ReadResult.Fail(input.Source, ex.Message)];
        }
        try
        {
            return ReadWhole(xml, input.Source, n => $"{input.Source}#item {n}", options).ToList();
        }
        catch (XmlException)
        {
            return ReadItemByItem(xml, input, options);
        }
    }

    private static XmlReader CreateXmlReader(string xml, ReaderOptions options) => XmlReader.Create(new StringReader(xml), new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Ignore, // no entity expansion: "billion laughs" feeds are harmless
        XmlResolver = null,
        MaxCharactersInDocument = options.MaxBytes,
        IgnoreComments = true,
    });

    private static IEnumerable<ReadResult> ReadWhole(string xml, string feedSource, Func<int, string> itemSource, ReaderOptions options)
    {
        using var reader = CreateXmlReader(xml, options);
        reader.MoveToContent();
        if (reader.LocalName == "RDF") return ReadRss1(XDocument.Load(reader), feedSource, itemSource);
        var badDates = new List<string>();
        SyndicationFeedFormatter formatter = reader.LocalName == "feed" ? new Atom10FeedFormatter() : new Rss20FeedFormatter();
        formatter.DateTimeParser = (XmlDateTimeData data, out DateTimeOffset value) =>
        {
            if (FeedDates.TryParse(data.DateTimeString, out value)) return true;
            badDates.Add(data.DateTimeString);
            value = DateTimeOffset.MinValue; // marks "no date": the item is kept without it
            return true;
        };
        if (!formatter.CanRead(reader)) throw new XmlException("not an RSS 2.0 or Atom 1.0 feed");
        formatter.ReadFrom(reader);
        var feed = formatter.Feed;
        var outlet = feed.Title?.Text?.Trim();
        var results = new List<ReadResult>();
        int n = 0;
        foreach (var item in feed.Items)
        {
            n++;
            results.Add(FromItem(item, outlet, itemSource(n)));
        }
        if (results.Count == 0) results.Add(ReadResult.Fail(feedSource, "feed has no items"));
        return results;
    }

    private static ReadResult FromItem(SyndicationItem item, string? outlet, string source)
    {
        string? html = item.ElementExtensions.Where(e => e.OuterName == "encoded" && e.OuterNamespace == ContentNs)
            .Select(e => e.GetObject<string>()).FirstOrDefault();
        html ??= item.Content is TextSyndicationContent tc ? tc.Text : null;
        html ??= item.Summary?.Text;
        var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri?.ToString()
                   ?? (item.Id is { } id && id.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? id : null);
        DateTimeOffset? date = item.PublishDate != DateTimeOffset.MinValue ? item.PublishDate
            : item.LastUpdatedTime != DateTimeOffset.MinValue ? item.LastUpdatedTime : null;
        var author = item.Authors.Select(a => a.Name ?? a.Email).FirstOrDefault(a => !string.IsNullOrWhiteSpace(a))
                     ?? item.ElementExtensions.Where(e => e.OuterName == "creator" && e.OuterNamespace == DcNs)
                         .Select(e => e.GetObject<string>()).FirstOrDefault();
        return Build(source, item.Title?.Text, html, link, date, author, outlet);
    }

    private static ReadResult Build(string source, string? title, string? html, string? link, DateTimeOffset? date, string? author, string? outlet)
    {
        try
        {
            var paragraphs = string.IsNullOrWhiteSpace(html) ? [] : HtmlArticleExtractor.FragmentParagraphs(html);
            if (paragraphs.Count == 0) return ReadResult.Fail(source, "feed item has no text (no content or description)");
            var page = new ExtractedPage(title, paragraphs, new HtmlMetadata());
            var article = HtmlArticleExtractor.ToArticle(page, source, ArticleFormat.Feed, link, null);
            article.Published = date;
            article.Author = author?.Trim();
            article.Outlet = outlet;
            return ReadResult.Ok(article);
        }
        catch (InputRejectedException ex)
        {
            return ReadResult.Fail(source, ex.Message);
        }
    }

    private static IEnumerable<ReadResult> ReadRss1(XDocument doc, string feedSource, Func<int, string> itemSource)
    {
        XNamespace rss = Rss1Ns, dc = DcNs, content = ContentNs;
        var outlet = doc.Root?.Element(rss + "channel")?.Element(rss + "title")?.Value.Trim();
        int n = 0;
        var results = new List<ReadResult>();
        foreach (var item in doc.Root?.Elements(rss + "item") ?? [])
        {
            n++;
            var dateText = item.Element(dc + "date")?.Value;
            DateTimeOffset? date = FeedDates.TryParse(dateText, out var d) ? d : null;
            results.Add(Build(itemSource(n), item.Element(rss + "title")?.Value,
                item.Element(content + "encoded")?.Value ?? item.Element(rss + "description")?.Value,
                item.Element(rss + "link")?.Value.Trim(), date, item.Element(dc + "creator")?.Value, outlet));
        }
        if (results.Count == 0) results.Add(ReadResult.Fail(feedSource, "feed has no items"));
        return results;
    }

    /// <summary>Re-reads each item inside a copy of the feed's root element, so a broken item fails alone.</summary>
    private static List<ReadResult> ReadItemByItem(string xml, InputDocument input, ReaderOptions options)
    {
        var root = RootRegex().Match(xml);
        var results = new List<ReadResult>();
        if (!root.Success)
        {
            results.Add(ReadResult.Fail(input.Source, "malformed XML: no <rss>, <feed> or <rdf:RDF> root element"));
            return results;
        }
        string rootName = root.Groups["root"].Value;
        var items = ItemRegex().Matches(xml);
        // The channel's own elements (its title names the outlet) come before the first item.
        string header = items.Count > 0 ? xml[(root.Index + root.Length)..items[0].Index] : "";
        string close = rootName.Equals("rss", StringComparison.OrdinalIgnoreCase) ? "</channel></rss>" : $"</{rootName}>";
        int n = 0;
        foreach (Match m in items)
        {
            n++;
            string source = $"{input.Source}#item {n}";
            string wrapped = root.Value + header + m.Value + close;
            try
            {
                results.AddRange(ReadWhole(wrapped, source, _ => source, options));
            }
            catch (XmlException ex)
            {
                results.Add(ReadResult.Fail(source, $"malformed XML item: {ex.Message}"));
            }
        }
        if (n == 0) results.Add(ReadResult.Fail(input.Source, "malformed XML and no readable items"));
        return results;
    }
}
