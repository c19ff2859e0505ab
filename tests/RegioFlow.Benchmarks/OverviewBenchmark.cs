using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegioFlow.Auth;
using RegioFlow.Data;

/// <summary>
/// The regional overview benchmark (REGIOFLOW_BENCH=overview): seeds REGIOFLOW_BENCH_INITIATIVES (100000) initiatives and
/// REGIOFLOW_BENCH_OVERVIEW_CASES (100000) applications with cases (<see cref="OverviewSeed"/>), then lets
/// REGIOFLOW_BENCH_CLIENTS (20) signed-in clients (half the oversight user, half the fund administrator) call each
/// overview endpoint: REGIOFLOW_BENCH_WARMUP (100) warm-up requests (at most 30 s), then REGIOFLOW_BENCH_REQUESTS (2000) measured ones,
/// cut short after REGIOFLOW_BENCH_SECONDS (120) per endpoint. An endpoint that answers 404 to its first request is
/// not on this build yet: it is skipped with a note, so the harness runs before and after the endpoints are merged.
/// REGIOFLOW_BENCH_KEEP=1 keeps the seeded databases (their location is logged); REGIOFLOW_BENCH_REUSE_SQLITE=path and
/// REGIOFLOW_BENCH_REUSE_POSTGRES=database load a kept one instead of seeding (migrations added since are applied at
/// start); REGIOFLOW_BENCH_ONLY=a,b measures only the endpoints containing one of those texts.
/// </summary>
internal static class OverviewBenchmark
{
    /// <summary>The endpoints, as templates: {initiative} a random registered initiative, {scheme} a random bench scheme, {region} the region with most rows.</summary>
    private static readonly string[] Endpoints =
    [
        "/api/initiatives?search=bouw",
        "/api/initiatives?search=techniek%20rotterdam&page=2",
        "/api/initiatives?sector=techniek&status=lopend&page=5",
        "/api/initiatives?region={region}&type=zij-instroom",
        "/api/initiatives/{initiative}/similar",
        "/api/dashboards/schemes",
        "/api/dashboards/schemes/{scheme}",
        "/api/dashboards/initiatives?groupBy=region",
        "/api/dashboards/initiatives?groupBy=sector",
    ];

    private static readonly string[] Users = ["toezicht", "fondsbeheerder"];

    public static async Task RunAsync(string? postgres)
    {
        var initiatives = EnvInt("REGIOFLOW_BENCH_INITIATIVES", 100_000);
        var cases = EnvInt("REGIOFLOW_BENCH_OVERVIEW_CASES", 100_000);
        var clients = EnvInt("REGIOFLOW_BENCH_CLIENTS", 20);
        var warmup = EnvInt("REGIOFLOW_BENCH_WARMUP", 100);
        var requests = EnvInt("REGIOFLOW_BENCH_REQUESTS", 2_000);
        var seconds = EnvInt("REGIOFLOW_BENCH_SECONDS", 120);

        Console.WriteLine($"# RegioFlow regional overview benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version})");
        Console.WriteLine($"{initiatives:N0} initiatives, {cases:N0} applications with cases; {clients} concurrent clients (oversight and fund administrator alternating); "
            + $"per endpoint {warmup:N0} warm-up (at most 30 s) and up to {requests:N0} measured requests or {seconds} s; latencies in ms, in-process TestServer (no network)");
        Console.WriteLine();
        var rows = new List<string>();
        var notes = new List<string>();
        foreach (var provider in postgres is null ? ["Sqlite"] : new[] { "Sqlite", "Postgres" })
        {
            var reuse = Environment.GetEnvironmentVariable($"REGIOFLOW_BENCH_REUSE_{provider.ToUpperInvariant()}");
            var keep = reuse is { Length: > 0 } || Environment.GetEnvironmentVariable("REGIOFLOW_BENCH_KEEP") == "1";
            var database = reuse is { Length: > 0 } ? BenchDatabase.Existing(provider, postgres, reuse) : await BenchDatabase.CreateAsync(provider, postgres);
            await using var dispose = keep ? null : database;
            await using var app = new BenchApp(database, demoUsers: true);
            _ = app.Server;
            Console.Error.WriteLine($"[{provider}] app started on {database.Location}{(keep ? " (kept after the run)" : "")}");
            var seed = reuse is { Length: > 0 } ? await OverviewSeed.ReadAsync(database) : await OverviewSeed.SeedAsync(app, database, initiatives, cases);
            notes.Add($"{provider}: seeded in {seed.Elapsed.TotalSeconds:N0} s — {seed.Summary}");
            if (provider == "Postgres")
            {
                // Fresh statistics, as autovacuum would have them on a database that grew over time.
                await RawWrites.ExecuteAsync(database, "ANALYZE");
            }

            var http = await SignInAsync(app, clients);
            notes.Add($"{provider}: {await CheckSeedAsync(http, seed)}");
            Console.Error.WriteLine(notes[^1]);

            // The similarity index is built once per process (in the background from the start); wait for it so that its
            // build does not count in the first endpoints measured, and report how long the first similar list took.
            var ready = Stopwatch.StartNew();
            using (var first = await http[0].GetAsync($"/api/initiatives/{seed.InitiativeIds[0]}/similar"))
            {
                notes.Add($"{provider}: first similar list (similarity index ready) after {ready.Elapsed.TotalSeconds:N1} s, {(int)first.StatusCode}");
                Console.Error.WriteLine(notes[^1]);
            }

            var only = (Environment.GetEnvironmentVariable("REGIOFLOW_BENCH_ONLY") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var template in Endpoints.Where(e => only.Length == 0 || only.Any(o => e.Contains(o, StringComparison.Ordinal))))
            {
                string Url() => template
                    .Replace("{region}", seed.HeavyRegion, StringComparison.Ordinal)
                    .Replace("{initiative}", seed.InitiativeIds[Random.Shared.Next(seed.InitiativeIds.Count)].ToString(), StringComparison.Ordinal)
                    .Replace("{scheme}", seed.SchemeIds[Random.Shared.Next(seed.SchemeIds.Count)].ToString(), StringComparison.Ordinal);

                using (var probe = await http[0].GetAsync(Url()))
                {
                    if (probe.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
                    {
                        var note = $"{provider}: {template} answered {(int)probe.StatusCode} on this build: skipped";
                        Console.Error.WriteLine(note);
                        notes.Add(note);
                        continue;
                    }
                }

                await LoadAsync(http, warmup, clients, TimeSpan.FromSeconds(Math.Min(seconds, 30)), Url);
                var result = await LoadAsync(http, requests, clients, TimeSpan.FromSeconds(seconds), Url);
                var sorted = result.Latencies.Order().ToArray();
                rows.Add($"| {provider} | GET {template} | {sorted.Length:N0} | {result.Errors:N0} | {Percentile(sorted, 0.50):N1} | {Percentile(sorted, 0.95):N1} | {Percentile(sorted, 0.99):N1} | {sorted.Length / result.Elapsed.TotalSeconds:N1} |");
                Console.Error.WriteLine(rows[^1]);
                if (result.FirstError is { } error)
                {
                    notes.Add($"{provider}: {template} first error: {error}");
                    Console.Error.WriteLine(notes[^1]);
                }
            }

            foreach (var client in http)
            {
                client.Dispose();
            }
        }

        Console.WriteLine("| Database | Endpoint | Requests | Errors | p50 | p95 | p99 | req/s |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine();
        notes.ForEach(n => Console.WriteLine($"- {n}"));
    }

    /// <summary>
    /// Reads a sample of the seeded applications, their cases, journals and payments and the bench schemes through the
    /// app as the fund administrator: the raw seed must be rows the real code reads without error.
    /// </summary>
    private static async Task<string> CheckSeedAsync(IReadOnlyList<HttpClient> http, OverviewSeed.Result seed)
    {
        var client = http[1 % http.Count];
        var urls = seed.Samples.SelectMany(s => new[] { $"/api/applications/{s.Application}", $"/api/applications/{s.Application}/payments", $"/api/cases/{s.Case}", $"/api/cases/{s.Case}/journal" })
            .Concat(seed.SchemeIds.Select(id => $"/api/schemes/{id}"))
            .Concat(["/api/applications", "/api/schemes"]).ToList();
        var failures = new List<string>();
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync();
                failures.Add($"{url} → {(int)response.StatusCode}: {(body.Length > 300 ? body[..300] + "…" : body)}");
            }
        }

        return failures.Count == 0
            ? $"seed check: {urls.Count} reads of seeded applications, cases, journals, payments and schemes through the app as the fund administrator, all 2xx"
            : $"seed check: {failures.Count} of {urls.Count} reads failed, first: {failures[0]}";
    }

    private sealed record LoadResult(List<double> Latencies, int Errors, string? FirstError, TimeSpan Elapsed);

    /// <summary>
    /// <paramref name="count"/> requests shared by the clients, each client sending its next request when its last one
    /// answered; stops early after <paramref name="limit"/>. Non-2xx answers count as errors (the first body is kept).
    /// </summary>
    private static async Task<LoadResult> LoadAsync(IReadOnlyList<HttpClient> http, int count, int clients, TimeSpan limit, Func<string> url)
    {
        var latencies = new List<double>(count);
        var errors = 0;
        string? firstError = null;
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var client = http[c % http.Count];
            while (Interlocked.Increment(ref next) < count && stopwatch.Elapsed < limit)
            {
                var target = url();
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(target);
                var body = await response.Content.ReadAsStringAsync();
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(elapsed);
                    if (!response.IsSuccessStatusCode)
                    {
                        errors++;
                        firstError ??= $"{target} → {(int)response.StatusCode}: {(body.Length > 500 ? body[..500] + "…" : body)}";
                    }
                }
            }
        })));
        return new LoadResult(latencies, errors, firstError, stopwatch.Elapsed);
    }

    /// <summary>One HttpClient per concurrent client with a development token: even ones the oversight user, odd ones the fund administrator.</summary>
    private static async Task<List<HttpClient>> SignInAsync(BenchApp app, int clients)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegioFlowDbContext>();
        var issuer = scope.ServiceProvider.GetRequiredService<DevelopmentTokenIssuer>();
        var users = await db.Users.AsNoTracking().Where(u => Users.Contains(u.ExternalId)).ToDictionaryAsync(u => u.ExternalId);
        return [.. Enumerable.Range(0, clients).Select(i =>
        {
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Issue(users[Users[i % Users.Length]]).Token);
            return client;
        })];
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
