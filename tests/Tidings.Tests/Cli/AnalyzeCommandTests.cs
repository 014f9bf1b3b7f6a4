using System.Text.Json;

namespace Tidings.Tests.Cli;

/// <summary>`tidings analyze` is the machine interface: its output must match docs/schema.md.</summary>
public class AnalyzeCommandTests
{
    private static readonly string[] RequiredFields =
        ["schema_version", "id", "source", "format", "url", "title", "outlet", "author", "language", "published",
         "published_inferred", "dateline", "text", "headline", "body", "boilerplate", "sentences", "entities", "quotes", "times", "places", "demonyms", "events", "warnings", "story", "copy_of"];

    private static List<JsonElement> Analyze(string? stdin, params string[] args)
    {
        var r = CliRunner.RunWithInput(TestData.RepoRoot, stdin, ["analyze", .. args]);
        Assert.Equal(0, r.ExitCode);
        return r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    [Fact]
    public void SamplesGiveValidJsonLinesMatchingTheSchema()
    {
        var objects = Analyze(null, "samples/");
        Assert.Equal(2, objects.Count);
        foreach (var o in objects) AssertMatchesSchema(o);
        var a = objects.Single(o => o.GetProperty("source").GetString()!.Contains("000_"));
        Assert.Equal("2022-12-08", a.GetProperty("published").GetString());
        Assert.Equal("Washington", a.GetProperty("dateline").GetProperty("place").GetString());
        Assert.Equal("UrduPoint / Pakistan Point News", a.GetProperty("outlet").GetString());
    }

    [Fact]
    public void DocumentedFieldsAreTheOnesWritten()
    {
        var schema = File.ReadAllText(Path.Combine(TestData.RepoRoot, "docs", "schema.md"));
        foreach (var field in RequiredFields) Assert.Contains($"| `{field}` |", schema);
        var o = Analyze(null, "samples/")[0];
        var written = o.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(RequiredFields.Order(), written.Order());
    }

    [Fact]
    public void TokensOnRequest()
    {
        var o = Assert.Single(Analyze(null, "--tokens", TestData.Sample000));
        var text = o.GetProperty("text").GetString()!;
        var tokens = o.GetProperty("tokens").EnumerateArray().ToList();
        var said = tokens.First(t => text[t.GetProperty("start").GetInt32()..t.GetProperty("end").GetInt32()] == "said");
        Assert.Equal("VERB", said.GetProperty("upos").GetString());
        Assert.Equal("say", said.GetProperty("lemma").GetString());
        // Dependency head: 1-based index within the sentence (0 = root), and the UD relation.
        Assert.InRange(said.GetProperty("head").GetInt32(), 0, 200);
        Assert.False(string.IsNullOrEmpty(said.GetProperty("deprel").GetString()));
        Assert.Contains(tokens, t => t.GetProperty("deprel").GetString() == "nsubj");
        Assert.False(Analyze(null, TestData.Sample000)[0].TryGetProperty("tokens", out _));
    }

    [Fact]
    public void NoStoriesStreamsWithoutStoryIds()
    {
        var objects = Analyze(null, "--no-stories", "samples/");
        Assert.Equal(2, objects.Count);
        Assert.All(objects, o => Assert.False(o.TryGetProperty("story", out _)));
        Assert.All(objects, o => Assert.True(o.GetProperty("quotes").GetArrayLength() > 0));
    }

    [Fact]
    public void StandardInputIsRead()
    {
        var objects = Analyze(File.ReadAllText(TestData.Sample004), "-");
        var o = Assert.Single(objects);
        Assert.Equal("-", o.GetProperty("source").GetString());
        Assert.Equal("US says in contact with Pakistan to ‘discuss ways’ to combat TTP", o.GetProperty("title").GetString());
    }

    [Fact]
    public void AllFixturesMatchTheSchemaAndProblemsGoToStandardError()
    {
        var r = CliRunner.Run(TestData.RepoRoot, "analyze", TestData.Fixture("articles.jsonl"), TestData.Fixture("news.warc.gz"), TestData.Fixture("feed-atom.xml"));
        Assert.Equal(0, r.ExitCode);
        var objects = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3 + 3 + 3, objects.Count);
        foreach (var o in objects) AssertMatchesSchema(o);
        Assert.Contains("articles.jsonl:3: malformed JSON", r.Stderr);
    }

    private static void AssertMatchesSchema(JsonElement o)
    {
        foreach (var f in RequiredFields) Assert.True(o.TryGetProperty(f, out _), $"missing {f}");
        Assert.Equal(1, o.GetProperty("schema_version").GetInt32());
        Assert.Matches("^[^\\s]{1,200}$", o.GetProperty("id").GetString()!);
        var text = o.GetProperty("text").GetString()!;
        void CheckSpan(JsonElement s)
        {
            int start = s.GetProperty("start").GetInt32(), end = s.GetProperty("end").GetInt32();
            Assert.InRange(start, 0, text.Length);
            Assert.InRange(end, start, text.Length);
        }
        foreach (var s in o.GetProperty("body").EnumerateArray()) CheckSpan(s);
        foreach (var s in o.GetProperty("sentences").EnumerateArray()) CheckSpan(s);
        foreach (var e in o.GetProperty("entities").EnumerateArray())
        {
            CheckSpan(e);
            Assert.Equal(e.GetProperty("text").GetString(), text[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()]);
            Assert.Contains(e.GetProperty("type").GetString(), new[] { "PERSON", "ORG", "LOC", "MISC" });
        }
        foreach (var q in o.GetProperty("quotes").EnumerateArray())
        {
            CheckSpan(q);
            Assert.Contains(q.GetProperty("kind").GetString(), new[] { "direct", "partial", "indirect", "scare" });
            foreach (var part in new[] { "cue", "speaker" })
                if (q.GetProperty(part).ValueKind != JsonValueKind.Null) CheckSpan(q.GetProperty(part));
        }
        foreach (var t in o.GetProperty("times").EnumerateArray())
        {
            CheckSpan(t);
            Assert.Equal(t.GetProperty("text").GetString(), text[t.GetProperty("start").GetInt32()..t.GetProperty("end").GetInt32()]);
            Assert.Contains(t.GetProperty("type").GetString(), new[] { "DATE", "TIME", "DURATION", "SET" });
        }
        foreach (var p in o.GetProperty("places").EnumerateArray().Concat(o.GetProperty("demonyms").EnumerateArray()))
        {
            CheckSpan(p);
            Assert.Equal(p.GetProperty("text").GetString(), text[p.GetProperty("start").GetInt32()..p.GetProperty("end").GetInt32()]);
            Assert.Equal(2, p.GetProperty("country").GetString()!.Length);
            Assert.True(p.GetProperty("geonameid").GetInt32() >= 0);
        }
        foreach (var p in o.GetProperty("places").EnumerateArray())
        {
            Assert.InRange(p.GetProperty("lat").GetDouble(), -90, 90);
            Assert.InRange(p.GetProperty("lon").GetDouble(), -180, 180);
            Assert.False(string.IsNullOrEmpty(p.GetProperty("feature_code").GetString()));
            _ = p.GetProperty("metonymy").GetBoolean();
        }
        foreach (var s in o.GetProperty("boilerplate").EnumerateArray())
        {
            CheckSpan(s);
            Assert.False(string.IsNullOrEmpty(s.GetProperty("reason").GetString()));
        }
        if (o.GetProperty("headline").ValueKind != JsonValueKind.Null) CheckSpan(o.GetProperty("headline"));
        var dateline = o.GetProperty("dateline");
        if (dateline.ValueKind != JsonValueKind.Null)
        {
            CheckSpan(dateline);
            Assert.Equal(dateline.GetProperty("text").GetString(),
                text[dateline.GetProperty("start").GetInt32()..dateline.GetProperty("end").GetInt32()]);
        }
        var published = o.GetProperty("published");
        if (published.ValueKind != JsonValueKind.Null)
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$", published.GetString()!);
        Assert.Contains(o.GetProperty("format").GetString(), new[] { "plaintext", "html", "feed", "jsonlines", "warc" });
    }
}
