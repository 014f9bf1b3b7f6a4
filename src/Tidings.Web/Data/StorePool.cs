using System.Collections.Concurrent;
using Tidings.Storage;

namespace Tidings.Web.Data;

/// <summary>
/// Open stores (one SQLite connection each) shared by requests: a connection serves one request at a time, and
/// opening one per request would pay for the schema check every time. WAL lets readers run beside the writer.
/// </summary>
public sealed class StorePool(string path) : IDisposable
{
    private readonly ConcurrentBag<SqliteArticleStore> _idle = [];

    public string Path { get; } = path;

    public Lease Rent() => new(this, _idle.TryTake(out var store) ? store : new SqliteArticleStore(Path));

    public void Dispose()
    {
        while (_idle.TryTake(out var store)) store.Dispose();
    }

    /// <summary>A store for the length of a using block; disposing hands it back.</summary>
    public readonly struct Lease(StorePool pool, SqliteArticleStore store) : IDisposable
    {
        public SqliteArticleStore Store { get; } = store;

        public void Dispose() => pool._idle.Add(Store);
    }
}
