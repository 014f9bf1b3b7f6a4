using System.Text.Json;
using Tidings.Tests.Cli;

namespace Tidings.Tests.Stories;

public class StoryCommandsTests
{
    [Fact]
    public void AnalyzeEmitsStoryAndCopyOf()
    {
        var r = CliRunner.Run(TestData.RepoRoot, "analyze", "samples");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal(lines[0].GetProperty("story").GetString(), lines[1].GetProperty("story").GetString());
        Assert.All(lines, l => Assert.Equal(JsonValueKind.Null, l.GetProperty("copy_of").ValueKind));
    }

    [Fact]
    public void StoriesAndStoryCommandsShowTheSamplesAsOneStory()
    {
        using var dir = new TestData.TempDir();
        var db = Path.Combine(dir.Path, "t.db");
        Assert.Equal(0, CliRunner.Run(TestData.RepoRoot, "ingest", "samples", "--db", db).ExitCode);
        var list = CliRunner.Run(TestData.RepoRoot, "stories", "--db", db, "--json");
        Assert.Equal(0, list.ExitCode);
        var stories = JsonDocument.Parse(list.Stdout).RootElement;
        Assert.Equal(1, stories.GetArrayLength());
        Assert.Equal(2, stories[0].GetProperty("articles").GetInt32());
        var id = stories[0].GetProperty("id").GetString()!;
        var view = CliRunner.Run(TestData.RepoRoot, "story", id[..6], "--db", db);
        Assert.Equal(0, view.ExitCode);
        Assert.Contains("Tehreek-i-Taliban", view.Stdout);
        Assert.Contains("spelling", view.Stdout);
        var json = JsonDocument.Parse(CliRunner.Run(TestData.RepoRoot, "story", id, "--db", db, "--json").Stdout).RootElement;
        Assert.Equal(2, json.GetProperty("coverage").GetArrayLength());
        var show = JsonDocument.Parse(CliRunner.Run(TestData.RepoRoot, "show", "80804d6d9b8e26a4", "--db", db, "--json").Stdout).RootElement;
        Assert.Equal(id, show.GetProperty("story").GetString());
    }
}
