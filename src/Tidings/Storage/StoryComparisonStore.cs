using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tidings.Documents;
using Tidings.Stories;

namespace Tidings.Storage;

/// <summary>
/// The coverage comparisons of stories with more than one article, kept beside the stories so that showing a story
/// never computes one (tens of milliseconds for a long story). A comparison is stored with the article ids it was
/// computed from and only served for a story with the same ones; it depends on nothing else. Rebuilding the stories
/// keeps those whose story has the same articles and computes the others. One-article stories are not stored: their
/// comparison is quick and would repeat the article. Stored as gzipped JSON (a long story's is ~30 KB of JSON, ~3 KB
/// gzipped). The table is created on first use, outside the numbered migrations, as a derived cache.
/// </summary>
public sealed class StoryComparisonStore(SqliteConnection connection)
{
    private const string Table = "CREATE TABLE IF NOT EXISTS story_comparisons(story_id TEXT PRIMARY KEY, articles TEXT NOT NULL, comparison BLOB NOT NULL)";

    /// <summary>How many stories are compared at once when many are missing: their articles are in memory meanwhile.</summary>
    private const int Batch = 256;

    private static readonly JsonSerializerOptions Json = new();

    /// <summary>The article ids a comparison was computed from.</summary>
    public static string KeyOf(StoryRecord story) => string.Join(",", story.ArticleIds);

    public static bool IsStored(StoryRecord story) => story.ArticleIds.Count > 1 && story.ArticleIds.Count <= MaxStoredArticles;

    /// <summary>
    /// Stories up to this size get their comparison computed at rebuild. Comparing is quadratic in the articles, and
    /// a story of hundreds of copies (a wire story re-run everywhere) would stall every ingest; those are compared
    /// when first viewed.
    /// </summary>
    public const int MaxStoredArticles = 60;

    /// <summary>The stored comparison of a story with these articles, or null.</summary>
    public StoryComparison? Get(StoryRecord story)
    {
        if (!IsStored(story)) return null;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT comparison FROM story_comparisons WHERE story_id = $s AND articles = $a";
        cmd.Parameters.AddWithValue("$s", story.Id);
        cmd.Parameters.AddWithValue("$a", KeyOf(story));
        try
        {
            return cmd.ExecuteScalar() is byte[] blob ? Decode(blob) : null;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1)
        {
            return null; // no table yet: nothing stored
        }
    }

    public void Put(StoryRecord story, StoryComparison comparison, SqliteTransaction? tx = null)
    {
        if (!IsStored(story)) return;
        Exec(tx, Table);
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT OR REPLACE INTO story_comparisons(story_id, articles, comparison) VALUES ($s, $a, $c)";
        cmd.Parameters.AddWithValue("$s", story.Id);
        cmd.Parameters.AddWithValue("$a", KeyOf(story));
        cmd.Parameters.AddWithValue("$c", Encode(comparison));
        cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// Brings the table in line with <paramref name="stories"/>: drops the comparisons of stories that are gone or have
    /// other articles now, computes the missing ones (in parallel, a batch at a time, each batch in its own transaction:
    /// the articles are read between them). Returns (kept, computed).
    /// </summary>
    public (int Kept, int Computed) Update(IReadOnlyList<StoryRecord> stories, Func<string, Article?> article)
    {
        Exec(null, Table);
        var stored = new HashSet<(string, string)>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT story_id, articles FROM story_comparisons";
            using var r = cmd.ExecuteReader();
            while (r.Read()) stored.Add((r.GetString(0), r.GetString(1)));
        }
        var wanted = stories.Where(IsStored).ToList();
        var keep = wanted.Select(s => (s.Id, KeyOf(s))).Where(stored.Contains).ToHashSet();
        using (var tx = connection.BeginTransaction())
        {
            foreach (var gone in stored.Where(k => !keep.Contains(k)))
            {
                using var del = connection.CreateCommand();
                del.Transaction = tx;
                del.CommandText = "DELETE FROM story_comparisons WHERE story_id = $s";
                del.Parameters.AddWithValue("$s", gone.Item1);
                del.ExecuteNonQuery();
            }
            tx.Commit();
        }
        var missing = wanted.Where(s => !keep.Contains((s.Id, KeyOf(s)))).ToList();
        foreach (var batch in missing.Chunk(Batch))
        {
            // Articles read one at a time (one connection), compared in parallel.
            var loaded = batch.Select(s => s.ArticleIds.Select(article).OfType<Article>().ToList()).ToList();
            var computed = loaded.AsParallel().AsOrdered().Select(articles => CoverageComparer.Compare(articles)).ToList();
            using var tx = connection.BeginTransaction();
            for (int i = 0; i < batch.Length; i++) Put(batch[i], computed[i], tx);
            tx.Commit();
        }
        return (keep.Count, missing.Count);
    }

    private static byte[] Encode(StoryComparison comparison)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest)) JsonSerializer.Serialize(gz, comparison, Json);
        return buffer.ToArray();
    }

    private static StoryComparison? Decode(byte[] blob)
    {
        using var gz = new GZipStream(new MemoryStream(blob), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<StoryComparison>(gz, Json);
    }

    private void Exec(SqliteTransaction? tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
