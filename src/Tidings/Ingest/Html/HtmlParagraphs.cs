using System.Text;
using AngleSharp.Dom;

namespace Tidings.Ingest.Html;

/// <summary>
/// Turns an element into paragraphs of plain text: block elements end a paragraph, inline ones flow into it,
/// and elements that are never article text (figures and captions, asides, navigation, forms, share
/// widgets, teasers) are left out.
/// </summary>
public static class HtmlParagraphs
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dd", "dt",
        "blockquote", "pre", "table", "tr", "td", "th", "header", "footer", "hr", "br", "address", "center", "details",
        "summary", "body", "html",
    };

    private static readonly HashSet<string> SkippedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "figure", "figcaption", "aside", "nav", "form", "button", "input",
        "select", "textarea", "iframe", "svg", "canvas", "video", "audio", "object", "embed", "picture", "img", "label",
        "menu", "dialog", "head", "title", "meta", "link", "source",
    };

    // Class or id fragments of page furniture that sits inside article bodies.
    private static readonly string[] FurnitureMarkers =
    [
        "caption", "credit", "share", "sharing", "social", "related", "newsletter", "subscribe", "promo", "advert",
        "sponsor", "comment", "recommend", "read-more", "readmore", "also-read", "more-stories", "tags", "breadcrumb",
        "author-bio", "paywall", "signup", "sign-up", "toolbar", "print", "outbrain", "taboola", "teaser", "inline-ad",
        "ad-container", "ad-slot", "adslot", "dfp", "cookie", "popup", "modal", "visually-hidden", "sr-only",
    ];

    public static List<string> Extract(INode root)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        new Walker(root.TextContent.Length, current, paragraphs).Walk(root, 0);
        Flush(current, paragraphs);
        return paragraphs;
    }

    /// <summary>
    /// A class or id that names furniture ("share", "read-more") removes an element only when it holds a minor
    /// part of the text: sites also wrap the article itself in "read-more" or "story-comments-free" boxes.
    /// </summary>
    private sealed class Walker(int totalText, StringBuilder current, List<string> paragraphs)
    {
        private const double MaxFurnitureShare = 0.3;

        public void Walk(INode node, int depth)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        current.Append(text.Data);
                        break;
                    case IElement element:
                        if (IsSkippedTag(element)) continue;
                        if (IsFurniture(element) && element.TextContent.Length < MaxFurnitureShare * totalText) continue;
                        bool block = BlockTags.Contains(element.LocalName);
                        if (block) Flush(current, paragraphs);
                        if (depth < 400) Walk(element, depth + 1);
                        if (block) Flush(current, paragraphs);
                        else if (element.LocalName is "td" or "th") current.Append(' ');
                        break;
                }
            }
        }
    }

    /// <summary>Elements that never hold article text, whatever their size: scripts, figures, forms, hidden ones.</summary>
    public static bool IsSkippedTag(IElement element)
    {
        if (SkippedTags.Contains(element.LocalName)) return true;
        if (element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true") return true;
        var style = element.GetAttribute("style");
        return style is not null && style.Replace(" ", "").Contains("display:none", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsFurniture(IElement element) => IsFurniture(element.ClassName) || IsFurniture(element.Id);

    private static bool IsFurniture(string? names)
    {
        if (string.IsNullOrEmpty(names)) return false;
        foreach (var marker in FurnitureMarkers)
        {
            int at = names.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            // "shared-content" or "comment-free-zone" style names inside words are rare; require a word start.
            if (at >= 0 && (at == 0 || !char.IsLetter(names[at - 1]))) return true;
        }
        return false;
    }

    private static void Flush(StringBuilder current, List<string> paragraphs)
    {
        if (current.Length == 0) return;
        var text = CollapseWhiteSpace(current.ToString());
        current.Clear();
        if (text.Length > 0) paragraphs.Add(text);
    }

    public static string CollapseWhiteSpace(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
