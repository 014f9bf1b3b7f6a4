namespace Tidings.Language;

/// <summary>One syntactic word of an annotated corpus sentence.</summary>
public sealed record CorpusWord(string Form, string Lemma, string Upos, string Xpos, string Misc)
{
    /// <summary>NER label in BIO form ("O", "B-PERSON", "I-LOC") when the corpus has one.</summary>
    public string Ner { get; set; } = "O";

    /// <summary>1-based index of the syntactic head within the sentence (0 = root), -1 when unknown.</summary>
    public int Head { get; set; } = -1;

    /// <summary>Universal dependency relation to the head ("nsubj", "obl:tmod"), "_" when unknown.</summary>
    public string Deprel { get; set; } = "_";
}

/// <summary>A multi-word token (e.g. "don't" = do + n't) covering words [First, Last] (0-based, inclusive).</summary>
public readonly record struct MultiWordToken(int First, int Last, string Form);

/// <summary>One annotated sentence of a corpus file.</summary>
public sealed class CorpusSentence
{
    public List<CorpusWord> Words { get; } = new();
    public List<MultiWordToken> MultiWordTokens { get; } = new();
    public string? Text { get; set; }
    public bool NewDocument { get; set; }
    public bool NewParagraph { get; set; }
    public string? Id { get; set; }
}

/// <summary>Readers for CoNLL-U, IOB2 / CoNLL-2003 style and one-token-per-line files.</summary>
public static class CorpusReader
{
    public static List<CorpusSentence> ReadConllu(string path) => ReadConllu(File.ReadLines(path));

    public static List<CorpusSentence> ReadConllu(IEnumerable<string> lines)
    {
        var result = new List<CorpusSentence>();
        var current = new CorpusSentence();
        foreach (var raw in lines)
        {
            string line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                if (current.Words.Count > 0) result.Add(current);
                current = new CorpusSentence();
                continue;
            }
            if (line[0] == '#')
            {
                if (line.StartsWith("# text = ", StringComparison.Ordinal)) current.Text = line[9..];
                else if (line.StartsWith("# newdoc", StringComparison.Ordinal)) { current.NewDocument = true; current.NewParagraph = true; }
                else if (line.StartsWith("# newpar", StringComparison.Ordinal)) current.NewParagraph = true;
                else if (line.StartsWith("# sent_id = ", StringComparison.Ordinal)) current.Id = line[12..];
                continue;
            }
            var cols = line.Split('\t');
            if (cols.Length < 2) continue;
            string id = cols[0];
            if (id.Contains('.')) continue; // empty nodes
            int dash = id.IndexOf('-');
            if (dash > 0)
            {
                int first = int.Parse(id.AsSpan(0, dash)) - 1, last = int.Parse(id.AsSpan(dash + 1)) - 1;
                current.MultiWordTokens.Add(new MultiWordToken(first, last, cols[1]));
                continue;
            }
            string Col(int k) => cols.Length > k ? cols[k] : "_";
            var word = new CorpusWord(cols[1], Col(2), Col(3), Col(4), Col(9));
            if (cols.Length > 6 && int.TryParse(cols[6], out int head)) word.Head = head;
            if (cols.Length > 7) word.Deprel = cols[7];
            current.Words.Add(word);
        }
        if (current.Words.Count > 0) result.Add(current);
        return result;
    }

    /// <summary>
    /// Reads token-per-line files: first column is the token; the last column is used as the NER tag when it
    /// looks like one (O, B-X, I-X), which covers IOB2 and CoNLL-2003. CoNLL-U files are detected by their
    /// numeric first column and read with <see cref="ReadConllu(IEnumerable{string})"/>.
    /// </summary>
    public static List<CorpusSentence> ReadTokenLines(IEnumerable<string> lines)
    {
        var all = lines.ToList();
        var firstData = all.FirstOrDefault(l => l.Length > 0 && l[0] != '#');
        if (firstData != null)
        {
            var c = firstData.Split('\t');
            if (c.Length >= 10 && int.TryParse(c[0].Split('-')[0], out _)) return ReadConllu(all);
        }
        var result = new List<CorpusSentence>();
        var current = new CorpusSentence();
        foreach (var raw in all)
        {
            string line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                if (current.Words.Count > 0) result.Add(current);
                current = new CorpusSentence();
                continue;
            }
            if (line[0] == '#' || line.StartsWith("-DOCSTART-", StringComparison.Ordinal)) continue;
            var cols = line.Split(line.Contains('\t') ? '\t' : ' ');
            int formCol = cols.Length >= 3 && int.TryParse(cols[0], out _) ? 1 : 0; // IOB2 files number their tokens
            var word = new CorpusWord(cols[formCol], "_", "_", "_", "_");
            string last = cols[^1];
            if (cols.Length > 1 && (last == "O" || last.StartsWith("B-", StringComparison.Ordinal) || last.StartsWith("I-", StringComparison.Ordinal)))
                word.Ner = last;
            else if (cols.Length >= 3 && formCol == 1)
            {
                string c2 = cols[2];
                if (c2 == "O" || c2.StartsWith("B-", StringComparison.Ordinal) || c2.StartsWith("I-", StringComparison.Ordinal)) word.Ner = c2;
            }
            current.Words.Add(word);
        }
        if (current.Words.Count > 0) result.Add(current);
        return result;
    }

    /// <summary>Reads a UNER IOB2 file (id, token, tag, ...) mapping PER → PERSON.</summary>
    public static List<CorpusSentence> ReadIob2(string path)
    {
        var sentences = ReadTokenLines(File.ReadLines(path));
        foreach (var s in sentences)
            foreach (var w in s.Words)
                w.Ner = NormalizeNerTag(w.Ner);
        return sentences;
    }

    public static string NormalizeNerTag(string tag)
    {
        if (tag.Length < 3) return "O";
        string type = tag[2..] switch
        {
            "PER" or "PERSON" => "PERSON",
            "ORG" or "ORGANIZATION" => "ORG",
            "LOC" or "GPE" or "LOCATION" => "LOC",
            "MISC" or "NORP" => "MISC",
            _ => ""
        };
        return type.Length == 0 ? "O" : tag[..2] + type;
    }

    /// <summary>The GUM files of one split listed in splits.md ("train" = every file not in dev or test).</summary>
    public static List<string> GumFiles(string gumDir, string split)
    {
        var splitsPath = Path.Combine(gumDir, "splits.md");
        var named = new Dictionary<string, string>();
        string? section = null;
        foreach (var line in File.ReadLines(splitsPath))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal)) { section = line[3..].Trim(); continue; }
            var t = line.Trim();
            if (section != null && t.StartsWith("* ", StringComparison.Ordinal)) named[t[2..].Trim()] = section;
        }
        var files = Directory.GetFiles(gumDir, "*.conllu").OrderBy(f => f, StringComparer.Ordinal).ToList();
        return files.Where(f =>
        {
            var name = Path.GetFileNameWithoutExtension(f);
            var s = named.TryGetValue(name, out var sec) ? sec : "train";
            return s == split;
        }).ToList();
    }
}
