using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tidings.Documents;
using Tidings.Stories;

namespace Tidings.Storage;

/// <summary>A row of the stories list.</summary>
public sealed record StorySummary(string Id, string Headline, DateTimeOffset? FirstReport, DateTimeOffset? LastReport, IReadOnlyList<string> Outlets, int Articles);

/// <summary>The story of one stored article.</summary>
public sealed record StoredStoryLink(string ArticleId, string StoryId, string? CopyOf, double Probability, DateTimeOffset? InferredPublished);

/// <summary>
/// Stories in the article database (tables of migration 2). <see cref="Rebuild"/> clusters every stored article in
/// publication order — the same stream as <c>analyze</c> — and replaces the story tables in one transaction, so the
/// same articles always give the same stories. The merged events (<see cref="SqliteEventStore"/>) are rebuilt with them.
/// </summary>
public sealed class SqliteStoryStore(SqliteArticleStore articles)
{
    private static readonly JsonSerializerOptions Json = new();
    private SqliteConnection Connection => articles.Connection;

    /// <summary>True when some stored article has no story yet (or a story row points at a removed article).</summary>
    public bool IsStale()
    {
        long missing = (long)SqliteSchema.Scalar(Connection, "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)")!;
        return missing > 0;
    }

    /// <summary>
    /// Clusters every stored article into stories and replaces the story tables; with <paramref name="comparisons"/>,
    /// also computes the coverage comparison of every story whose articles changed (see <see cref="StoryComparisonStore"/>).
    /// </summary>
    public int Rebuild(StoryModel? model = null, bool comparisons = true)
    {
        var ids = new List<string>();
        using (var cmd = Connection.CreateCommand())
        {
            cmd.CommandText = "SELECT id FROM articles ORDER BY published IS NULL, published, rowid";
            using var r = cmd.ExecuteReader();
            while (r.Read()) ids.Add(r.GetString(0));
        }
        var profiles = ids.Select(id => articles.Get(id)!).AsParallel().AsOrdered().Select(ArticleProfile.From).ToList();
        var links = StoryRunner.Cluster(profiles, model);
        var byStory = links.GroupBy(l => l.StoryId).ToList();
        var records = byStory.AsParallel().AsOrdered()
            .Select(g => StoryRecordBuilder.Build(g.Key, g.Select(l => articles.Get(l.ArticleId)!).ToList(), g.ToList())).ToList();
        var firstReport = records.ToDictionary(r => r.Id, r => r.FirstReport);
        using var tx = Connection.BeginTransaction();
        Exec(tx, "DELETE FROM story_articles");
        Exec(tx, "DELETE FROM stories");
        using (var ins = Connection.CreateCommand())
        {
            ins.Transaction = tx;
            ins.CommandText = "INSERT INTO story_articles(article_id, story_id, copy_of, probability, inferred_published) VALUES ($a, $s, $c, $p, $i)";
            for (int i = 0; i < links.Count; i++)
            {
                var l = links[i];
                ins.Parameters.Clear();
                ins.Parameters.AddWithValue("$a", l.ArticleId);
                ins.Parameters.AddWithValue("$s", l.StoryId);
                ins.Parameters.AddWithValue("$c", (object?)l.CopyOf ?? DBNull.Value);
                ins.Parameters.AddWithValue("$p", l.Probability);
                // An undated article is dated by its story.
                var inferred = profiles[i].Published is null ? firstReport[l.StoryId] : null;
                ins.Parameters.AddWithValue("$i", (object?)SqliteArticleStore.FormatDate(inferred) ?? DBNull.Value);
                ins.ExecuteNonQuery();
            }
        }
        using (var ins = Connection.CreateCommand())
        {
            ins.Transaction = tx;
            ins.CommandText = "INSERT INTO stories(id, headline, first_report, last_report, outlets, article_count, record) VALUES ($id, $h, $f, $l, $o, $n, $r)";
            foreach (var rec in records)
            {
                ins.Parameters.Clear();
                ins.Parameters.AddWithValue("$id", rec.Id);
                ins.Parameters.AddWithValue("$h", rec.Headline);
                ins.Parameters.AddWithValue("$f", (object?)SqliteArticleStore.FormatDate(rec.FirstReport) ?? DBNull.Value);
                ins.Parameters.AddWithValue("$l", (object?)SqliteArticleStore.FormatDate(rec.LastReport) ?? DBNull.Value);
                ins.Parameters.AddWithValue("$o", JsonSerializer.Serialize(rec.Outlets, Json));
                ins.Parameters.AddWithValue("$n", rec.ArticleCount);
                ins.Parameters.AddWithValue("$r", JsonSerializer.Serialize(rec, Json));
                ins.ExecuteNonQuery();
            }
        }
        // Events are merged within stories: new stories, new events, in the same transaction.
        SqliteEventStore.Rebuild(Connection, tx);
        tx.Commit();
        // After the stories, outside their transaction (it reads articles); a comparison is only served for its articles.
        if (comparisons) new StoryComparisonStore(Connection).Update(records, articles.Get);
        return records.Count;
    }

    public IReadOnlyList<StorySummary> List(DateTimeOffset? since = null, int limit = 100)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT id, headline, first_report, last_report, outlets, article_count FROM stories
            {(since is null ? "" : "WHERE last_report >= $since")}
            ORDER BY last_report IS NULL, last_report DESC, article_count DESC, id LIMIT $limit
            """;
        if (since is { } s) cmd.Parameters.AddWithValue("$since", SqliteArticleStore.FormatDate(s));
        cmd.Parameters.AddWithValue("$limit", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<StorySummary>();
        while (r.Read())
            list.Add(new StorySummary(r.GetString(0), r.GetString(1), Date(r, 2), Date(r, 3),
                JsonSerializer.Deserialize<List<string>>(r.GetString(4), Json) ?? [], r.GetInt32(5)));
        return list;
    }

    public int Count() => Convert.ToInt32(SqliteSchema.Scalar(Connection, "SELECT count(*) FROM stories"));

    /// <summary>A story by id or unique prefix (≥ 4 characters), or the story of an article id.</summary>
    public StoryRecord? Get(string idOrPrefix)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = """
            SELECT record FROM stories WHERE id = $id
            UNION ALL SELECT s.record FROM story_articles a JOIN stories s ON s.id = a.story_id WHERE a.article_id = $id
            LIMIT 1
            """;
        cmd.Parameters.AddWithValue("$id", idOrPrefix);
        if (cmd.ExecuteScalar() is string json) return JsonSerializer.Deserialize<StoryRecord>(json, Json);
        if (idOrPrefix.Length < 4) return null;
        cmd.CommandText = "SELECT record FROM stories WHERE id >= $id AND id < $id || char(1114111) ORDER BY id LIMIT 2";
        using var r = cmd.ExecuteReader();
        var found = new List<string>();
        while (r.Read()) found.Add(r.GetString(0));
        return found.Count == 1 ? JsonSerializer.Deserialize<StoryRecord>(found[0], Json) : null;
    }

    public StoredStoryLink? StoryOf(string articleId)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = "SELECT story_id, copy_of, probability, inferred_published FROM story_articles WHERE article_id = $a";
        cmd.Parameters.AddWithValue("$a", articleId);
        using var r = cmd.ExecuteReader();
        return r.Read() ? new StoredStoryLink(articleId, r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetDouble(2), Date(r, 3)) : null;
    }

    public List<Article> Articles(StoryRecord story) => story.ArticleIds.Select(id => articles.Get(id)).OfType<Article>().ToList();

    private void Exec(SqliteTransaction tx, string sql)
    {
        using var cmd = Connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static DateTimeOffset? Date(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateTimeOffset.Parse(r.GetString(i), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
}
