using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Tidings.Ingest.Html;

/// <summary>
/// Readability keeps the best-scoring container and drops what it judges hidden or off-topic; news sites
/// often put the second half of a story in a collapsed "read more" box inside the same container. This finds
/// the container that holds the extracted paragraphs in the original page and adds the paragraphs of that
/// container that read like story text (long enough, ending a sentence), in page order.
/// </summary>
internal static class ContentExpander
{
    private const int MinAnchorLength = 60;
    private const double MaxGrowth = 8;
    private const int MinAddedWords = 10;

    public static List<string> Expand(IHtmlDocument original, List<string> extracted)
    {
        if (extracted.Count == 0 || original.Body is null) return extracted;
        var wanted = new HashSet<string>(extracted.Where(p => p.Length >= MinAnchorLength), StringComparer.Ordinal);
        if (wanted.Count == 0) return extracted;
        var anchors = new List<IElement>();
        foreach (var p in original.Body.QuerySelectorAll("p, li, blockquote, h2, h3, pre"))
        {
            if (wanted.Contains(HtmlParagraphs.CollapseWhiteSpace(p.TextContent))) anchors.Add(p);
        }
        if (anchors.Count < Math.Max(1, wanted.Count / 2)) return extracted;
        var container = CommonAncestor(anchors);
        if (container is null || container.LocalName is "body" or "html") return extracted;
        var candidates = HtmlParagraphs.Extract(container);
        int extractedLength = extracted.Sum(p => p.Length);
        if (candidates.Sum(p => p.Length) > MaxGrowth * extractedLength) return extracted;
        var known = new HashSet<string>(extracted, StringComparer.Ordinal);
        var result = new List<string>(candidates.Count);
        foreach (var c in candidates)
        {
            if (known.Contains(c) || ReadsLikeStory(c)) result.Add(c);
        }
        // Never lose what Readability found: fall back when the container misses some of it.
        return known.All(k => result.Contains(k)) && result.Count > extracted.Count ? result : extracted;
    }

    private static bool ReadsLikeStory(string paragraph)
    {
        int words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        char last = paragraph[^1];
        return words >= MinAddedWords && (last is '.' or '!' or '?' or '"' or '”' or '’' or ')' or ':');
    }

    private static IElement? CommonAncestor(List<IElement> elements)
    {
        var path = Ancestors(elements[0]);
        foreach (var e in elements.Skip(1))
        {
            var set = new HashSet<IElement>(Ancestors(e));
            path = path.Where(set.Contains).ToList();
        }
        return path.FirstOrDefault();
    }

    /// <summary>The element's ancestors, nearest first.</summary>
    private static List<IElement> Ancestors(IElement e)
    {
        var list = new List<IElement>();
        for (var p = e.ParentElement; p is not null; p = p.ParentElement) list.Add(p);
        return list;
    }
}
