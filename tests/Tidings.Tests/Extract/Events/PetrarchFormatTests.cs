using System.Text;
using Tidings.Extract.Events;
using Tidings.Extract.Events.Petrarch;

namespace Tidings.Tests.Extract.Events;

/// <summary>Small hand-written dictionaries covering each feature of the PETRARCH formats, bad lines included.</summary>
public class PetrarchFormatTests
{
    private static string[] Words(string text) => text.ToUpperInvariant().Split(' ');

    private static PetrarchDictionaries Load(params (string Name, string Text)[] files)
    {
        using var dir = new TestData.TempDir();
        foreach (var (name, text) in files) File.WriteAllText(dir.File(name), text);
        return PetrarchDictionaries.Load(dir.Path);
    }

    private const string Actors = """
        <!-- a comment block
        over several lines with ACTORLIKE [XXX] words -->
        # a comment
        ARNOR  [ARN]  # trailing comment
        +ARNORIAN
        +NORTH_KINGDOM
        GONDOR [gon]
        RIVENDELL [ELF] <!-- inline comment --> 
        MINAS_TIRITH_ [GONGOV]
        MINAS MORGUL [MOR]
        NO CODE HERE
        ANOTHER NAME
        	[SHR]
        DENETHOR
        	[GONELI <19500101]
        	[GONGOV 19500101-20001231]
        	[GONREB >20010101]
        	[GON]
        ARAGORN [RNG 850101-991231] [GONGOV]
        	[BAD 20200101]
        	[BAD >2020XX01]
        	[BAD 20201231-20200101]
        	[
        +
        LURTZ [---]
        [ORPHAN]
        ---STOP---
        AFTERSTOP [ZZZ]
        """;

    [Fact]
    public void ActorsReadCodesSynonymsDatesAndComments()
    {
        var d = Load(("test.actors.txt", Actors));
        var actors = (PetrarchActorDictionary)d.Actors!;
        Assert.Equal("ARN", actors.Match(Words("ARNORIAN"), 0, null)!.Code);
        Assert.Equal(new ActorDictionaryMatch(2, "ARN", "NORTH_KINGDOM"), actors.Match(Words("NORTH KINGDOM"), 0, null));
        Assert.Null(actors.Match(Words("NORTH OF KINGDOM"), 0, null));            // '_': consecutive words
        Assert.Equal(3, actors.Match(Words("MINAS OF MORGUL"), 0, null)!.Length); // ' ': a word may come between
        Assert.Equal("GONGOV", actors.Match(Words("MINAS TIRITH"), 0, null)!.Code); // final '_' is TABARI's, ignored
        Assert.Equal("GON", actors.Match(Words("GONDOR"), 0, null)!.Code);        // lower case normalised
        Assert.Equal("ELF", actors.Match(Words("RIVENDELL"), 0, null)!.Code);
        Assert.Null(actors.Match(Words("ACTORLIKE"), 0, null));                   // inside the comment block
        Assert.Equal("SHR", actors.Match(Words("NO CODE HERE"), 0, null)!.Code);  // roots without codes share the next ones
        Assert.Equal("SHR", actors.Match(Words("ANOTHER NAME"), 0, null)!.Code);
        Assert.Equal("GONELI", actors.Match(Words("DENETHOR"), 0, new DateOnly(1949, 12, 31))!.Code);
        Assert.Equal("GONELI", actors.Match(Words("DENETHOR"), 0, new DateOnly(1950, 1, 1))!.Code); // inclusive: the first holding wins
        Assert.Equal("GONGOV", actors.Match(Words("DENETHOR"), 0, new DateOnly(1950, 1, 2))!.Code);
        Assert.Equal("GONREB", actors.Match(Words("DENETHOR"), 0, new DateOnly(2005, 1, 1))!.Code);
        Assert.Equal("GON", actors.Match(Words("DENETHOR"), 0, null)!.Code);
        Assert.Equal("RNG", actors.Match(Words("ARAGORN"), 0, new DateOnly(1990, 1, 1))!.Code); // a dated code on the root line
        Assert.Equal("GONGOV", actors.Match(Words("ARAGORN"), 0, new DateOnly(2010, 1, 1))!.Code);
        Assert.Equal("---", actors.Match(Words("LURTZ"), 0, null)!.Code);
        Assert.Null(actors.Match(Words("AFTERSTOP"), 0, null));
        Assert.Equal(1, actors.Match(Words("THE ARNOR ARMY"), 1, null)!.Length);

        Assert.Equal("LURTZ", actors.Entries.Single(e => e.Codes.Any(c => c.Code == "ORPHAN")).Root); // a second code line

        // [BAD 20200101] (no <, > or range), an unreadable date, an end before the start, a missing ']', an empty synonym.
        Assert.Equal([20, 21, 22, 23, 24], d.Problems.Select(p => p.Line));
        Assert.All(d.Problems, p => Assert.Equal("test.actors.txt", p.File));

        var orphan = Load(("o.actors.txt", "\t[ORPHAN]\n+SYNONYM\nLAST_ONE\n"));
        Assert.Equal([1, 2, 3], orphan.Problems.Select(p => p.Line));
    }

    private const string Agents = """
        !PERSON! = MAN, WOMAN
        !BROKEN = A, B
        MINISTER [~GOV]
        MINISTRY [~GOV]
        ACTRESS [~CVL]
        POLICE {} [ ~COP]
        GOOSE {GEESE} [~GGS]
        CHAIRMAN [~BUS]
        BOX [~BOX]
        HUMAN_RIGHTS_GROUP [NGO~]
        CONGRESS!PERSON! [~LEG]
        SPOKES!PERSON!_FOR_!PERSON! [~MED]
        !UNKNOWN!_OFFICIAL [~GOV]
        NO CODE
        BROKEN {PLURAL [~GOV]
        NOTILDE [GOV]
        """;

    [Fact]
    public void AgentsPluralsSubstitutionsMarkersAndBadLines()
    {
        var d = Load(("x.agents.txt", Agents));
        var agents = d.Agents!;
        Assert.Equal(new AgentDictionaryMatch(1, "~GOV", "MINISTERS"), agents.Match(Words("MINISTERS"), 0));
        Assert.Equal("~GOV", agents.Match(Words("MINISTRIES"), 0)!.Code);  // Y → IES
        Assert.Equal("~CVL", agents.Match(Words("ACTRESSES"), 0)!.Code);   // S → SES
        Assert.Null(agents.Match(Words("POLICES"), 0));                    // {}
        Assert.Equal("~GGS", agents.Match(Words("GEESE"), 0)!.Code);
        Assert.Null(agents.Match(Words("GOOSES"), 0));                     // {GEESE} replaces the generated plural
        Assert.Equal("~BUS", agents.Match(Words("CHAIRMEN"), 0)!.Code);    // English plural besides PETRARCH's CHAIRMANS
        Assert.Equal("~BUS", agents.Match(Words("CHAIRMANS"), 0)!.Code);
        Assert.Equal("~BOX", agents.Match(Words("BOXES"), 0)!.Code);
        Assert.Equal("NGO~", agents.Match(Words("HUMAN RIGHTS GROUPS"), 0)!.Code);
        Assert.Equal("~LEG", agents.Match(Words("CONGRESSWOMAN"), 0)!.Code);
        Assert.Null(agents.Match(Words("CONGRESSWOMANS"), 0));             // substitutions get no plural
        Assert.Equal("~MED", agents.Match(Words("SPOKESWOMAN FOR MAN"), 0)!.Code);
        var problems = d.Problems.Select(p => p.Line).ToList();
        Assert.Equal([2, 13, 14, 15, 16], problems);
    }

    [Fact]
    public void DiscardsSentenceAndStory()
    {
        var d = Load(("y.discards.txt", "# comment\nWORLD CUP  # sport\n+ACADEMY_AWARD\nbaseball\n"));
        Assert.True(d.DiscardsSentence(Words("THE WORLD CUP FINAL")));
        Assert.False(d.DiscardsSentence(Words("THE WORLD HOCKEY CUP")));    // consecutive words only
        Assert.True(d.DiscardsSentence(Words("BASEBALL")));
        Assert.False(d.DiscardsSentence(Words("AN ACADEMY AWARD")));
        Assert.True(d.DiscardsStory(Words("AN ACADEMY AWARD")));
    }

    [Fact]
    public void UnreadableBinaryAndInvalidUtf8FilesAreSkippedWithOneProblem()
    {
        using var dir = new TestData.TempDir();
        File.WriteAllBytes(dir.File("bin.actors.txt"), [0x41, 0x00, 0x42]);
        File.WriteAllBytes(dir.File("latin1.agents.txt"), Encoding.Latin1.GetBytes("CAF\u00c9 [~BUS]\n"));
        File.WriteAllText(dir.File("ok.discards.txt"), "WORLD CUP\n");
        File.WriteAllText(dir.File("README.md"), "not a dictionary [XXX]");
        var d = PetrarchDictionaries.Load(dir.Path);
        Assert.Null(d.Actors);
        Assert.Null(d.Agents);
        Assert.True(d.DiscardsSentence(Words("WORLD CUP")));
        Assert.Equal(2, d.Problems.Count);
        Assert.Contains(d.Problems, p => p is { File: "bin.actors.txt", Line: 0 } && p.Reason.Contains("binary"));
        Assert.Contains(d.Problems, p => p is { File: "latin1.agents.txt", Line: 0 } && p.Reason.Contains("UTF-8"));
        Assert.Single(PetrarchDictionaries.Load(Path.Combine(dir.Path, "missing")).Problems);
    }

    [Fact]
    public void AConfigFileChoosesTheFiles()
    {
        var d = Load(
            ("PETR_config.ini", "[Dictionaries]\nverbfile_name = data/dictionaries/my.verbs\nactorfile_list = a.txt, b.txt\nagentfile_name = gone.txt\n"),
            ("a.txt", "ARNOR [ARN]\n"),
            ("b.txt", "GONDOR [GON]\n"),
            ("other.actors.txt", "ROHAN [ROH]\n"),
            ("my.verbs", "--- ATTACK [190] ---\nATTACK\n"));
        Assert.Equal("ARN", d.Actors!.Match(Words("ARNOR"), 0, null)!.Code);
        Assert.Equal("GON", d.Actors!.Match(Words("GONDOR"), 0, null)!.Code);
        Assert.Null(d.Actors!.Match(Words("ROHAN"), 0, null));
        Assert.True(d.Verbs!.Knows("ATTACKED"));
        Assert.Contains(d.Problems, p => p is { File: "PETR_config.ini", Line: 4 });
        Assert.Equal("2 actors (2 phrases); 1 verb blocks, 0 patterns, 4 verb forms; 3 files, 1 lines rejected", d.Describe());
    }
}
