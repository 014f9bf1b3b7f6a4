using Tidings.Language;
using Tidings.Language.Syntax;

namespace Tidings.Tests.Language.Syntax;

/// <summary>The tree API on hand-built trees, independent of the parser model.</summary>
public class DependencyTreeTests
{
    /// <summary>Builds a one-sentence tree from "word/UPOS/head/relation" items (heads 1-based, 0 = root).</summary>
    private static DependencyTree Tree(params string[] items)
    {
        var words = items.Select(i => i.Split('/')).ToArray();
        var text = string.Join(' ', words.Select(w => w[0]));
        var tokens = new List<Token>();
        int at = 0;
        foreach (var w in words)
        {
            tokens.Add(new Token(at, at + w[0].Length, w[1], "_", w[0], "O") { Head = int.Parse(w[2]), Deprel = w[3] });
            at += w[0].Length + 1;
        }
        return new DependencyTree(text, tokens, new Sentence(0, text.Length, 0, tokens.Count));
    }

    private static string[] Texts(DependencyTree tree, IEnumerable<int> indices) => indices.Select(tree.TextOf).ToArray();

    [Fact]
    public void HeadsChildrenRelationsAndSubtrees()
    {
        // militants took hostages after seizing a centre
        var t = Tree("militants/NOUN/2/nsubj", "took/VERB/0/root", "hostages/NOUN/2/obj", "after/SCONJ/5/mark",
            "seizing/VERB/2/advcl", "a/DET/7/det", "centre/NOUN/5/obj");
        Assert.Equal(1, t.Root);
        Assert.Equal(-1, t.Head(1));
        Assert.Equal(1, t.Head(0));
        Assert.Equal(new[] { 0, 2, 4 }, t.Children(1));
        Assert.Equal((3, 6), t.Subtree(4));
        Assert.Equal("after seizing a centre", t.SubtreeText(4));
        Assert.Equal(new[] { "militants" }, Texts(t, t.Subjects(1)));
        Assert.Equal(new[] { "hostages" }, Texts(t, t.Objects(1)));
        Assert.Equal(new[] { "centre" }, Texts(t, t.Objects(4)));
        Assert.Equal(4, t.ClauseOf(6));
        Assert.Equal(1, t.ClauseOf(2));
        Assert.True(t.Dominates(1, 6));
        Assert.False(t.Dominates(4, 2));
    }

    [Fact]
    public void PassiveVoiceSwapsAgentAndPatient()
    {
        // soldiers were killed by militants
        var t = Tree("soldiers/NOUN/3/nsubj:pass", "were/AUX/3/aux:pass", "killed/VERB/0/root", "by/ADP/5/case", "militants/NOUN/3/obl:agent");
        Assert.True(t.IsPassive(2));
        Assert.Equal(new[] { "soldiers" }, Texts(t, t.Subjects(2)));
        Assert.Equal(new[] { "militants" }, Texts(t, t.Agents(2)));
        Assert.Equal(new[] { "soldiers" }, Texts(t, t.Patients(2)));
        Assert.Equal(new[] { "soldiers" }, Texts(t, t.Subjects(1))); // the auxiliary stands for its verb
    }

    [Fact]
    public void CoordinationSharesSubjectsAndSpreadsConjuncts()
    {
        // Ali and Sara came and saw the town
        var t = Tree("Ali/PROPN/4/nsubj", "and/CCONJ/3/cc", "Sara/PROPN/1/conj", "came/VERB/0/root", "and/CCONJ/6/cc",
            "saw/VERB/4/conj", "the/DET/8/det", "town/NOUN/6/obj");
        Assert.Equal(new[] { "Ali", "Sara" }, Texts(t, t.Subjects(3)));
        Assert.Equal(new[] { "Ali", "Sara" }, Texts(t, t.Subjects(5)));
        Assert.Equal(new[] { "town" }, Texts(t, t.Objects(5)));
        Assert.Empty(t.Objects(3));
    }

    [Fact]
    public void CopulaAndControl()
    {
        // The Taliban was unable to live
        var t = Tree("The/DET/2/det", "Taliban/PROPN/4/nsubj", "was/AUX/4/cop", "unable/ADJ/0/root", "to/PART/6/mark", "live/VERB/4/xcomp");
        Assert.Equal(new[] { "Taliban" }, Texts(t, t.Subjects(2)));
        Assert.Equal(new[] { "Taliban" }, Texts(t, t.Subjects(5)));
        Assert.Equal(new[] { "live" }, Texts(t, t.Complements(3)));
    }

    [Fact]
    public void TitlesAndAppositives()
    {
        // Spokesperson Ned Price , the spokesman , said
        var t = Tree("Spokesperson/NOUN/2/compound", "Ned/PROPN/7/nsubj", "Price/PROPN/2/flat", ",/PUNCT/6/punct",
            "the/DET/6/det", "spokesman/NOUN/2/appos", "said/VERB/0/root");
        Assert.Equal(new[] { "Ned", "Price" }, Texts(t, t.Name(1)));
        Assert.Equal(new[] { "Spokesperson", "spokesman" }, Texts(t, t.Titles(1)));
        Assert.Equal(new[] { "Ned" }, Texts(t, t.Titles(5)));
    }

    [Fact]
    public void ParentheticalParataxis()
    {
        // The Taliban , he said , was unable
        var t = Tree("The/DET/2/det", "Taliban/PROPN/8/nsubj", ",/PUNCT/5/punct", "he/PRON/5/nsubj", "said/VERB/8/parataxis",
            ",/PUNCT/5/punct", "was/AUX/8/cop", "unable/ADJ/0/root");
        Assert.True(t.IsParenthetical(4));
        Assert.Equal(new[] { "he" }, Texts(t, t.Subjects(4)));
        Assert.Equal(new[] { "Taliban" }, Texts(t, t.Subjects(6)));
    }
}
