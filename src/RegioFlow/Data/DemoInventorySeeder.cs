using System.Text;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Features.Initiatives;

namespace RegioFlow.Data;

/// <summary>
/// Puts the Zuid-Holland inventory "techniekpromotie en -instroom" (2022, 236 initiatives) in the demo register, through
/// the same import as a fund administrator's upload, so the register, its dashboards and the similar-initiative list
/// have real data to show. Idempotent: a re-run finds every row unchanged and stores nothing.
/// </summary>
internal static class DemoInventorySeeder
{
    internal const string Resource = "RegioFlow.Data.Seed.initiatives-zuid-holland-2022.csv";
    internal const string Source = "Inventarisatie Zuid-Holland 2022";

    public static readonly ImportDefaults Defaults = new(Source, null, "techniek", null, "lopend");

    public static string ReadCsv()
    {
        using var stream = typeof(DemoInventorySeeder).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Seed resource {Resource} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static async Task SeedAsync(RegioFlowDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.Initiatives.AnyAsync(i => i.Source == Source, cancellationToken))
        {
            return;
        }

        var report = await InitiativeImport.RunAsync(ReadCsv(), Defaults, dryRun: false, db, clock.GetUtcNow(), cancellationToken);
        if (report.Errors > 0)
        {
            throw new InvalidOperationException($"The embedded inventory has {report.Errors} invalid rows; first: row {report.Rows.First(r => r.Outcome == InitiativeImport.Fout).Row}.");
        }
    }
}
