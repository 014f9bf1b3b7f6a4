using Tidings.Documents;

namespace Tidings.Ingest;

/// <summary>Plain-text articles like the samples: the first line is the headline, the rest the story.</summary>
public sealed class PlainTextReader : IArticleReader
{
    public InputFormat Format => InputFormat.PlainText;

    public IEnumerable<ReadResult> Read(InputDocument input, ReaderOptions options)
    {
        ReadResult result;
        try
        {
            var text = TextDecoding.Decode(input.ReadAll(options.MaxBytes));
            result = string.IsNullOrWhiteSpace(text)
                ? ReadResult.Fail(input.Source, "empty file (only white space)")
                : ReadResult.Ok(new Article(text, input.Source, ArticleFormat.PlainText)
                {
                    HeadlineInText = true,
                    Url = input.Url,
                    Published = input.FallbackDate,
                    PublishedInferred = input.FallbackDate is not null,
                });
        }
        catch (InputRejectedException ex)
        {
            result = ReadResult.Fail(input.Source, ex.Message);
        }
        yield return result;
    }
}
