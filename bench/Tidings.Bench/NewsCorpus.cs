using System.Text;

namespace Tidings.Bench;

/// <summary>
/// A benchmark corpus of real news text: the PolNeAR articles and GUM news documents from ../shared/corpora
/// and the two samples, replicated with variations (a distinct lead paragraph, paragraphs rotated) so that no
/// two files are exact duplicates. Written as plain-text article files, the samples' format.
/// </summary>
public static class NewsCorpus
{
    public static List<string> LoadSourceArticles(string repoRoot)
    {
        var corpora = Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "corpora"));
        var articles = new List<string>();
        foreach (var dir in new[] { "polnear/train/text", "polnear/dev/text" })
        {
            var path = Path.Combine(corpora, dir);
            if (Directory.Exists(path))
                articles.AddRange(Directory.EnumerateFiles(path, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        }
        var gum = Path.Combine(corpora, "gum");
        if (Directory.Exists(gum))
            articles.AddRange(Directory.EnumerateFiles(gum, "GUM_news_*.conllu").Order(StringComparer.Ordinal).Select(ConlluToText));
        articles.AddRange(Directory.EnumerateFiles(Path.Combine(repoRoot, "samples")).Order(StringComparer.Ordinal).Select(File.ReadAllText));
        if (articles.Count < 10) throw new InvalidOperationException($"expected news texts under {corpora}");
        return articles;
    }

    /// <summary>The raw text of a CoNLL-U document: its "# text" lines, a blank line at each new paragraph.</summary>
    private static string ConlluToText(string path)
    {
        var sb = new StringBuilder();
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("# newpar", StringComparison.Ordinal) && sb.Length > 0) sb.Append("\n\n");
            else if (line.StartsWith("# text = ", StringComparison.Ordinal))
            {
                if (sb.Length > 0 && sb[^1] != '\n') sb.Append(' ');
                sb.Append(line.AsSpan(9));
            }
        }
        return sb.ToString();
    }

    /// <summary>Writes <paramref name="count"/> article files under <paramref name="dir"/>; returns their total size in bytes.</summary>
    public static long Write(string dir, List<string> sources, int count)
    {
        Directory.CreateDirectory(dir);
        long bytes = 0;
        for (int i = 0; i < count; i++)
        {
            var text = Vary(sources[i % sources.Count], i / sources.Count, i);
            var path = Path.Combine(dir, $"{i / 1000:D3}", $"article-{i:D6}.txt");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            bytes += Encoding.UTF8.GetByteCount(text);
        }
        return bytes;
    }

    private static string Vary(string article, int round, int index)
    {
        if (round == 0) return article;
        var paragraphs = article.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (paragraphs.Count > 3)
        {
            // Keep the headline and the lead; rotate the rest so replicas differ like rewrites do.
            var tail = paragraphs.Skip(2).ToList();
            int shift = round % tail.Count;
            paragraphs = paragraphs.Take(2).Concat(tail.Skip(shift)).Concat(tail.Take(shift)).ToList();
        }
        paragraphs.Insert(1, $"Update {index}: this version of the report was revised {round} times, the editors said.");
        return string.Join("\n\n", paragraphs);
    }
}
