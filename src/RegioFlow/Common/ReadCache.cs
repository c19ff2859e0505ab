using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;

namespace RegioFlow.Common;

/// <summary>
/// Dashboards and the register's counts are read far more often than the data behind them changes, and one computation
/// over a large register or a scheme with tens of thousands of cases takes hundreds of milliseconds. This cache keeps
/// each computed result with the data version it was computed at and hands it out again while that version holds.
/// <para>
/// The data version is the highest id in the audit trail plus the current minute: every change made through RegioFlow
/// writes an audit row (the interceptor, and the budget ledger for its own updates), so a new row means the figures may
/// have changed, on this instance or on any other sharing the database; the minute covers what changes with time alone
/// (a deadline becoming overdue, the year rolling over), so such figures are at most a minute behind. Reading the
/// version is one primary-key lookup. A version that moved makes the next reader compute afresh; readers that arrive
/// while that computation runs wait for it instead of starting their own.
/// </para>
/// Callers check access before they ask the cache and key per audience when the result depends on who asks.
/// </summary>
public sealed class ReadCache(TimeProvider clock)
{
    /// <summary>Beyond this many cached results (filters make keys), entries of older versions are dropped first.</summary>
    private const int MaxEntries = 1000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(string Version, Lazy<Task<object>> Value);

    /// <summary>
    /// The current data version (see the class summary); without the minute when <paramref name="changesWithTime"/> is
    /// false, for results that depend on the data alone, which then stay cached until the data changes.
    /// </summary>
    public async Task<string> VersionAsync(RegioFlowDbContext db, CancellationToken cancellationToken, bool changesWithTime = true)
    {
        var last = await db.AuditTrail.MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0;
        if (!changesWithTime)
        {
            return $"{last}";
        }

        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        return $"{last}:{minute}";
    }

    /// <summary>
    /// The result under <paramref name="key"/> at <paramref name="version"/>: the cached one, or the result of
    /// <paramref name="compute"/>. The computation runs to its end even when the request that started it is aborted, since
    /// other readers may be waiting for it; a failed computation is not kept.
    /// </summary>
    public async Task<T> GetAsync<T>(string key, string version, Func<Task<T>> compute)
        where T : class
    {
        var entry = _entries.AddOrUpdate(
            key,
            _ => New(version, compute),
            (_, existing) => existing.Version == version ? existing : New(version, compute));
        try
        {
            var value = (T)await entry.Value.Value;
            Trim(version);
            return value;
        }
        catch
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            throw;
        }
    }

    private static Entry New<T>(string version, Func<Task<T>> compute)
        where T : class =>
        new(version, new Lazy<Task<object>>(async () => await compute(), LazyThreadSafetyMode.ExecutionAndPublication));

    private void Trim(string current)
    {
        if (_entries.Count <= MaxEntries)
        {
            return;
        }

        foreach (var (key, entry) in _entries)
        {
            if (entry.Version != current)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }

        if (_entries.Count > MaxEntries)
        {
            _entries.Clear();
        }
    }
}
