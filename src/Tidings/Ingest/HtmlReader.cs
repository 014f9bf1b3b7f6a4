using Tidings.Documents;
using Tidings.Ingest.Html;

namespace Tidings.Ingest;

/// <summary>A news web page, one article per page.</summary>
public sealed class HtmlReader : IArticleReader
{
    public InputFormat Format => InputFormat.Html;

    public IEnumerable<ReadResult> Read(InputDocument input, ReaderOptions options)
    {
        ReadResult result;
        try
        {
            result = FromBytes(input.ReadAll(options.MaxBytes), input, ArticleFormat.Html);
        }
        catch (InputRejectedException ex)
        {
            result = ReadResult.Fail(input.Source, ex.Message);
        }
        yield return result;
    }

    /// <summary>Decodes a page (charset from the input, a BOM or the markup) and extracts its article.</summary>
    internal static ReadResult FromBytes(byte[] bytes, InputDocument input, ArticleFormat format)
    {
        try
        {
            return FromHtml(TextDecoding.Decode(bytes, input.Charset, sniffMarkup: true, legacyFallback: true), input, format);
        }
        catch (InputRejectedException ex)
        {
            return ReadResult.Fail(input.Source, ex.Message);
        }
    }

    internal static ReadResult FromHtml(string html, InputDocument input, ArticleFormat format)
    {
        var page = HtmlArticleExtractor.Extract(html, input.Url);
        if (page.Paragraphs.Count == 0) return ReadResult.Fail(input.Source, "no article text found in the page");
        return ReadResult.Ok(HtmlArticleExtractor.ToArticle(page, input.Source, format, input.Url, input.FallbackDate));
    }
}
