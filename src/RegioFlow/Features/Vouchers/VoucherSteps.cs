using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Vouchers;

/// <summary>
/// What a provider and the fund see of a voucher after it is issued: money and dates, never the person (name, date of
/// birth, e-mail and employer are for the fund administrator and the person only).
/// </summary>
public sealed record VoucherMoneyDto(Guid Id, Guid CaseId, Guid SchemeId, string State, string? Code, string TrainingName, decimal? Value, DateOnly? ExpiresOn,
    DateOnly? RedeemedStart, decimal? RedeemedAmount, decimal? ClaimAmount, decimal? PaidAmount, DateOnly? PaidOn, string? PaymentReference, DateTimeOffset? ClosedAt, long Version);

public sealed record VoucherDocumentDto(Guid Id, Guid VoucherId, string Kind, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>Loading a voucher with its case and the user's case roles, shared by the redemption, claim and payout steps.</summary>
internal static class VoucherSteps
{
    /// <summary>The tracked voucher, its case (untracked) and the user's roles: 404 when unknown, 403 without a role on it.</summary>
    public static async Task<(Voucher Voucher, Case Case, CaseActor Actor)> LoadAsync(RegioFlowDbContext db, CaseRoleResolver roles, Guid id, CancellationToken cancellationToken)
    {
        var voucher = await db.Vouchers.SingleOrDefaultAsync(v => v.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Er is geen voucher met id {id}.");
        var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == voucher.CaseId, cancellationToken);
        var actor = await roles.ForAsync(@case, cancellationToken);
        if (actor.Roles.Count == 0)
        {
            throw new ForbiddenException("U heeft geen rol bij deze voucher.");
        }

        return (voucher, @case, actor);
    }

    public static async Task<VoucherMoneyDto> ToDtoAsync(this Voucher v, RegioFlowDbContext db, CancellationToken cancellationToken)
    {
        var state = await db.Cases.AsNoTracking().Where(c => c.Id == v.CaseId).Select(c => c.State).SingleAsync(cancellationToken);
        return new(v.Id, v.CaseId, v.SchemeId, state, v.Code, v.TrainingName, v.Value, v.ExpiresOn, v.RedeemedStart, v.RedeemedAmount, v.ClaimAmount,
            v.PaidAmount, v.PaidOn, v.PaymentReference, v.ClosedAt, v.Version);
    }
}
