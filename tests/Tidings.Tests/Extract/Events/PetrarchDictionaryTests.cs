using Tidings.Extract.Events;
using Tidings.Extract.Events.Petrarch;

namespace Tidings.Tests.Extract.Events;

/// <summary>
/// The Phoenix and PETRARCH validation dictionaries (../shared/dictionaries/petrarch) read through the readers. The
/// tests return early when the directory is absent (the files are not in the repository).
/// </summary>
public class PetrarchDictionaryTests
{
    private static readonly Lazy<PetrarchDictionaries?> All = new(() =>
        TestData.PetrarchDictionaries is { } dir ? PetrarchDictionaries.Load(dir) : null);

    private static string[] Words(string text) => text.ToUpperInvariant().Split(' ');

    [Fact]
    public void EveryFileIsFoundWithItsKindAndTheCountsAreThoseOfTheFiles()
    {
        if (All.Value is not { } d) return;
        Assert.Contains(("CAMEO.2.0.txt", DictionaryKind.VerbsPetrarch2), d.Files);
        Assert.Contains(("CAMEO.verbpatterns.150430.txt", DictionaryKind.VerbsPetrarch1), d.Files);
        Assert.Contains(("PETR.Validate.verbs.txt", DictionaryKind.VerbsPetrarch1), d.Files);
        Assert.Equal(4, d.Files.Count(f => f.Kind == DictionaryKind.Actors));
        Assert.DoesNotContain(d.Files, f => f.File == "LICENSE");
        var actors = (PetrarchActorDictionary)d.Actors!;
        Assert.InRange(actors.EntryCount, 27_000, 28_000);
        Assert.InRange(actors.PhraseCount, 35_000, 36_500);
        var verbs = ((VerbPatternCoder)d.Verbs!).Dictionary;
        Assert.InRange(verbs.PatternCount, 15_500, 16_500);
        Assert.InRange(verbs.Blocks.Count, 1_000, 1_100);
    }

    [Fact]
    public void TheRealFilesOwnFaultsAreReportedWithTheirLineNumbers()
    {
        if (All.Value is not { } d) return;
        Assert.Contains(d.Problems, p => p is { File: "Phoenix.Countries.actors.txt", Line: 14190 } && p.Reason.Contains("end date before start date"));
        Assert.Contains(d.Problems, p => p is { File: "Phoenix.Countries.actors.txt", Line: 31715 } && p.Reason.Contains("'<', '>' or a range"));
        Assert.Contains(d.Problems, p => p is { File: "Phoenix.agents.txt", Line: 1927 } && p.Reason.Contains("codes are required"));
        Assert.Contains(d.Problems, p => p is { File: "CAMEO.verbpatterns.150430.txt", Line: 2568 } && p.Reason.Contains("'+'"));
        Assert.Contains(d.Problems, p => p is { File: "CAMEO.2.0.txt", Line: 9178 } && p.Reason.Contains("transformations"));
        Assert.Contains(d.Problems, p => p is { File: "CAMEO.2.0.txt", Line: 8443 } && p.Reason.Contains("&WEATHER is not defined"));
        Assert.True(d.Problems.Count < 40, string.Join("\n", d.Problems));
    }

    [Theory]
    [InlineData("2007-06-01", "HOBCIV")]
    [InlineData("2010-01-10", "ORCHOB")] // the first restriction in file order wins over the overlapping HOBMIL
    [InlineData("2009-03-01", "HOBMIL")]
    [InlineData("2012-12-01", "HOBGOV")]
    [InlineData("2014-01-01", "HOBELI")]
    [InlineData(null, "HOB")]
    public void SamGamgeeIsCodedByTheDate(string? date, string code)
    {
        if (All.Value is not { } d) return;
        var match = d.Actors!.Match(Words("SAM GAMGEE SAID"), 0, date is null ? null : DateOnly.Parse(date));
        Assert.Equal(new ActorDictionaryMatch(2, code, "SAM_GAMGEE"), match);
    }

    [Theory]
    [InlineData("1990-01-01", "HOB")]   // [HOB < 950601]: YYMMDD
    [InlineData("1997-01-01", "HOBGOV")]
    [InlineData("2001-01-01", "HOBREB")]
    [InlineData(null, "---")]           // no unrestricted code: the null code
    public void GollumAndHisSynonymsShareDateRestrictedCodes(string? date, string code)
    {
        if (All.Value is not { } d) return;
        var day = date is null ? (DateOnly?)null : DateOnly.Parse(date);
        Assert.Equal(code, d.Actors!.Match(Words("GOLLUM"), 0, day)!.Code);
        Assert.Equal(code, d.Actors!.Match(Words("SMEAGOL"), 0, day)!.Code);
    }

    [Fact]
    public void ValidationActorsReadTheirConventions()
    {
        if (All.Value is not { } d) return;
        var actors = d.Actors!;
        Assert.Equal("PSE", actors.Match(Words("PALESTINIAN"), 0, null)!.Code);        // [pse] upper-cased
        Assert.Equal("ENT", actors.Match(Words("ENT"), 0, null)!.Code);                // code on the next line
        Assert.Equal("---", actors.Match(Words("BOROMIR"), 0, null)!.Code);            // null code
        Assert.Equal("---", actors.Match(Words("PRINCE OF DOL AMROTH"), 0, new DateOnly(1990, 1, 1))!.Code);
        Assert.Equal("DOL", actors.Match(Words("PRINCE OF DOL AMROTH"), 0, new DateOnly(1996, 1, 1))!.Code);
        Assert.Equal("IGOCOPITP", actors.Match(Words("INTERPOL"), 0, null)!.Code);     // synonym before the code line
        Assert.Equal(3, actors.Match(Words("HAMAS MILITARY COMMAND"), 0, null)!.Length); // longest entry wins
        Assert.Equal("PSEHMSGOV", actors.Match(Words("HAMAS MILITARY COMMAND"), 0, null)!.Code);
        Assert.Null(actors.Match(Words("NASGUL"), 0, null));                           // commented out
        Assert.Equal(new ActorDictionaryMatch(1, "IMGMOSALQ", "AL-QAEDA"), actors.Match(["AL-QAEDA"], 0, null));
        Assert.Equal(new ActorDictionaryMatch(3, "IMGMOSALQ", "AL-QAEDA"), actors.Match(Words("AL - QAEDA"), 0, null)); // split hyphen
    }

    [Fact]
    public void PhoenixActorsIncludingNamesThatShareTheFollowingCodes()
    {
        if (All.Value is not { } d) return;
        var actors = d.Actors!;
        Assert.Equal("AFG", actors.Match(Words("AFGHANISTAN"), 0, null)!.Code);
        Assert.Equal("PAK", actors.Match(Words("PAKISTAN"), 0, null)!.Code);
        // LEONID_BREZHNEV_ and the lines after it carry no code: they share [RUSELI 19240101-641014] [RUSGOV 641014-821110].
        Assert.Equal("RUSGOV", actors.Match(Words("LEONID BREZHNEV"), 0, new DateOnly(1970, 1, 1))!.Code);
        Assert.Equal("RUSELI", actors.Match(Words("SECRETARY BREZHNEV"), 0, new DateOnly(1950, 1, 1))!.Code);
        Assert.Equal("HRVGOV", actors.Match(Words("IVO JOSIPOVIC"), 0, new DateOnly(2013, 1, 1))!.Code);
    }

    [Fact]
    public void AgentsGeneratePluralsAndSubstitutions()
    {
        if (All.Value is not { } d) return;
        var agents = d.Agents!;
        Assert.Equal("~LEG", agents.Match(Words("CONGRESSWOMEN"), 0)!.Code);            // !PERSON! substitution
        Assert.Equal("~LEG", agents.Match(Words("CONGRESSES"), 0)!.Code);               // S → SES
        Assert.Equal("~GOV", agents.Match(Words("MINISTRIES OF SILLY WALKS"), 0)!.Code);
        Assert.Equal("~GGS", agents.Match(Words("GOLDEN GEESE"), 0)!.Code);             // {irregular plural}
        Assert.Equal("~GOV", agents.Match(Words("ATTORNEYS GENERAL"), 0)!.Code);
        Assert.Equal("NGO~", agents.Match(Words("HUMAN RIGHTS BODIES"), 0)!.Code);      // Y → IES, prefix marker
        Assert.Equal("~COP", agents.Match(Words("POLICE"), 0)!.Code);                   // "[ ~COP]"
        Assert.Null(agents.Match(Words("POLICES"), 0));                                  // {}: no plural
        Assert.Equal("~COP", agents.Match(Words("POLICEWOMAN"), 0)!.Code);              // Phoenix POLICE!PERSON!
        Assert.Equal(new AgentDictionaryMatch(4, "~GOVMED", "STATE-OWNED_NEWSPAPERS"), agents.Match(Words("STATE - OWNED NEWSPAPERS"), 0));
    }

    [Theory]
    [InlineData("PAKISTANI FOREIGN MINISTER", "PAKGOVFRM")] // FOREIGN_MINISTER, then MINISTER's GOV is already there
    [InlineData("ISRAELI SOLDIERS", "ISRMIL")]
    [InlineData("HUMAN RIGHTS BODY", "NGO---")]            // prefix agent, no actor
    [InlineData("THE QUIBBLER", "HGWGOVMED")]
    [InlineData("THE ORCS", null)]
    public void NounPhrasesAreComposedAsPetrarchDoes(string phrase, string? code)
    {
        if (ValidationOnly.Value is not { } validate) return;
        var words = Words(phrase);
        Assert.Equal(code, validate.CodePhrase(words, 0, words.Length, new DateOnly(2014, 1, 1)));
    }

    internal static readonly Lazy<PetrarchDictionaries?> ValidationOnly = new(() =>
    {
        if (TestData.PetrarchDictionaries is not { } shared) return null;
        using var dir = new TestData.TempDir();
        foreach (var file in Directory.GetFiles(shared, "PETR.Validate.*")) File.Copy(file, dir.File(Path.GetFileName(file)));
        return PetrarchDictionaries.Load(dir.Path);
    });

    [Fact]
    public void DiscardsAtSentenceAndStoryLevel()
    {
        if (All.Value is not { } d) return;
        Assert.True(d.DiscardsSentence(Words("TWO MONTHS LATER THE ORCS LEFT")));
        Assert.False(d.DiscardsStory(Words("TWO MONTHS LATER THE ORCS LEFT")));
        Assert.True(d.DiscardsStory(Words("A WIN FOR MANCHESTER UNITED")));
        Assert.False(d.DiscardsSentence(Words("THE MONTHS WERE LATER")));
    }

    [Fact]
    public void VerbFormsOfBothFormats()
    {
        if (All.Value is not { } d) return;
        var verbs = ((VerbPatternCoder)d.Verbs!).Dictionary;
        // PETRARCH-1: irregular forms replace the generated ones; regular -S/-ED/-ING otherwise.
        Assert.True(verbs.Knows("SAID"));
        Assert.True(verbs.Knows("BANNED"));
        Assert.True(verbs.Knows("ABANDONING"));
        Assert.True(verbs.Knows("ARREST"));
        // PETRARCH-2: ING drops an E after a consonant; {…} lists every form.
        Assert.True(verbs.Knows("ACCELERATING"));
        Assert.True(verbs.Knows("RACING"));
        Assert.True(verbs.Knows("HURRIES"));
        Assert.True(verbs.Knows("SPED"));
        Assert.Contains(verbs.BlocksOf("ACCELERATING"), b => b is { Name: "ACCELERATE", Code: "---", File: "CAMEO.2.0.txt" });
        Assert.Contains(verbs.BlocksOf("ADMIT"), b => b is { Code: "013:012", File: "PETR.Validate.verbs.txt" });
        Assert.Contains(verbs.BlocksOf("ACCELERATE").Single(b => b.File == "CAMEO.2.0.txt").Patterns, p => p.Text.StartsWith("- * (TO)", StringComparison.Ordinal) && p.Code == "042:043");
    }
}

/// <summary>The PETRARCH validation dictionaries alone (as the validation suite runs them) on parsed sentences.</summary>
public class PetrarchValidationSentenceTests
{
    private static Lazy<PetrarchDictionaries?> Validate => PetrarchDictionaryTests.ValidationOnly;

    private static (string Cameo, string? Source, string? Target, string Actors) Code(string sentence, string verb)
    {
        var d = Validate.Value!;
        var (tree, words) = PetrarchVerbTests.Parse(sentence);
        int predicate = Enumerable.Range(0, tree.Count).First(i => tree.TextOf(i) == verb);
        var best = d.Verbs!.Match(tree, predicate, words)[0];
        var actors = string.Join(" ", Enumerable.Range(0, words.Length).Select(i => d.Actors!.Match(words, i, new DateOnly(2014, 1, 1))?.Code).OfType<string>());
        return (best.Cameo, best.Source is { } s ? tree.TextOf(s) : null, best.Target is { } t ? tree.TextOf(t) : null, actors);
    }

    [Fact]
    public void ArnorAttackedGondor()
    {
        if (Validate.Value is null) return;
        Assert.Equal(("223", null, null, "ARN GON"), Code("Arnor attacked Gondor.", "attacked"));
    }

    [Fact]
    public void PatternsOfTheValidationVerbs()
    {
        if (Validate.Value is null) return;
        Assert.Equal("987", Code("Gondor abandoned the effort.", "abandoned").Cameo);                    // - * EFFORT
        Assert.Equal("172", Code("Arnor asked Gondor for economic sanctions.", "asked").Cameo);           // - * FOR &ECONSANCT
        Assert.Equal("030:030", Code("Arnor and Gondor agreed on Tuesday.", "agreed").Cameo);             // - % *
        Assert.Equal("013:012", Code("Mordor admitted the charges.", "admitted").Cameo);                   // block code
        Assert.Equal("903", Code("Gondor abandoned new military relations.", "abandoned").Cameo);         // NEW_&TIETYPES_RELATIONS
    }
}

/// <summary>The PETRARCH-2 verb file alone (CAMEO.2.0.txt) on parsed sentences.</summary>
public class PetrarchCameo2SentenceTests
{
    private static readonly Lazy<PetrarchDictionaries?> Cameo2 = new(() =>
    {
        if (TestData.PetrarchDictionaries is not { } shared) return null;
        using var dir = new TestData.TempDir();
        File.Copy(Path.Combine(shared, "CAMEO.2.0.txt"), dir.File("CAMEO.2.0.txt"));
        return PetrarchDictionaries.Load(dir.Path);
    });

    private static (IReadOnlyList<VerbPatternMatch> Matches, Tidings.Language.Syntax.DependencyTree Tree) Code(string sentence, string verb)
    {
        var (tree, words) = PetrarchVerbTests.Parse(sentence);
        int predicate = Enumerable.Range(0, tree.Count).First(i => tree.TextOf(i) == verb);
        return (Cameo2.Value!.Verbs!.Match(tree, predicate, words), tree);
    }

    [Fact]
    public void ExpectsTargetAfterSay()
    {
        if (Cameo2.Value is null) return;
        var (matches, tree) = Code("The minister said Arnor expects Gondor to comply.", "said");
        var expects = Assert.Single(matches, m => m.Pattern.StartsWith("- * EXPECTS +", StringComparison.Ordinal));
        Assert.Equal("010", expects.Cameo);
        Assert.Equal(4506, expects.Line);
        Assert.Equal("Gondor", tree.TextOf(expects.Target!.Value));
    }

    [Fact]
    public void MultiWordVerbOfTheSecondFormat()
    {
        if (Cameo2.Value is null) return;
        var (matches, _) = Code("Arnor asked for help from Gondor.", "asked");
        // +ASK_FOR {+ASKED_FOR …} [020] (line 913) and +ASK_FOR in a [040] block (line 5415): the two words, not ASK alone.
        Assert.Contains(matches, m => m is { Cameo: "020", Pattern: "* +ASKED_FOR", Line: 913 });
        Assert.Contains(matches, m => m is { Cameo: "040", Line: 5415 });
        Assert.DoesNotContain(matches, m => m.Pattern == "* ASKED");
    }
}
