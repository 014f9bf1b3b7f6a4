using Tidings.Extract.Events;
using Tidings.Extract.Events.Petrarch;
using Tidings.Language;
using Tidings.Language.Syntax;

namespace Tidings.Tests.Extract.Events;

/// <summary>Verb files in both PETRARCH formats, hand-written, matched on sentences parsed by the project's parser.</summary>
public class PetrarchVerbTests
{
    private const string Petrarch1 = """
        <!-- PETRARCH-1 test verbs -->
        &WEAPON
        +MISSILE
        +ROCKET_
        &ARMS
        +&WEAPON
        +TANK

        &LOOP
        +&LOOP

        --- ATTACK [190] ---
        ATTACK
        STRIKE {STRUCK STRIKING STRIKES} [191]
        +CORDON_OFF [192]
        - * + WITH &ARMS [195]
        - * + [193]
        - $ * [194]
        - * PEACE [---]
        - REPORTEDLY_* [196]
        - * NO CODE
        - * TWO * STARS [100]
        - * &UNDEFINED [101]
        - * {A B} [102]
        CLEAR_UP
        --- PRAISE ---
        PRAISE
        - % * [041:041]
        --- TRY [036] ---
        TRY
        --- BLOCK [110] ---
        BLOCK
        - * ROADS IN ^ IN PROTEST [144]
        - * BY $ [145]
        - * CROSS-BORDER ROADS [146]
        """;

    private const string Petrarch2 = """
        &FOOD
        +BREAD
        +RICE_

        ---  SEND   [070]  ---
        SEND {SENT SENDING SENDS}
        RUSH
        - * &FOOD (TO +)          [073]   # SEND
        - * (TO BORDER)           [154]
        - * (TO {BANNED PARTIES}  [1722]
        ~ a (a b ATTACK) SAY = a b 015
        """;

    private static PetrarchDictionaries Load(string name, string text)
    {
        using var dir = new TestData.TempDir();
        File.WriteAllText(dir.File(name), text);
        return PetrarchDictionaries.Load(dir.Path);
    }

    private static readonly Lazy<PetrarchDictionaries> One = new(() => Load("test.verbs.txt", Petrarch1));
    private static readonly Lazy<PetrarchDictionaries> Two = new(() => Load("CAMEO.2.0.test.txt", Petrarch2));

    internal static (DependencyTree Tree, string[] Words) Parse(string text)
    {
        var analyzed = LanguageAnalyzer.Default.Analyze(text);
        var tree = new DependencyTree(text, analyzed.Tokens, analyzed.Sentences[0]);
        return (tree, Enumerable.Range(0, tree.Count).Select(i => tree.TextOf(i).ToUpperInvariant()).ToArray());
    }

    private static int Find(DependencyTree tree, string word) => Enumerable.Range(0, tree.Count).First(i => tree.TextOf(i) == word);

    private static IReadOnlyList<VerbPatternMatch> Code(PetrarchDictionaries d, string sentence, string verb, out DependencyTree tree)
    {
        var (t, words) = Parse(sentence);
        tree = t;
        return d.Verbs!.Match(t, Find(t, verb), words);
    }

    [Fact]
    public void Petrarch1ReadsAndReportsBadLines()
    {
        var d = One.Value;
        Assert.Equal(d.Files, [("test.verbs.txt", DictionaryKind.VerbsPetrarch1)]);
        var reasons = d.Problems.ToDictionary(p => p.Line, p => p.Reason);
        Assert.Contains("contains itself", reasons[9]);
        Assert.Contains("without a [CODE]", reasons[21]);
        Assert.Contains("exactly one '*'", reasons[22]);
        Assert.Contains("&UNDEFINED is not defined", reasons[23]);
        Assert.Contains("disjunctive", reasons[24]);
        Assert.Contains("needs a '+'", reasons[25]);
        Assert.Equal(6, d.Problems.Count);
        foreach (var form in new[] { "ATTACKS", "ATTACKED", "ATTACKING", "STRUCK", "STRIKES", "CORDON", "CORDONED", "PRAISED", "PRAISING", "TRYING" })
            Assert.True(d.Verbs!.Knows(form), form);
        Assert.False(d.Verbs!.Knows("STRIKED")); // irregular forms replace the generated ones
    }

    [Fact]
    public void TheMostSpecificPatternComesFirstWithItsTarget()
    {
        var matches = Code(One.Value, "Arnor attacked Gondor with tanks.", "attacked", out var tree);
        Assert.Equal(["195", "193", "194", "190"], matches.Select(m => m.Cameo));
        Assert.Equal(Find(tree, "Gondor"), matches[0].Target);   // + bound to the phrase after the verb
        Assert.Equal(16, matches[0].Line);
        Assert.Equal(Find(tree, "Arnor"), matches[2].Source);    // $ bound before the verb
        Assert.Null(matches[3].Source);                          // the default code leaves the slots to the caller
        Assert.Equal("* ATTACKED", matches[3].Pattern);   // the form that matched
    }

    [Fact]
    public void SynsetsNestedAndTheirPlurals()
    {
        Assert.Equal("195", Code(One.Value, "Arnor attacked Gondor with missiles.", "attacked", out _)[0].Cameo);  // &ARMS ⊃ &WEAPON, plural
        Assert.Equal("195", Code(One.Value, "Arnor attacked Gondor with a rocket.", "attacked", out _)[0].Cameo);
        Assert.Equal("193", Code(One.Value, "Arnor attacked Gondor with rockets.", "attacked", out _)[0].Cameo);  // ROCKET_: no plural
    }

    [Fact]
    public void UnderscoreAsksForAdjacency()
    {
        Assert.Contains(Code(One.Value, "Arnor reportedly attacked Gondor.", "attacked", out _), m => m.Cameo == "196");
        Assert.DoesNotContain(Code(One.Value, "Reportedly, Arnor attacked Gondor.", "attacked", out _), m => m.Cameo == "196");
    }

    [Fact]
    public void NullCodePatternMeansNoEvent()
    {
        Assert.Equal("---", Code(One.Value, "Arnor attacked the peace.", "attacked", out _)[0].Cameo);
    }

    [Fact]
    public void IrregularFormsMultiWordVerbsAndLemmas()
    {
        Assert.Equal("191", Code(One.Value, "Arnor struck.", "struck", out _).Last().Cameo);
        Assert.Equal("192", Code(One.Value, "The army cordoned off the city.", "cordoned", out _).Last().Cameo);
        Assert.Equal("036", Code(One.Value, "Arnor tried hard.", "tried", out _).Single().Cameo); // via the lemma TRY
        Assert.Empty(Code(One.Value, "Arnor visited Gondor.", "visited", out _));
    }

    [Fact]
    public void CompoundActorBindsSourceAndTarget()
    {
        var matches = Code(One.Value, "Arnor and Gondor praised the deal.", "praised", out var tree);
        var compound = matches[0];
        Assert.Equal("041:041", compound.Cameo);
        Assert.Equal(Find(tree, "Arnor"), compound.Source);
        Assert.Equal(Find(tree, "Arnor"), compound.Target);
        Assert.Equal("---", matches[1].Cameo); // the block has no code
        Assert.Equal(("041", "041"), VerbPatternCoder.SplitPaired(compound.Cameo));
        Assert.Equal(("", "075"), VerbPatternCoder.SplitPaired(":075"));
        Assert.Equal(("190", null), VerbPatternCoder.SplitPaired("190"));
        Assert.DoesNotContain(Code(One.Value, "Arnor praised the deal.", "praised", out _), m => m.Cameo == "041:041");
    }

    [Fact]
    public void SkippedPhraseAndASourceAfterTheVerb()
    {
        Assert.Equal("144", Code(One.Value, "Farmers blocked roads in the capital in protest.", "blocked", out _)[0].Cameo);
        Assert.NotEqual("144", Code(One.Value, "Farmers blocked roads in protest.", "blocked", out _)[0].Cameo); // ^ needs a phrase
        Assert.Equal("146", Code(One.Value, "Farmers blocked cross-border roads.", "blocked", out _)[0].Cameo); // hyphen split by the tokenizer
        var passive = Code(One.Value, "The road was blocked by farmers.", "blocked", out var tree)[0];
        Assert.Equal("145", passive.Cameo);
        Assert.Equal(Find(tree, "farmers"), passive.Source);
    }

    [Fact]
    public void Petrarch2PatternsWithPrepositionalPhrases()
    {
        var d = Two.Value;
        Assert.Equal(d.Files, [("CAMEO.2.0.test.txt", DictionaryKind.VerbsPetrarch2)]);
        Assert.Equal([10, 11], d.Problems.Select(p => p.Line));
        var sent = Code(d, "Arnor sent bread to Gondor.", "sent", out var tree);
        Assert.Equal("073", sent[0].Cameo);
        Assert.Equal(Find(tree, "Gondor"), sent[0].Target);
        Assert.Equal("154", Code(d, "Arnor rushed troops to the border.", "rushed", out _)[0].Cameo);
        Assert.Equal("073", Code(d, "Arnor sent breads to Gondor.", "sent", out _)[0].Cameo);  // synset plural
        Assert.Equal("070", Code(d, "Arnor sent rices to Gondor.", "sent", out _)[0].Cameo);   // RICE_: no plural
        Assert.True(d.Verbs!.Knows("RUSHING"));
        Assert.False(d.Verbs!.Knows("SENDED"));
    }
}
