using System.Buffers;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;
using RegioFlow.Domain;

namespace RegioFlow.Features.Initiatives;

/// <summary>An initiative added or changed (<see cref="Text"/> set) or deleted (<see cref="Text"/> null), for the index.</summary>
public sealed record InitiativeChange(Guid Id, InitiativeText? Text, DateTimeOffset CreatedAt)
{
    public static InitiativeChange Of(Initiative initiative, bool deleted) =>
        new(initiative.Id, deleted ? null : InitiativeText.Of(initiative), initiative.CreatedAt);
}

/// <summary>Initiatives ranked by score (best first, then by id) and the IDF of the target's stems the scores used.</summary>
/// <param name="Total">How many initiatives scored above <see cref="InitiativeSimilarity.MinimumScore"/>; more than <see cref="Matches"/> when cut off.</param>
public sealed record SimilarityRanking(IReadOnlyList<(Guid Id, double Score)> Matches, int Total, IReadOnlyDictionary<string, double> TargetIdf);

/// <summary>
/// The whole register's initiatives as TF-IDF term lists with an inverted index (stem → initiatives that use it), so a
/// similarity query scores only the initiatives that share a word with it instead of loading and tokenising the register
/// on every request. Same steps and weights as <see cref="InitiativeSimilarity.MostSimilar"/> with the whole register
/// as corpus (IDF over all initiatives, visible or not; visibility is applied afterwards by <see cref="InitiativeAccess"/>).
/// <para>
/// One per process. Built on first use (and warmed in the background at start); kept current by
/// <see cref="InitiativeIndexInterceptor"/> after every successful SaveChanges, and at most every
/// <see cref="CheckInterval"/> a request compares the number of initiatives and the newest CreatedAt with the database,
/// rebuilding in the background on a difference (rows added or deleted by another instance or by SQL). Text edited
/// outside this process is picked up by the rebuild at least every <see cref="RebuildInterval"/>.
/// </para>
/// </summary>
public sealed class InitiativeSimilarityIndex(IServiceScopeFactory scopes, ILogger<InitiativeSimilarityIndex> logger)
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan RebuildInterval = TimeSpan.FromMinutes(15);

    private const int BuildBatch = 2000;

    /// <summary>Guards the current <see cref="SimilarityTermIndex"/> (readers rank in parallel), its swap and <see cref="_pending"/>.</summary>
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly SemaphoreSlim _building = new(1, 1);
    private SimilarityTermIndex? _index;
    private long _builtAt;
    private long _nextCheckAt;
    private int _checking;
    private int _generation;

    /// <summary>Changes noted while a build reads the database, replayed on the new index before it is swapped in.</summary>
    private List<InitiativeChange>? _pending;

    /// <summary>The last build: initiatives, distinct stems, how long it took.</summary>
    public (int Initiatives, int Terms, long EstimatedBytes, TimeSpan Elapsed)? LastBuild { get; private set; }

    /// <summary>
    /// The (at most) <paramref name="take"/> initiatives most like <paramref name="target"/> (counted as
    /// <paramref name="terms"/>), never <paramref name="target"/>'s own id.
    /// </summary>
    public async Task<SimilarityRanking> RankAsync(InitiativeText target, IReadOnlyDictionary<string, TermCount> terms, int take, CancellationToken cancellationToken)
    {
        await EnsureCurrentAsync(cancellationToken);
        _lock.EnterReadLock();
        try
        {
            return _index!.Rank(terms, target.Id, take);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Applies changes that were saved (from <see cref="InitiativeIndexInterceptor"/>).</summary>
    public void Apply(IReadOnlyCollection<InitiativeChange> changes)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var change in changes)
            {
                _index?.Apply(change);
            }

            _pending?.AddRange(changes);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Forgets the index, so the next query builds it again (after the database was emptied behind EF's back, as the tests' reset does).</summary>
    public void Reset()
    {
        _lock.EnterWriteLock();
        try
        {
            _index = null;
            _pending = null;
            _generation++;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Builds the index if there is none yet; used to warm it at start.</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken) => EnsureCurrentAsync(cancellationToken);

    private async Task EnsureCurrentAsync(CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _index) is null)
        {
            await _building.WaitAsync(cancellationToken);
            try
            {
                if (Volatile.Read(ref _index) is null)
                {
                    await BuildAsync(CancellationToken.None);
                }
            }
            finally
            {
                _building.Release();
            }
        }

        var now = Environment.TickCount64;
        if (now < Volatile.Read(ref _nextCheckAt) || Interlocked.CompareExchange(ref _checking, 1, 0) != 0)
        {
            return;
        }

        try
        {
            Volatile.Write(ref _nextCheckAt, now + (long)CheckInterval.TotalMilliseconds);
            if (now - Volatile.Read(ref _builtAt) >= (long)RebuildInterval.TotalMilliseconds || !await MatchesDatabaseAsync(cancellationToken))
            {
                _ = Task.Run(RebuildInBackgroundAsync, CancellationToken.None);
            }
        }
        finally
        {
            Volatile.Write(ref _checking, 0);
        }
    }

    /// <summary>The cheap check: as many initiatives as the database holds, and the same newest one (to the microsecond PostgreSQL keeps).</summary>
    private async Task<bool> MatchesDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegioFlowDbContext>();
        var count = await db.Initiatives.CountAsync(cancellationToken);
        var newest = await db.Initiatives.MaxAsync(i => (DateTimeOffset?)i.CreatedAt, cancellationToken);
        _lock.EnterReadLock();
        try
        {
            return _index is null || (_index.Count == count && _index.NewestCreatedAt / 10 == (newest?.UtcTicks ?? 0) / 10);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private async Task RebuildInBackgroundAsync()
    {
        if (!await _building.WaitAsync(0))
        {
            return;
        }

        try
        {
            await BuildAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The current index keeps serving; the next check tries again.
            logger.LogWarning(exception, "Rebuilding the similarity index failed");
        }
        finally
        {
            _building.Release();
        }
    }

    private async Task BuildAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        int generation;
        _lock.EnterWriteLock();
        try
        {
            generation = _generation;
            _pending = [];
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        var index = new SimilarityTermIndex();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegioFlowDbContext>();
            var rows = db.Initiatives.AsNoTracking()
                .Select(i => new { i.Id, i.Title, i.Problem, i.Goals, i.Sectors, i.TargetGroups, i.Activity, i.CreatedAt })
                .AsAsyncEnumerable();
            var batch = new List<(InitiativeText Text, DateTimeOffset CreatedAt)>(BuildBatch);
            var counted = new Dictionary<string, TermCount>[BuildBatch];
            void Flush()
            {
                // Tokenising is the cost of a build: spread a batch over the cores, then insert in order.
                Parallel.For(0, batch.Count, i => counted[i] = InitiativeSimilarity.Count(batch[i].Text));
                for (var i = 0; i < batch.Count; i++)
                {
                    index.Upsert(batch[i].Text.Id, counted[i], batch[i].CreatedAt.UtcTicks);
                }

                batch.Clear();
            }

            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                batch.Add((new InitiativeText(row.Id, row.Title, row.Problem, row.Goals, row.Sectors, row.TargetGroups, row.Activity), row.CreatedAt));
                if (batch.Count == BuildBatch)
                {
                    Flush();
                }
            }

            Flush();
        }

        _lock.EnterWriteLock();
        try
        {
            if (generation != _generation)
            {
                return; // reset while building: the rows read may be gone
            }

            foreach (var change in _pending ?? [])
            {
                index.Apply(change);
            }

            _pending = null;
            Volatile.Write(ref _index, index);
            Volatile.Write(ref _builtAt, Environment.TickCount64);
            Volatile.Write(ref _nextCheckAt, Environment.TickCount64 + (long)CheckInterval.TotalMilliseconds);
            LastBuild = (index.Count, index.TermCount, index.EstimatedBytes, stopwatch.Elapsed);
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        logger.LogInformation("Similarity index built: {Initiatives} initiatives, {Terms} stems, about {Megabytes} MB, in {Milliseconds} ms",
            LastBuild?.Initiatives, LastBuild?.Terms, LastBuild?.EstimatedBytes / (1024 * 1024), (long?)LastBuild?.Elapsed.TotalMilliseconds);
    }
}

/// <summary>
/// The index proper; not thread-safe (its owner locks). Stems are interned to ints; per initiative a slot with its
/// stem ids and TF weights; per stem a postings list of (slot, TF weight) and a document frequency. A changed or
/// deleted initiative leaves a dead slot that ranking skips, and the postings are compacted once a quarter is dead.
/// </summary>
internal sealed class SimilarityTermIndex
{
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<Document?> _documents = [];
    private readonly Dictionary<Guid, int> _slots = [];
    private int[] _documentFrequency = new int[4096];
    private Postings[] _postings = new Postings[4096];
    private int _dead;
    private int _version;
    private NormCache[] _norms = [];

    public int Count => _slots.Count;

    public int TermCount => _termIds.Count;

    /// <summary>Roughly what the index holds on the heap (arrays, objects and dictionaries as .NET lays them out on 64 bits).</summary>
    public long EstimatedBytes =>
        _documents.Sum(d => d is null ? 0L : 96 + (12L * d.Terms.Length))
        + _postings.Sum(p => p is null ? 0L : 80 + (12L * p.Slots.Length))
        + _termIds.Keys.Sum(k => 56L + (2 * k.Length))
        + (40L * _slots.Count) + (8L * _documents.Capacity) + (12L * _postings.Length);

    public long NewestCreatedAt => _slots.Count == 0 ? 0 : _slots.Values.Max(s => _documents[s]!.CreatedAt);

    public void Apply(InitiativeChange change)
    {
        if (change.Text is null)
        {
            Remove(change.Id);
        }
        else
        {
            Upsert(change.Id, InitiativeSimilarity.Count(change.Text), change.CreatedAt.UtcTicks);
        }
    }

    public void Upsert(Guid id, IReadOnlyDictionary<string, TermCount> terms, long createdAt)
    {
        Remove(id);
        var slot = _documents.Count;
        var termIds = new int[terms.Count];
        var weights = new double[terms.Count];
        var k = 0;
        foreach (var (stem, count) in terms)
        {
            var term = Intern(stem);
            termIds[k] = term;
            weights[k] = InitiativeSimilarity.TermFrequencyWeight(count.Weight);
            _documentFrequency[term]++;
            (_postings[term] ??= new Postings()).Add(slot, weights[k]);
            k++;
        }

        _documents.Add(new Document(id, termIds, weights, createdAt));
        _slots[id] = slot;
        _version++;
    }

    public SimilarityRanking Rank(IReadOnlyDictionary<string, TermCount> target, Guid targetId, int take)
    {
        // As MostSimilar with the register as corpus: the target counts as one document (its stored version, if
        // indexed, is left out), so the IDF is that of the register plus this text. Only the stems of the target and
        // of its stored version (adjusted) differ from the register's own frequencies.
        var excluded = targetId != Guid.Empty && _slots.TryGetValue(targetId, out var slot) ? slot : -1;
        var documents = Count - (excluded >= 0 ? 1 : 0) + 1;
        var adjust = new Dictionary<int, int>();
        if (excluded >= 0)
        {
            foreach (var term in _documents[excluded]!.Terms)
            {
                adjust[term] = -1;
            }
        }

        var targetTerms = new List<(int Term, double Weight, double Idf)>(target.Count);
        var targetIdf = new Dictionary<string, double>(StringComparer.Ordinal);
        var targetNorm = 0.0;
        foreach (var (stem, count) in target)
        {
            var term = _termIds.GetValueOrDefault(stem, -1);
            var frequency = 1;
            if (term >= 0)
            {
                adjust[term] = adjust.GetValueOrDefault(term) + 1;
                frequency = _documentFrequency[term] + adjust[term];
            }

            var idf = InitiativeSimilarity.InverseDocumentFrequency(documents, frequency);
            targetIdf[stem] = idf;
            var weight = InitiativeSimilarity.TermFrequencyWeight(count.Weight) * idf;
            targetNorm += weight * weight;
            if (term >= 0)
            {
                targetTerms.Add((term, weight, idf));
            }
        }

        targetNorm = Math.Sqrt(targetNorm);
        if (targetNorm == 0 || targetTerms.Count == 0)
        {
            return new SimilarityRanking([], 0, targetIdf);
        }

        // Every initiative's squared norm with the register's IDF is cached; the few adjusted stems correct it exactly.
        var cache = Norms(documents);
        var dots = ArrayPool<double>.Shared.Rent(_documents.Count);
        var corrections = ArrayPool<double>.Shared.Rent(_documents.Count);
        var slots = _documents.Count;
        try
        {
            Array.Clear(dots, 0, slots);
            Array.Clear(corrections, 0, slots);
            foreach (var (term, change) in adjust)
            {
                if (change == 0)
                {
                    continue;
                }

                var idf = InitiativeSimilarity.InverseDocumentFrequency(documents, _documentFrequency[term] + change);
                var difference = (idf * idf) - (cache.Idf[term] * cache.Idf[term]);
                var postings = _postings[term];
                for (var p = 0; p < postings.Count; p++)
                {
                    corrections[postings.Slots[p]] += postings.Weights[p] * postings.Weights[p] * difference;
                }
            }

            foreach (var (term, weight, idf) in targetTerms)
            {
                // The target's weight of a stem is TF × IDF; the initiative's is its TF (in the postings) × the same IDF.
                var postings = _postings[term];
                var factor = weight * idf;
                var postingSlots = postings.Slots;
                var postingWeights = postings.Weights;
                for (var p = 0; p < postings.Count; p++)
                {
                    dots[postingSlots[p]] += factor * postingWeights[p];
                }
            }

            // The best `take` in a bounded heap whose root is the weakest kept: no list of every match to sort.
            var best = new PriorityQueue<(Guid Id, double Score), (Guid Id, double Score)>(Weakest);
            var total = 0;
            var weakest = double.MinValue;
            for (var s = 0; s < slots; s++)
            {
                if (dots[s] == 0 || s == excluded || _documents[s] is not { } document)
                {
                    continue;
                }

                var score = dots[s] / (targetNorm * Math.Sqrt(cache.SquaredNorms[s] + corrections[s]));
                if (score <= InitiativeSimilarity.MinimumScore)
                {
                    continue;
                }

                total++;
                var rounded = InitiativeSimilarity.RoundScore(score);
                if (best.Count < take)
                {
                    best.Enqueue((document.Id, rounded), (document.Id, rounded));
                }
                else if (rounded >= weakest && Weakest.Compare((document.Id, rounded), best.Peek()) > 0)
                {
                    best.DequeueEnqueue((document.Id, rounded), (document.Id, rounded));
                }
                else
                {
                    continue;
                }

                // Most matches are weaker than the weakest kept once the heap is full: one comparison skips them.
                weakest = best.Count < take ? double.MinValue : best.Peek().Score;
            }

            var ranked = new List<(Guid Id, double Score)>(best.Count);
            while (best.TryDequeue(out var match, out _))
            {
                ranked.Add(match);
            }

            ranked.Reverse();
            return new SimilarityRanking(ranked, total, targetIdf);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(dots);
            ArrayPool<double>.Shared.Return(corrections);
        }
    }

    /// <summary>Orders matches weakest first: lower score, then (as MostSimilar breaks ties on the lower id) the higher id.</summary>
    private static readonly Comparer<(Guid Id, double Score)> Weakest =
        Comparer<(Guid Id, double Score)>.Create((a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Id.CompareTo(a.Id));

    /// <summary>
    /// Per stem its IDF over <paramref name="documents"/> texts with the register's frequencies, and per slot the
    /// squared norm of that initiative's vector with those IDFs; computed once per change of the index and count
    /// (queries use one of two counts: the register, or the register and a text not stored).
    /// </summary>
    private NormCache Norms(int documents)
    {
        var caches = _norms;
        foreach (var cached in caches)
        {
            if (cached.Version == _version && cached.Documents == documents)
            {
                return cached;
            }
        }

        var idf = new double[_termIds.Count];
        for (var t = 0; t < idf.Length; t++)
        {
            idf[t] = InitiativeSimilarity.InverseDocumentFrequency(documents, _documentFrequency[t]);
        }

        var squaredNorms = new double[_documents.Count];
        for (var s = 0; s < squaredNorms.Length; s++)
        {
            if (_documents[s] is { } document)
            {
                for (var k = 0; k < document.Terms.Length; k++)
                {
                    var w = document.Weights[k] * idf[document.Terms[k]];
                    squaredNorms[s] += w * w;
                }
            }
        }

        // Readers rank in parallel: publish a new small array, never change one they may be reading.
        var cache = new NormCache(_version, documents, idf, squaredNorms);
        _norms = [cache, .. caches.Where(c => c.Version == _version).Take(1)];
        return cache;
    }

    private void Remove(Guid id)
    {
        if (!_slots.Remove(id, out var slot))
        {
            return;
        }

        foreach (var term in _documents[slot]!.Terms)
        {
            _documentFrequency[term]--;
        }

        _documents[slot] = null;
        _version++;
        if (++_dead > 1024 && _dead > _documents.Count / 4)
        {
            Compact();
        }
    }

    /// <summary>Drops the dead slots: the live initiatives get new slots in the same order and the postings are rebuilt.</summary>
    private void Compact()
    {
        var live = _documents.Where(d => d is not null).ToList();
        _documents.Clear();
        _slots.Clear();
        _dead = 0;
        foreach (var postings in _postings)
        {
            postings?.Clear();
        }

        foreach (var document in live)
        {
            var slot = _documents.Count;
            for (var k = 0; k < document!.Terms.Length; k++)
            {
                _postings[document.Terms[k]].Add(slot, document.Weights[k]);
            }

            _documents.Add(document);
            _slots[document.Id] = slot;
        }

        _version++;
    }

    private int Intern(string stem)
    {
        if (_termIds.TryGetValue(stem, out var term))
        {
            return term;
        }

        term = _termIds.Count;
        _termIds[stem] = term;
        if (term == _postings.Length)
        {
            Array.Resize(ref _postings, term * 2);
            Array.Resize(ref _documentFrequency, term * 2);
        }

        return term;
    }

    private sealed record Document(Guid Id, int[] Terms, double[] Weights, long CreatedAt);

    private sealed record NormCache(int Version, int Documents, double[] Idf, double[] SquaredNorms);

    private sealed class Postings
    {
        public int[] Slots { get; private set; } = new int[4];

        public double[] Weights { get; private set; } = new double[4];

        public int Count { get; private set; }

        public void Add(int slot, double weight)
        {
            if (Count == Slots.Length)
            {
                Slots = [.. Slots, .. new int[Count]];
                Weights = [.. Weights, .. new double[Count]];
            }

            Slots[Count] = slot;
            Weights[Count] = weight;
            Count++;
        }

        public void Clear() => Count = 0;
    }
}

/// <summary>Builds <see cref="InitiativeSimilarityIndex"/> in the background at start, so the first similarity request need not; never blocks or fails the start.</summary>
internal sealed class InitiativeSimilarityWarmUp(InitiativeSimilarityIndex index, ILogger<InitiativeSimilarityWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await index.WarmUpAsync(CancellationToken.None);
            }
            catch (Exception exception)
            {
                // The first similarity request builds it instead.
                logger.LogWarning(exception, "Warming the similarity index failed");
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
