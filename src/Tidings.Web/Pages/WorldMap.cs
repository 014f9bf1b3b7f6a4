using System.Globalization;

namespace Tidings.Web.Pages;

/// <summary>A place to mark on the map.</summary>
public sealed record MapPoint(string Name, double Latitude, double Longitude, string? Href = null);

/// <summary>
/// A small SVG map: Natural Earth country outlines shipped in the assembly (Map/NOTICE.md), equirectangular, framed on
/// the points with a margin, each point a dot with its name. No tiles, nothing fetched.
/// </summary>
public static class WorldMap
{
    private static readonly Lazy<List<(string Name, string Path)>> Countries = new(Load);

    public static void Render(Html h, IReadOnlyList<MapPoint> points)
    {
        if (points.Count == 0) return;
        // x = longitude + 180, y = 90 - latitude: the projection the outlines were written in.
        double minX = points.Min(p => p.Longitude + 180), maxX = points.Max(p => p.Longitude + 180);
        double minY = points.Min(p => 90 - p.Latitude), maxY = points.Max(p => 90 - p.Latitude);
        double margin = Math.Max(8, Math.Max(maxX - minX, maxY - minY) * 0.25);
        double x = Math.Max(0, minX - margin), y = Math.Max(0, minY - margin);
        double w = Math.Min(360 - x, maxX - minX + 2 * margin), height = Math.Min(180 - y, maxY - minY + 2 * margin);
        // Keep a 2:1 frame so the page layout does not jump.
        if (w < 2 * height) { double grow = 2 * height - w; x = Math.Max(0, x - grow / 2); w = Math.Min(360 - x, w + grow); }
        else { double grow = w / 2 - height; y = Math.Max(0, y - grow / 2); height = Math.Min(180 - y, height + grow); }
        double r = Math.Max(0.4, w / 120);
        h.Open("figure", ("class", "map"));
        h.Raw(string.Create(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{x:0.#} {y:0.#} {w:0.#} {height:0.#}\" role=\"img\" aria-label=\"map of the places\">"));
        foreach (var (name, path) in Countries.Value)
            h.Open("path", ("d", path), ("class", "country")).Open("title").Text(name).Close("title").Close("path");
        foreach (var p in points)
        {
            double cx = p.Longitude + 180, cy = 90 - p.Latitude;
            if (p.Href is not null) h.Open("a", ("href", p.Href));
            h.Raw(string.Create(CultureInfo.InvariantCulture, $"<circle class=\"place\" cx=\"{cx:0.##}\" cy=\"{cy:0.##}\" r=\"{r:0.##}\">"))
                .Open("title").Text(p.Name).Close("title").Close("circle");
            h.Raw(string.Create(CultureInfo.InvariantCulture, $"<text x=\"{cx + r * 1.5:0.##}\" y=\"{cy + r:0.##}\" font-size=\"{r * 3:0.##}\">")).Text(p.Name).Close("text");
            if (p.Href is not null) h.Close("a");
        }
        h.Raw("</svg>");
        h.El("figcaption", "Country outlines: Natural Earth (public domain)");
        h.Close("figure");
    }

    private static List<(string, string)> Load()
    {
        using var stream = typeof(WorldMap).Assembly.GetManifestResourceStream("Tidings.Web.Map.countries-110m.tsv")
                           ?? throw new InvalidOperationException("the country outlines are missing from the assembly");
        using var reader = new StreamReader(stream);
        var list = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
            if (line.IndexOf('\t') is > 0 and var tab) list.Add((line[..tab], line[(tab + 1)..]));
        return list;
    }
}
