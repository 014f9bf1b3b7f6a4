using System.CommandLine;
using System.Text;
using Tidings.Language;

namespace Tidings.Cli.Commands;

/// <summary>
/// `tidings tag FILE|-`: raw text in, one token per line out
/// (token, start, end, upos, xpos, lemma, ner; blank line between sentences).
/// With --pretokenized the input is one token per line (first column; CoNLL-U, CoNLL-2003 and IOB2 work as
/// they are) and start/end are offsets in the sentence's tokens joined by single spaces.
/// </summary>
internal static class TagCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "Input file, or - for standard input", DefaultValueFactory = _ => "-" };
        var pretokenized = new Option<bool>("--pretokenized") { Description = "Input is one token per line, blank line between sentences" };
        var cmd = new Command("tag", "Tokenize, split, tag, lemmatize and recognise entities; one token per line") { input, pretokenized };
        cmd.SetAction(parse =>
        {
            string path = parse.GetValue(input) ?? "-";
            string content = path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path);
            // Console.Out flushes per write; a buffered stdout writer keeps large outputs fast.
            var configured = parse.InvocationConfiguration.Output;
            using var buffered = ReferenceEquals(configured, Console.Out) ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) : null;
            var output = buffered ?? configured;
            if (parse.GetValue(pretokenized)) WritePretokenized(content, output);
            else WriteRaw(content, output);
            output.Flush();
            return 0;
        });
        return cmd;
    }

    private static void WriteRaw(string text, TextWriter output)
    {
        var analyzed = LanguageAnalyzer.Default.Analyze(text);
        foreach (var sentence in analyzed.Sentences)
        {
            for (int i = sentence.FirstToken; i < sentence.FirstToken + sentence.TokenCount; i++)
                WriteToken(output, analyzed.Tokens[i], text.Substring(analyzed.Tokens[i].Start, analyzed.Tokens[i].Length));
            output.WriteLine();
        }
    }

    private static void WritePretokenized(string content, TextWriter output)
    {
        var sentences = CorpusReader.ReadTokenLines(content.Split('\n'));
        // CoNLL-U multi-word tokens: tag the syntactic words, as the treebanks do.
        var forms = sentences.Select(s => (IReadOnlyList<string>)s.Words.Select(w => w.Form).ToList()).ToList();
        var tagged = LanguageAnalyzer.Default.AnalyzePretokenized(forms);
        for (int s = 0; s < tagged.Count; s++)
        {
            for (int i = 0; i < tagged[s].Length; i++) WriteToken(output, tagged[s][i], forms[s][i]);
            output.WriteLine();
        }
    }

    private static void WriteToken(TextWriter output, Token token, string form)
    {
        output.Write(form.Replace('\t', ' ').Replace('\n', ' '));
        output.Write('\t'); output.Write(token.Start);
        output.Write('\t'); output.Write(token.End);
        output.Write('\t'); output.Write(token.Upos);
        output.Write('\t'); output.Write(token.Xpos);
        output.Write('\t'); output.Write(token.Lemma);
        output.Write('\t'); output.WriteLine(token.Ner);
    }
}
