using System.Text.Json;
using Tidings.Output;
using Tidings.Storage;
using Tidings.Tests.Extract;

namespace Tidings.Tests.Cli;

/// <summary>`tidings events` and `tidings export` on a store holding the samples with hand-made event mentions.</summary>
public sealed class EventCommandsTests : IDisposable
{
    private readonly TestData.TempDir _dir = new();
    private readonly string _db;
    private readonly string _sample000Url;

    public EventCommandsTests()
    {
        _db = _dir.File("t.db");
        var a = TestData.ReadOne(TestData.Sample000);
        var b = TestData.ReadOne(TestData.Sample004);
        EventSamples.AddSharedCooperation(a, b);
        using var store = new SqliteArticleStore(_db);
        store.StoreBatch([a, b]);
        new SqliteStoryStore(store).Rebuild();
        _sample000Url = a.Url ?? a.Id;
    }

    public void Dispose() => _dir.Dispose();

    private CliRunner.Result Run(params string[] args)
    {
        var r = CliRunner.Run(_dir.Path, [.. args, "--db", _db]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return r;
    }

    /// <summary>The GDELT 2.0 event table's columns, in the codebook's order.</summary>
    private static readonly string[] GdeltEventColumns =
    [
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
        "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
        "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
        "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code",
        "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
        "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
        "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
        "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
        "DATEADDED", "SOURCEURL",
    ];

    private static readonly string[] GdeltMentionColumns =
    [
        "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier", "SentenceID",
        "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
        "MentionDocTranslationInfo", "Extras",
    ];

    [Fact]
    public void EventsListsMergedEventsWithFilters()
    {
        var table = Run("events");
        Assert.Contains("COOPERATE", table.Stdout);
        Assert.Contains("2 in 2", table.Stdout); // two mentions in two articles
        var all = JsonDocument.Parse(Run("events", "--json").Stdout).RootElement;
        Assert.Equal(2, all.GetArrayLength());
        var usa = JsonDocument.Parse(Run("events", "--json", "--actor", "USA").Stdout).RootElement;
        var shared = Assert.Single(usa.EnumerateArray());
        Assert.Equal("USAGOV", shared.GetProperty("source").GetProperty("code").GetString());
        Assert.Equal(2, shared.GetProperty("reports").GetArrayLength());
        Assert.Equal(2, shared.GetProperty("independent_outlets").GetInt32());
        Assert.Equal(4.0, shared.GetProperty("goldstein").GetDouble(), 3); // CAMEO 030
        var coerce = JsonDocument.Parse(Run("events", "--json", "--type", "coerce", "--since", "2022-12-15").Stdout).RootElement;
        Assert.Equal("Bannu", Assert.Single(coerce.EnumerateArray()).GetProperty("place").GetProperty("name").GetString());
        var bad = CliRunner.Run(_dir.Path, "events", "--type", "BOMB", "--db", _db);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("not a PLOVER type", bad.Stderr);
    }

    [Fact]
    public void GdeltExportHasTheEventAndMentionTablesColumns()
    {
        Assert.Equal(GdeltEventColumns, GdeltExport.EventColumns);
        Assert.Equal(61, GdeltExport.EventColumns.Count);
        Assert.Equal(GdeltMentionColumns, GdeltExport.MentionColumns);
        var output = _dir.File("events.tsv");
        Run("export", "gdelt", "--out", output);
        var rows = File.ReadAllLines(output).Select(l => l.Split('\t')).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(61, r.Length));
        var cooperation = rows.Single(r => r[Array.IndexOf(GdeltEventColumns, "EventRootCode")] == "03");
        string Field(string name) => cooperation[Array.IndexOf(GdeltEventColumns, name)];
        Assert.Equal("20221207", Field("SQLDATE")); // the first report's date when reports disagree within a day
        Assert.Equal("USAGOV", Field("Actor1Code"));
        Assert.Equal("USA", Field("Actor1CountryCode"));
        Assert.Equal("GOV", Field("Actor1Type1Code"));
        Assert.Equal("PAKGOV", Field("Actor2Code"));
        Assert.Equal("030", Field("EventCode"));
        Assert.Equal("1", Field("QuadClass"));
        Assert.Equal("4.0", Field("GoldsteinScale"));
        Assert.Equal(("2", "2"), (Field("NumMentions"), Field("NumArticles")));
        Assert.Equal(_sample000Url, Field("SOURCEURL"));
        var mentions = File.ReadAllLines(_dir.File("events.mentions.tsv")).Select(l => l.Split('\t')).ToList();
        Assert.Equal(3, mentions.Count);
        Assert.All(mentions, m => Assert.Equal(16, m.Length));
        Assert.Equal(2, mentions.Count(m => m[0] == Field("GLOBALEVENTID")));
    }

    [Fact]
    public void PloverExportHasEveryRequiredField()
    {
        var lines = Run("export", "plover").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        foreach (var line in lines)
        {
            var record = JsonDocument.Parse(line).RootElement;
            foreach (var field in EventExport.PloverRequiredFields)
                Assert.True(record.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null, $"{field} missing in {line}");
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", record.GetProperty("date").GetString());
            Assert.Equal(JsonValueKind.Array, record.GetProperty("actor").ValueKind);
            Assert.Equal(JsonValueKind.Array, record.GetProperty("event").ValueKind);
        }
        var assault = JsonDocument.Parse(lines.Single(l => l.Contains("COERCE"))).RootElement;
        Assert.Equal("PAK", assault.GetProperty("event_loc").GetProperty("country_code").GetString());
        Assert.Equal(4, assault.GetProperty("quad_code").GetInt32());
    }

    [Fact]
    public void CsvAndJsonLinesExports()
    {
        var csv = Run("export", "csv").Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", EventExport.CsvColumns), csv[0]);
        Assert.StartsWith("id,story,date,plover,", csv[0]);
        Assert.Equal(3, csv.Length);
        var jsonl = Run("export", "jsonl", "--type", "COOPERATE").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var e = JsonDocument.Parse(Assert.Single(jsonl)).RootElement;
        Assert.Equal(2, e.GetProperty("mentions").GetInt32());
    }

    [Fact]
    public void AnalyzeWritesAnEventsArrayAndDictionariesMustExist()
    {
        var r = CliRunner.Run(TestData.RepoRoot, "analyze", TestData.Sample000);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(r.Stdout).RootElement.GetProperty("events").ValueKind);
        var missing = CliRunner.Run(TestData.RepoRoot, "analyze", TestData.Sample000, "--dictionaries", _dir.File("nowhere"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("--dictionaries", missing.Stderr);
    }

    [Fact]
    public void GdeltRowsOfAnUnmergedStoreAreWrittenAfterMerging()
    {
        using (var store = new SqliteArticleStore(_db))
        using (var cmd = store.Connection.CreateCommand())
        {
            cmd.CommandText = "UPDATE event_mentions SET event_id = NULL; DELETE FROM events";
            cmd.ExecuteNonQuery();
        }
        Assert.Equal(2, Run("export", "gdelt").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
