using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;
using RegioFlow.Domain;

namespace RegioFlow.Jobs;

/// <summary>
/// Daily: removes the personal data (name, date of birth, e-mail, employer, person key) of vouchers closed longer ago
/// than their scheme's retention period (<see cref="VoucherTerms.RetentionMonths"/>), keeping everything the figures
/// need (gemeente, age, training, amounts, dates). Each removal leaves an audit entry on the voucher's case and a log
/// line. Idempotent: an anonymised voucher is never touched again.
/// </summary>
public sealed class AnonymiseVouchersJob(RegioFlowDbContext db, AuditActor actor, TimeProvider clock, ILogger<AnonymiseVouchersJob> logger)
{
    public const string RecurringId = "anonymise-vouchers";
    private const int BatchSize = 200;

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        actor.Override = AuditActor.System;
        var now = clock.GetUtcNow();
        // The terms are JSON on the scheme, so the retention period is applied here, per scheme, not in SQL.
        var retention = (await db.Schemes.AsNoTracking().Where(s => s.Kind == SchemeKind.Voucher).ToListAsync(cancellationToken))
            .Where(s => s.VoucherTerms is not null)
            .ToDictionary(s => s.Id, s => s.VoucherTerms!.RetentionMonths);
        var removed = 0;
        foreach (var (schemeId, months) in retention)
        {
            var closedBefore = now.AddMonths(-months);
            while (true)
            {
                var due = await db.Vouchers
                    .Where(v => v.SchemeId == schemeId && v.AnonymisedAt == null && v.ClosedAt != null && v.ClosedAt <= closedBefore)
                    .OrderBy(v => v.Id).Take(BatchSize).ToListAsync(cancellationToken);
                if (due.Count == 0)
                {
                    break;
                }

                foreach (var voucher in due)
                {
                    voucher.Anonymise(now);
                    db.AuditTrail.Add(new AuditEntry(now, AuditActor.System, nameof(Voucher), voucher.Id.ToString(), "Geanonimiseerd",
                        JsonSerializer.Serialize(new { reden = $"bewaartermijn van {months} maanden na afsluiting verstreken", afgesloten = voucher.ClosedAt }), voucher.CaseId));
                    logger.LogInformation("Persoonsgegevens van voucher {VoucherId} verwijderd (afgesloten {ClosedAt:yyyy-MM-dd}, bewaartermijn {Months} maanden)",
                        voucher.Id, voucher.ClosedAt, months);
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                removed += due.Count;
            }
        }

        return removed;
    }
}
