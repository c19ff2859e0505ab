using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Vouchers;

/// <summary>
/// <c>voucher-verlopen</c> (on entering <c>verlopen</c>): an issued voucher that was never redeemed gives its whole value
/// back to the scheme's budget and is closed, so the retention period starts. Runs for the timer (the usual way) and
/// would run the same for any other firing of the transition, inside the step's transaction.
/// </summary>
public sealed class VoucherExpiredEffect(RegioFlowDbContext db, BudgetLedger budget, TimeProvider clock) : ICaseEffect
{
    public const string EffectName = "voucher-verlopen";

    public string Name => EffectName;

    public async Task RunAsync(Case @case, string state, CancellationToken cancellationToken)
    {
        var voucher = await VoucherOf.CaseAsync(db, @case, cancellationToken);
        if (voucher.Value is { } value && voucher.ClosedAt is null)
        {
            await budget.ReleaseAsync(voucher.SchemeId, value, @case.Id, cancellationToken);
        }

        voucher.Close(clock.GetUtcNow());
    }
}

/// <summary>
/// <c>voucher-afsluiten</c> (on entering uitbetaald, afgewezen, ingetrokken): marks the voucher closed, whoever took the
/// step, so <see cref="Voucher.ClosedAt"/> (where the retention period starts) never depends on a feature remembering it.
/// </summary>
public sealed class VoucherClosedEffect(RegioFlowDbContext db, TimeProvider clock) : ICaseEffect
{
    public const string EffectName = "voucher-afsluiten";

    public string Name => EffectName;

    public async Task RunAsync(Case @case, string state, CancellationToken cancellationToken)
    {
        var voucher = await VoucherOf.CaseAsync(db, @case, cancellationToken);
        if (voucher.ClosedAt is null)
        {
            voucher.Close(clock.GetUtcNow());
        }
    }
}

internal static class VoucherOf
{
    /// <summary>The (tracked) voucher of a case; the feature's own instance when it already loaded it in this command.</summary>
    public static async Task<Voucher> CaseAsync(RegioFlowDbContext db, Case @case, CancellationToken cancellationToken) =>
        await db.Vouchers.SingleOrDefaultAsync(v => v.CaseId == @case.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Case {@case.Id} ({@case.DefinitionId}) has no voucher.");
}
