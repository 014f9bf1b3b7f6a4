using Microsoft.Data.Sqlite;

namespace Tidings.Storage;

/// <summary>
/// The database schema as an ordered list of migrations. <c>PRAGMA user_version</c> records how many have
/// been applied; opening a database applies the missing ones in one transaction.
/// </summary>
internal static class SqliteSchema
{
    private static readonly string[][] Migrations =
    [
        // 1: articles, their sources, and the full-text index over headline and clean body.
        [
            """
            CREATE TABLE articles(
                rowid INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                content_hash TEXT NOT NULL UNIQUE,
                format TEXT NOT NULL,
                source TEXT NOT NULL,
                url TEXT, title TEXT, outlet TEXT, author TEXT, language TEXT,
                published TEXT, published_inferred INTEGER NOT NULL DEFAULT 0,
                text TEXT NOT NULL,
                spans TEXT NOT NULL,
                annotations TEXT,
                ingested_at TEXT NOT NULL)
            """,
            "CREATE INDEX articles_published ON articles(published)",
            "CREATE INDEX articles_outlet ON articles(outlet COLLATE NOCASE)",
            """
            CREATE TABLE article_sources(
                article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                source TEXT NOT NULL,
                url TEXT, outlet TEXT,
                seen_at TEXT NOT NULL,
                PRIMARY KEY(article_id, source))
            """,
            "CREATE INDEX article_sources_url ON article_sources(url)",
            "CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')",
        ],
        // 2: stories (Stories/): one row per story with its record as JSON, and the story and copy-of of every article.
        [
            """
            CREATE TABLE stories(
                id TEXT PRIMARY KEY,
                headline TEXT NOT NULL,
                first_report TEXT, last_report TEXT,
                outlets TEXT NOT NULL,
                article_count INTEGER NOT NULL,
                record TEXT NOT NULL)
            """,
            "CREATE INDEX stories_last_report ON stories(last_report)",
            """
            CREATE TABLE story_articles(
                article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                story_id TEXT NOT NULL,
                copy_of TEXT,
                probability REAL NOT NULL,
                inferred_published TEXT)
            """,
            "CREATE INDEX story_articles_story ON story_articles(story_id)",
        ],
        // 3: the global entity table (Extract/Entities/): entities, their spellings and roles, every mention, and
        // which articles have been linked (an article with no entities is linked too).
        [
            "CREATE TABLE entities(id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, acronym TEXT, articles INTEGER NOT NULL)",
            "CREATE INDEX entities_name ON entities(name COLLATE NOCASE)",
            "CREATE TABLE entity_aliases(entity_id TEXT NOT NULL, alias TEXT NOT NULL, articles INTEGER NOT NULL, PRIMARY KEY(entity_id, alias))",
            "CREATE INDEX entity_aliases_alias ON entity_aliases(alias COLLATE NOCASE)",
            "CREATE TABLE entity_roles(entity_id TEXT NOT NULL, role TEXT NOT NULL, PRIMARY KEY(entity_id, role))",
            """
            CREATE TABLE entity_mentions(
                article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                confidence REAL NOT NULL, evidence TEXT NOT NULL,
                PRIMARY KEY(article_id, start))
            """,
            "CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id)",
            "CREATE TABLE entity_articles(article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE)",
        ],
        // 4: events (Extract/Events/): every coded mention, written with its article, and the merged events of
        // SqliteEventStore.Rebuild (one per event told by one or more mentions). event_id is null until merged.
        [
            """
            CREATE TABLE event_mentions(
                article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
                sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
                sentence_no INTEGER NOT NULL, lead INTEGER NOT NULL, doc_length INTEGER NOT NULL,
                outlet TEXT, published TEXT,
                event_id TEXT,
                plover TEXT NOT NULL, cameo TEXT NOT NULL, quad INTEGER NOT NULL,
                source_code TEXT, source_start INTEGER, source_end INTEGER,
                target_code TEXT, target_start INTEGER, target_end INTEGER,
                date TEXT, place_geonameid INTEGER,
                mention TEXT NOT NULL,
                PRIMARY KEY(article_id, seq))
            """,
            "CREATE INDEX event_mentions_event ON event_mentions(event_id)",
            """
            CREATE TABLE events(
                id TEXT PRIMARY KEY,
                story_id TEXT,
                plover TEXT NOT NULL, cameo TEXT NOT NULL, quad INTEGER NOT NULL,
                source_code TEXT, target_code TEXT,
                date TEXT, place_geonameid INTEGER,
                mentions INTEGER NOT NULL, articles INTEGER NOT NULL, outlets INTEGER NOT NULL, independent_outlets INTEGER NOT NULL,
                first_report TEXT,
                record TEXT NOT NULL)
            """,
            "CREATE INDEX events_story ON events(story_id)",
            "CREATE INDEX events_plover ON events(plover, date)",
            "CREATE INDEX events_source ON events(source_code)",
            "CREATE INDEX events_target ON events(target_code)",
            "CREATE INDEX events_date ON events(date)",
        ],
    ];

    public static int Version => Migrations.Length;

    public static void Migrate(SqliteConnection connection)
    {
        int current = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"));
        if (current > Migrations.Length)
            throw new InvalidOperationException($"the database was written by a newer Tidings (schema {current}, this build knows {Migrations.Length})");
        if (current == Migrations.Length) return;
        using var tx = connection.BeginTransaction();
        for (int v = current; v < Migrations.Length; v++)
        {
            foreach (var sql in Migrations[v])
            {
                using var cmd = connection.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = sql;
                cmd.ExecuteNonQuery();
            }
        }
        using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = $"PRAGMA user_version = {Migrations.Length}";
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
