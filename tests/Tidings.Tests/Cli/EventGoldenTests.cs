using System.Text.Json;

namespace Tidings.Tests.Cli;

/// <summary>The samples through the real event finder: stored, merged, listed and exported as a user would.</summary>
public class EventGoldenTests
{
    [Fact]
    public void SamplesSharedCooperationIsOneEventReportedByBothArticles()
    {
        using var dir = new TestData.TempDir();
        var db = dir.File("t.db");
        Assert.Equal(0, CliRunner.Run(TestData.RepoRoot, "ingest", "samples", "--db", db).ExitCode);
        var list = CliRunner.Run(TestData.RepoRoot, "events", "--json", "--actor", "USA", "--db", db);
        Assert.Equal(0, list.ExitCode);
        var events = JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().ToList();
        // US cooperation with Pakistan against terrorism: "plans to work with Islamabad" (000), "partnership with Pakistan" (004).
        var shared = events.Where(e => e.GetProperty("plover").GetString() is "COOPERATE" or "AGREE"
                                       && e.GetProperty("target").ValueKind == JsonValueKind.Object
                                       && e.GetProperty("target").GetProperty("country").GetString() == "PAK"
                                       && e.GetProperty("articles").GetInt32() == 2).ToList();
        Assert.NotEmpty(shared);
        foreach (var e in shared)
        {
            var reports = e.GetProperty("reports").EnumerateArray().ToList();
            Assert.Equal(2, reports.Select(r => r.GetProperty("article").GetString()).Distinct().Count());
            Assert.Equal(e.GetProperty("mentions").GetInt32(), reports.Count);
        }

        var gdelt = dir.File("events.tsv");
        Assert.Equal(0, CliRunner.Run(TestData.RepoRoot, "export", "gdelt", "--out", gdelt, "--db", db).ExitCode);
        var rows = File.ReadAllLines(gdelt);
        Assert.True(rows.Length >= events.Count);
        Assert.All(rows, r => Assert.Equal(61, r.Split('\t').Length));
        Assert.All(File.ReadAllLines(dir.File("events.mentions.tsv")), r => Assert.Equal(16, r.Split('\t').Length));
    }

    [Fact]
    public void AnalyzeGivesTheSameEventIdToMentionsOfOneEventAcrossArticles()
    {
        var r = CliRunner.Run(TestData.RepoRoot, "analyze", "samples");
        Assert.Equal(0, r.ExitCode);
        var articles = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var ids = articles.Select(a => a.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("event").GetString()!).ToHashSet()).ToList();
        Assert.All(ids, set => Assert.NotEmpty(set));
        Assert.NotEmpty(ids[0].Intersect(ids[1])); // one event reported by both samples
        foreach (var a in articles)
        {
            var text = a.GetProperty("text").GetString()!;
            foreach (var e in a.GetProperty("events").EnumerateArray())
                Assert.Equal(e.GetProperty("text").GetString(), text[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()]);
        }
    }
}
