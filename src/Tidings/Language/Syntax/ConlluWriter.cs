namespace Tidings.Language.Syntax;

/// <summary>
/// Writes parsed sentences as CoNLL-U: id, form, lemma, upos, xpos, feats (_), head, deprel, deps (_) and
/// misc holding the token's character offsets (start=…|end=…, end exclusive) in the parsed text.
/// </summary>
public static class ConlluWriter
{
    public static void WriteSentence(TextWriter output, IReadOnlyList<Token> tokens, IReadOnlyList<string> forms)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            output.Write(i + 1);
            output.Write('\t'); output.Write(Clean(forms[i]));
            output.Write('\t'); output.Write(Clean(t.Lemma));
            output.Write('\t'); output.Write(t.Upos);
            output.Write('\t'); output.Write(t.Xpos);
            output.Write("\t_\t");
            output.Write(t.Head < 0 ? "_" : t.Head.ToString(System.Globalization.CultureInfo.InvariantCulture));
            output.Write('\t'); output.Write(t.Deprel);
            output.Write("\t_\tstart=");
            output.Write(t.Start);
            output.Write("|end=");
            output.WriteLine(t.End);
        }
        output.WriteLine();
    }

    // A CoNLL-U field holds no tab or line break.
    private static string Clean(string field) => field.Length == 0 ? "_" : field.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
