namespace Tidings.Documents;

/// <summary>
/// One news article: the original text, never modified, plus metadata and typed spans over that text.
/// Readers create it; pipeline stages add spans; stores persist it.
/// </summary>
public sealed class Article
{
    public Article(string text, string source, ArticleFormat format)
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
        Source = source;
        Format = format;
    }

    /// <summary>The text every offset refers to.</summary>
    public string Text { get; }

    /// <summary>Where the article came from: a file path, with ":line" or "#record" when one file holds many.</summary>
    public string Source { get; }

    public ArticleFormat Format { get; }

    /// <summary>Stable id: from the URL when there is one, otherwise from the normalized body.</summary>
    public string Id { get; set; } = "";

    /// <summary>SHA-256 of the normalized body: equal for exact duplicates.</summary>
    public string ContentHash { get; set; } = "";

    public string? Url { get; set; }
    public string? Title { get; set; }
    public string? Outlet { get; set; }
    public string? Author { get; set; }
    public string? Language { get; set; }
    public DateTimeOffset? Published { get; set; }

    /// <summary>True when the date was not stated by the article (e.g. a crawl date).</summary>
    public bool PublishedInferred { get; set; }

    /// <summary>True when the first line of <see cref="Text"/> is the headline (plain text and HTML readers).</summary>
    public bool HeadlineInText { get; set; }

    public TextSpan? Headline { get; set; }
    public Dateline? Dateline { get; set; }
    public List<TextSpan> Body { get; } = [];
    public List<BoilerplateSpan> Boilerplate { get; } = [];

    /// <summary>Annotation layers added by later stages (sentences, entities, quotes, …), keyed by layer name.</summary>
    public AnnotationLayers Layers { get; } = new();

    /// <summary>Problems a stage met while processing this article; the article is still usable.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>The clean body: body spans joined by blank lines.</summary>
    public string BodyText => string.Join("\n\n", Body.Select(s => s.Slice(Text)));

    public string HeadlineText => Headline is { } h ? h.Slice(Text) : Title ?? "";
}

public enum ArticleFormat
{
    PlainText,
    Html,
    Feed,
    JsonLines,
    Warc,
}
