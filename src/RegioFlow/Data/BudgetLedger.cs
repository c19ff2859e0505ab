using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Domain;

namespace RegioFlow.Data;

/// <summary>
/// The only code that changes a scheme's budget figures. Each change is one conditional UPDATE in the command's
/// transaction: the database checks the ceiling at the moment of writing, so two grants at the same moment can never
/// exceed it together (the second one finds the first one's commitment and gets 409 "budget ontoereikend").
/// </summary>
public sealed class BudgetLedger(RegioFlowDbContext db, AuditActor actor, TimeProvider clock)
{
    /// <summary>Commits <paramref name="amount"/> against the ceiling, or 409 "budget ontoereikend".</summary>
    public async Task CommitAsync(Guid schemeId, decimal amount, Guid? caseId, CancellationToken cancellationToken)
    {
        var updated = await db.Schemes
            .Where(s => s.Id == schemeId && s.Committed + amount <= s.BudgetCeiling)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Committed, s => s.Committed + amount), cancellationToken);
        if (updated == 0)
        {
            var remaining = await db.Schemes.AsNoTracking().Where(s => s.Id == schemeId)
                .Select(s => new { s.BudgetCeiling, s.Committed }).SingleAsync(cancellationToken);
            throw new ConflictException(
                $"Budget ontoereikend: er is nog {Money.Format(remaining.BudgetCeiling - remaining.Committed)} vrij onder het plafond, " +
                $"en {Money.Format(amount)} is gevraagd.");
        }

        Audit(schemeId, nameof(Scheme.Committed), amount, caseId);
    }

    /// <summary>
    /// Releases part of a commitment (settled below the grant, or ended without payment). Conditional like
    /// <see cref="CommitAsync"/>: a release can never take Committed below zero, so a double release is a 409, not a
    /// budget that silently grows.
    /// </summary>
    public async Task ReleaseAsync(Guid schemeId, decimal amount, Guid? caseId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        var updated = await db.Schemes
            .Where(s => s.Id == schemeId && s.Committed - amount >= 0)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Committed, s => s.Committed - amount), cancellationToken);
        if (updated == 0)
        {
            var committed = await db.Schemes.AsNoTracking().Where(s => s.Id == schemeId).Select(s => s.Committed).SingleAsync(cancellationToken);
            throw new ConflictException(
                $"Er kan geen {Money.Format(amount)} worden vrijgegeven: er is maar {Money.Format(committed)} verplicht onder deze regeling.");
        }

        Audit(schemeId, nameof(Scheme.Committed), -amount, caseId);
    }

    /// <summary>Records money paid out (or, negative, received back).</summary>
    public async Task PaidAsync(Guid schemeId, decimal amount, Guid? caseId, CancellationToken cancellationToken)
    {
        await db.Schemes.Where(s => s.Id == schemeId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Paid, s => s.Paid + amount), cancellationToken);
        Audit(schemeId, nameof(Scheme.Paid), amount, caseId);
    }

    /// <summary>ExecuteUpdate passes the change tracker by, so the ledger writes its own audit row (saved with the command).</summary>
    private void Audit(Guid schemeId, string property, decimal delta, Guid? caseId) =>
        db.AuditTrail.Add(new AuditEntry(clock.GetUtcNow(), actor.Name, nameof(Scheme), schemeId.ToString(), "Modified",
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { [property] = new { delta } }), caseId));
}
