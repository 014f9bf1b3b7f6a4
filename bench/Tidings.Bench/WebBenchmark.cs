using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tidings.Ingest;
using Tidings.Pipeline;
using Tidings.Storage;
using Tidings.Stories;
using Tidings.Web;
using Tidings.Web.Data;

namespace Tidings.Bench;

/// <summary>
/// Page and API latency of `tidings serve` on a large database. The database (built once, then reused) holds N articles
/// synthesized from real news text: a few hundred source articles (PolNeAR, GUM news, the samples) go through the full
/// pipeline once; each stored article is a copy of one with its own id, outlet (40 outlets), date (over a year) and an
/// appended update paragraph that the search index sees; every three consecutive articles form a story. Then the server
/// starts on a free port of 127.0.0.1 and one client requests each page and API call many times with varied parameters
/// (distinct stories, entities, search words: mostly cold caches), one request at a time. Prints p50 and p99 per call.
/// </summary>
public static class WebBenchmark
{
    private static readonly string[] Outlets = Enumerable.Range(0, 40).Select(i => $"Outlet {(char)('A' + i % 26)}{i / 26 + 1} News").ToArray();

    public static async Task<int> Run(string repoRoot, string[] args)
    {
        int count = Option(args, "--articles", 100_000);
        int requests = Option(args, "--requests", 200);
        int templates = Option(args, "--templates", 400);
        var db = Path.Combine(repoRoot, "bench", ".web", $"web-{count}.db");
        if (!File.Exists(db) || args.Contains("--rebuild")) Build(repoRoot, db, count, templates);
        else Console.WriteLine($"reusing {db} (--rebuild makes it anew)");
        StoreComparisons(db);
        var started = Stopwatch.StartNew();
        await using var server = await WebServer.StartAsync(new WebServerOptions { DatabasePath = db, Port = 0 });
        Console.WriteLine($"server up in {started.Elapsed.TotalSeconds:0.0} s at {server.Address}; {requests} requests per call, one at a time; {Environment.ProcessorCount} cores");
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        var sample = Sample(db, requests);
        var calls = new (string Name, Func<int, string> Path)[]
        {
            ("page home", i => i % 2 == 0 ? "/" : "/?cursor=" + Uri.EscapeDataString(PageCursor.Encode("stories", sample.StoryDates[i % sample.StoryDates.Count], "999999999"))),
            ("page story", i => "/stories/" + sample.Stories[i % sample.Stories.Count]),
            ("page article", i => "/articles/" + sample.Articles[i % sample.Articles.Count]),
            ("page entity", i => "/entities/" + Uri.EscapeDataString(sample.Entities[i % sample.Entities.Count])),
            ("page search", i => "/search?q=" + Uri.EscapeDataString(sample.Words[i % sample.Words.Count])),
            ("api articles", i => "/api/v1/articles?limit=20" + (i % 3) switch
            {
                0 => "",
                1 => "&outlet=" + Uri.EscapeDataString(Outlets[i % Outlets.Length]),
                _ => "&entity=" + Uri.EscapeDataString(sample.Entities[i % sample.Entities.Count]),
            }),
            ("api article", i => "/api/v1/articles/" + sample.Articles[i % sample.Articles.Count]),
            ("api stories", i => "/api/v1/stories?limit=20" + (i % 2 == 0 ? "" : "&since=" + sample.StoryDates[i % sample.StoryDates.Count][..10])),
            ("api story", i => "/api/v1/stories/" + sample.Stories[(i + requests / 2) % sample.Stories.Count]),
            ("api quotes", i => "/api/v1/quotes?limit=20&speaker=" + Uri.EscapeDataString(sample.Speakers[i % sample.Speakers.Count])),
            ("api entities", i => "/api/v1/entities?limit=50" + (i % 2 == 0 ? "" : "&type=PERSON")),
            ("api entity", i => "/api/v1/entities/" + Uri.EscapeDataString(sample.Entities[(i + 7) % sample.Entities.Count])),
            ("api search", i => "/api/v1/search?q=" + Uri.EscapeDataString(sample.Words[(i + 11) % sample.Words.Count])),
        };
        // Warm-up: JIT, the SQLite page cache, the shipped tables.
        foreach (var (_, path) in calls)
            for (int i = 0; i < 5; i++) await Time(client, path(requests + i));
        Console.WriteLine($"{"call",-14} {"p50 ms",8} {"p99 ms",8} {"max ms",8}");
        int failures = 0;
        foreach (var (name, path) in calls)
        {
            var times = new List<double>(requests);
            for (int i = 0; i < requests; i++)
            {
                var (ms, ok) = await Time(client, path(i));
                times.Add(ms);
                if (!ok) failures++;
            }
            times.Sort();
            Console.WriteLine($"{name,-14} {Percentile(times, 0.50),8:0.0} {Percentile(times, 0.99),8:0.0} {times[^1],8:0.0}");
        }
        Console.WriteLine(failures == 0 ? "all requests answered 200" : $"{failures} requests did not answer 200");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>The stories' comparisons, as a story rebuild stores them (only the missing ones are computed): the cost it adds.</summary>
    private static void StoreComparisons(string db)
    {
        using var store = new SqliteArticleStore(db);
        var records = new List<StoryRecord>();
        using (var cmd = new SqliteCommand("SELECT record FROM stories", store.Connection))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) records.Add(JsonSerializer.Deserialize<StoryRecord>(r.GetString(0))!);
        var sw = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (kept, computed) = new StoryComparisonStore(store.Connection).Update(records, store.Get);
        Console.WriteLine($"story comparisons: {kept} kept, {computed} computed in {sw.Elapsed.TotalSeconds:0.0} s ({(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.0} s CPU)");
    }

    private static async Task<(double Ms, bool Ok)> Time(HttpClient client, string path)
    {
        var sw = Stopwatch.StartNew();
        using var response = await client.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        return (sw.Elapsed.TotalMilliseconds, response.IsSuccessStatusCode);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private sealed record Samples(List<string> Stories, List<string> StoryDates, List<string> Articles, List<string> Entities, List<string> Speakers, List<string> Words);

    /// <summary>Parameters for the requests, spread over the whole database.</summary>
    private static Samples Sample(string db, int n)
    {
        using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly");
        c.Open();
        List<string> Column(string sql)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            using var r = cmd.ExecuteReader();
            var list = new List<string>();
            while (r.Read()) list.Add(r.GetString(0));
            return list;
        }
        var stories = Column($"SELECT id FROM stories ORDER BY (rowid * 7919) % 1000003 LIMIT {n}");
        var dates = Column($"SELECT last_report FROM stories WHERE last_report IS NOT NULL ORDER BY (rowid * 7919) % 1000003 LIMIT {n}");
        var articles = Column($"SELECT id FROM articles ORDER BY (rowid * 7919) % 1000003 LIMIT {n}");
        // Entities from the most mentioned to the rare ones: the heavy pages are in the sample.
        var entities = Column("SELECT id FROM entities ORDER BY articles DESC LIMIT 20")
            .Concat(Column($"SELECT id FROM entities ORDER BY (rowid * 7919) % 1000003 LIMIT {n}")).Distinct().ToList();
        var speakers = Column($"SELECT speaker_key FROM web_quotes GROUP BY speaker_key ORDER BY count(*) DESC LIMIT {n}");
        var words = new[] { "Pakistan", "president", "said", "election", "Bannu", "government", "\"State Department\"", "court", "police", "terror*", "climate", "economy" }
            .Concat(Column("SELECT name FROM entities WHERE type = 'PERSON' ORDER BY articles DESC LIMIT 40").Select(s => $"\"{s.Replace("\"", "")}\"")).ToList();
        return new Samples(stories, dates, articles, entities, speakers, words);
    }

    /// <summary>Builds the database under a temporary name and renames it when complete: an interrupted build is never reused.</summary>
    private static void Build(string repoRoot, string db, int count, int templateCount)
    {
        var building = db + ".building";
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);
        foreach (var f in new[] { db, building }.SelectMany(f => new[] { f, f + "-wal", f + "-shm" })) File.Delete(f);
        Fill(repoRoot, building, count, templateCount);
        SqliteConnection.ClearAllPools();
        File.Move(building, db);
    }

    private static void Fill(string repoRoot, string db, int count, int templateCount)
    {
        var total = Stopwatch.StartNew();
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);
        var sources = NewsCorpus.LoadSourceArticles(repoRoot);
        var step = Math.Max(1, sources.Count / templateCount);
        var picked = sources.Where((_, i) => i % step == 0).Take(templateCount).ToList();
        var reader = new InputReader();
        var pipeline = ArticlePipeline.CreateDefault();
        var templates = picked.AsParallel().AsOrdered().SelectMany((text, i) => reader.Read(InputDocument.FromBytes($"template-{i:D4}.txt", System.Text.Encoding.UTF8.GetBytes(text)))
            .Where(r => r.Article is not null).Select(r => pipeline.Process(r.Article!))).Where(a => a.Body.Count > 0).ToList();
        Console.WriteLine($"{templates.Count} source articles analyzed in {total.Elapsed.TotalSeconds:0} s");
        using var store = new SqliteArticleStore(db);
        store.StoreBatch(templates.GroupBy(a => a.ContentHash).Select(g => g.First()).ToList());
        var c = store.Connection;
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using (var tx = c.BeginTransaction())
        {
            // Each copy: its template's row with a new id, outlet and date, and an update paragraph only it has.
            var copy = c.CreateCommand();
            copy.Transaction = tx;
            copy.CommandText = """
                INSERT INTO articles(id, content_hash, format, source, url, title, outlet, author, language, published, published_inferred, text, spans, ingested_at)
                SELECT $id, $hash, format, $source, NULL, title, $outlet, author, language, $published, 0, text || $update, spans, ingested_at FROM articles WHERE rowid = $template;
                INSERT INTO articles_fts(rowid, title, body) SELECT last_insert_rowid(), title, body || $update FROM articles_fts WHERE rowid = $template;
                INSERT INTO article_sources(article_id, source, url, outlet, seen_at) VALUES ($id, $source, NULL, $outlet, $published);
                """;
            long templatesStored = (long)new SqliteCommand("SELECT count(*) FROM articles", c, tx).ExecuteScalar()!;
            foreach (var name in new[] { "$id", "$hash", "$source", "$outlet", "$published", "$update", "$template" }) copy.Parameters.Add(new SqliteParameter(name, ""));
            for (int i = 0; i < count - templatesStored; i++)
            {
                int story = i / 3;
                var published = start.AddMinutes(story * 525_600.0 / (count / 3.0) + i % 3 * 90);
                copy.Parameters["$id"].Value = $"{i:x8}{(uint)(i * 2654435761u):x8}";
                copy.Parameters["$hash"].Value = $"bench-{i}";
                copy.Parameters["$source"].Value = $"bench/{i:D6}.txt";
                copy.Parameters["$outlet"].Value = Outlets[(story + i % 3 * 13) % Outlets.Length];
                copy.Parameters["$published"].Value = SqliteArticleStore.FormatDate(published);
                copy.Parameters["$update"].Value = $"\n\nUpdate {i}: {Outlets[i % Outlets.Length]} revised report {story} at {published:HH:mm}.";
                copy.Parameters["$template"].Value = story % templatesStored + 1;
                copy.ExecuteNonQuery();
            }
            tx.Commit();
        }
        Console.WriteLine($"{store.Count()} articles stored in {total.Elapsed.TotalSeconds:0} s");
        WriteStories(store, count);
        Console.WriteLine($"stories written in {total.Elapsed.TotalSeconds:0} s");
        new SqliteEntityStore(store).Update();
        Console.WriteLine($"entities linked in {total.Elapsed.TotalSeconds:0} s");
        AnnotationIndex.Update(store);
        Console.WriteLine($"page index built; database ready in {total.Elapsed.TotalSeconds:0} s ({new FileInfo(db).Length / 1048576.0:0} MB)");
    }

    /// <summary>Every three copies of one template form a story; its record is the template's, with the copies' ids and dates.</summary>
    private static void WriteStories(SqliteArticleStore store, int count)
    {
        var c = store.Connection;
        var rows = new List<(long Rowid, string Id, string? Published, long Template)>();
        using (var cmd = new SqliteCommand("SELECT rowid, id, published FROM articles WHERE content_hash LIKE 'bench-%' ORDER BY rowid", c))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) rows.Add((r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), 0));
        var byTemplate = new Dictionary<long, StoryRecord>();
        using var tx = c.BeginTransaction();
        var links = new SqliteCommand("INSERT INTO story_articles(article_id, story_id, copy_of, probability) VALUES ($a, $s, NULL, 1)", c, tx);
        var stories = new SqliteCommand("INSERT INTO stories(id, headline, first_report, last_report, outlets, article_count, record) VALUES ($id, $h, $f, $l, $o, $n, $r)", c, tx);
        long templates = rows.Count == 0 ? 1 : (long)new SqliteCommand("SELECT count(*) FROM articles WHERE content_hash NOT LIKE 'bench-%'", c, tx).ExecuteScalar()!;
        for (int s = 0; s * 3 < rows.Count; s++)
        {
            var members = rows.Skip(s * 3).Take(3).ToList();
            long template = s % templates + 1;
            if (!byTemplate.TryGetValue(template, out var baseRecord))
            {
                var article = store.ReadAfter(template - 1, 1)[0].Article;
                byTemplate[template] = baseRecord = StoryRecordBuilder.Build("template", [article]);
            }
            var ids = members.Select(m => m.Id).ToList();
            var dates = members.Select(m => m.Published).OfType<string>().Select(d => DateTimeOffset.Parse(d, CultureInfo.InvariantCulture)).ToList();
            var outlets = ids.Select((_, k) => Outlets[(s + k * 13) % Outlets.Length]).Distinct().ToList();
            var record = baseRecord with
            {
                Id = $"s{s:x7}{(uint)(s * 40503u):x8}", HeadlineArticleId = ids[0], ArticleIds = ids, ArticleCount = ids.Count, Outlets = outlets,
                FirstReport = dates.Min(), LastReport = dates.Max(), Summary = baseRecord.Summary.Select(x => x with { ArticleId = ids[0] }).ToList(),
            };
            stories.Parameters.Clear();
            foreach (var (n, v) in new (string, object?)[] { ("$id", record.Id), ("$h", record.Headline), ("$f", SqliteArticleStore.FormatDate(record.FirstReport)),
                         ("$l", SqliteArticleStore.FormatDate(record.LastReport)), ("$o", JsonSerializer.Serialize(outlets)), ("$n", ids.Count), ("$r", JsonSerializer.Serialize(record)) })
                stories.Parameters.AddWithValue(n, v ?? DBNull.Value);
            stories.ExecuteNonQuery();
            foreach (var id in ids)
            {
                links.Parameters.Clear();
                links.Parameters.AddWithValue("$a", id);
                links.Parameters.AddWithValue("$s", record.Id);
                links.ExecuteNonQuery();
            }
        }
        tx.Commit();
    }
}
