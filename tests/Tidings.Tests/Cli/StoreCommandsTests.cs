using System.Diagnostics;
using System.Text.Json;
using Tidings.Storage;

namespace Tidings.Tests.Cli;

public class StoreCommandsTests
{
    [Fact]
    public void IngestThenListShowSearch()
    {
        using var dir = new TestData.TempDir();
        var db = dir.File("t.db");
        var ingest = CliRunner.Run(TestData.RepoRoot, "ingest", "samples", "--db", db);
        Assert.True(ingest.ExitCode == 0, ingest.Stderr + ingest.Stdout);
        Assert.Matches(@"│ 2\s+│ 2\s+│ 0\s+│ 0\s+│ 0\s+│", ingest.Stdout);

        var again = CliRunner.Run(TestData.RepoRoot, "ingest", "samples", "--db", db, "--list");
        Assert.Matches(@"│ 2\s+│ 0\s+│ 0\s+│ 2\s+│ 0\s+│", again.Stdout);
        Assert.Contains("US Determined To Work With Pakistan", again.Stdout); // --list: the README's main job
        Assert.Contains("2 of 2 articles shown", again.Stdout);

        var list = CliRunner.Run(TestData.RepoRoot, "articles", "--db", db, "--json");
        var rows = JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("2022-12-08", rows[0].GetProperty("published").GetString()); // dated first, newest first

        var table = CliRunner.Run(TestData.RepoRoot, "articles", "--db", db, "--outlet", "urdupoint / pakistan point news");
        Assert.Contains("US Determined To Work With Pakistan", table.Stdout);
        Assert.DoesNotContain("discuss ways", table.Stdout);

        var id = rows[1].GetProperty("id").GetString()!;
        var show = CliRunner.Run(TestData.RepoRoot, "show", id, "--db", db, "--boilerplate");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("Washington", show.Stdout);
        Assert.Contains("teaser section: Must Read", show.Stdout);
        var showJson = JsonDocument.Parse(CliRunner.Run(TestData.RepoRoot, "show", id, "--db", db, "--json").Stdout).RootElement;
        Assert.Equal(id, showJson.GetProperty("id").GetString());
        Assert.Single(showJson.GetProperty("sources").EnumerateArray());

        var timeline = CliRunner.Run(TestData.RepoRoot, "timeline", "--db", db);
        Assert.Equal(0, timeline.ExitCode);
        var order = new[] { "2010", "2021", "2022-12-07", "2022-12-08" }.Select(v => timeline.Stdout.IndexOf("│ " + v, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);

        var quotes = JsonDocument.Parse(CliRunner.Run(TestData.RepoRoot, "quotes", "--db", db, "--speaker", "ned price", "--json").Stdout).RootElement;
        Assert.Equal(10, quotes.GetArrayLength());
        Assert.All(quotes.EnumerateArray(), q => Assert.Equal("Ned Price", q.GetProperty("speaker_name").GetString()));

        var places = JsonDocument.Parse(CliRunner.Run(TestData.RepoRoot, "places", "--db", db, "--json").Stdout).RootElement.EnumerateArray().ToList();
        var bannu = Assert.Single(places, p => p.GetProperty("name").GetString() == "Bannu");
        Assert.Equal((1183460, "Khyber Pakhtunkhwa", 1), (bannu.GetProperty("geonameid").GetInt32(), bannu.GetProperty("admin1").GetString(), bannu.GetProperty("mentions").GetInt32()));
        var islamabad = Assert.Single(places, p => p.GetProperty("geonameid").GetInt32() == 1176615);
        Assert.Equal((2, 3), (islamabad.GetProperty("articles").GetInt32(), islamabad.GetProperty("metonymy").GetInt32()));
        Assert.Equal("Pakistan", places[0].GetProperty("name").GetString()); // most mentioned first
        Assert.Contains("Khyber Pakhtunkhwa", CliRunner.Run(TestData.RepoRoot, "places", "--db", db, "--country", "PK").Stdout);
        Assert.Contains("(government)", show.Stdout); // show lists places: "Washington’s calls" is the US government

        var search = CliRunner.Run(TestData.RepoRoot, "search", "Bannu", "--db", db, "--json");
        var hit = Assert.Single(JsonDocument.Parse(search.Stdout).RootElement.EnumerateArray());
        Assert.Equal(id, hit.GetProperty("id").GetString());
        Assert.Contains("[[Bannu]]", hit.GetProperty("snippet").GetString());
    }

    [Fact]
    public void ErrorsAreMessagesWithNonZeroExit()
    {
        using var dir = new TestData.TempDir();
        var db = dir.File("t.db");
        CliRunner.Run(TestData.RepoRoot, "ingest", "samples", "--db", db);
        var bad = CliRunner.Run(TestData.RepoRoot, "search", "\"unclosed AND", "--db", db);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("cannot understand the search query", bad.Stderr);
        Assert.DoesNotContain("   at ", bad.Stderr);

        var missing = CliRunner.Run(TestData.RepoRoot, "show", "ffffffffffffffff", "--db", db);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no article with id", missing.Stderr);

        var nothing = CliRunner.Run(TestData.RepoRoot, "ingest", "/nonexistent/path", "--db", db);
        Assert.Equal(1, nothing.ExitCode);
        Assert.Contains("no such file or directory", nothing.Stdout);

        var date = CliRunner.Run(TestData.RepoRoot, "articles", "--since", "someday", "--db", db);
        Assert.Equal(1, date.ExitCode);
        Assert.Contains("--since", date.Stderr);
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("articles")]
    [InlineData("show")]
    [InlineData("search")]
    [InlineData("analyze")]
    [InlineData("eval")]
    [InlineData("timeline")]
    [InlineData("quotes")]
    public void EveryCommandHasHelp(string command)
    {
        var r = CliRunner.Run(TestData.RepoRoot, command, "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Usage:", r.Stdout);
        Assert.Contains(command, r.Stdout);
    }

    /// <summary>Killing the process in the middle of an ingest leaves a consistent database with whole batches only.</summary>
    [Fact]
    public void KillMidIngestLeavesTheDatabaseConsistent()
    {
        const int Articles = 2000; // four batches of 500: the full pipeline (parse, events) makes a larger resume too slow for a small CI machine
        using var dir = new TestData.TempDir();
        var input = dir.File("many.jsonl");
        var text = File.ReadAllText(TestData.Sample000);
        using (var w = new StreamWriter(input))
            for (int i = 0; i < Articles; i++)
                w.WriteLine(JsonSerializer.Serialize(new { url = $"https://example.org/{i}", title = $"Story {i}", text = $"Story {i}\n\nUpdate {i}: officials gave new figures.\n\n{text}" }));
        var db = dir.File("t.db");
        using (var p = CliRunner.Start(TestData.RepoRoot, "ingest", input, "--db", db))
        {
            var sw = Stopwatch.StartNew();
            // Wait until the first batches are committed, then kill without warning.
            while (sw.Elapsed < TimeSpan.FromSeconds(90) && !p.HasExited && CountArticles(db) < 500) Thread.Sleep(20);
            Assert.False(p.HasExited, "the ingest finished before it could be killed; make the input larger");
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
        using var store = new SqliteArticleStore(db);
        Assert.Empty(store.CheckIntegrity());
        int count = store.Count();
        Assert.InRange(count, 500, Articles - 1);
        Assert.Equal(0, count % 500); // only whole batches of 500
        var resumed = CliRunner.Run(TestData.RepoRoot, "ingest", input, "--db", db);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(Articles, store.Count());
    }

    private static int CountArticles(string db)
    {
        if (!File.Exists(db)) return 0;
        try
        {
            using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM articles";
            return Convert.ToInt32(cmd.ExecuteScalar());
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0;
        }
    }
}
