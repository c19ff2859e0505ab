using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Vouchers;

/// <summary>
/// Which vouchers the signed-in user may see: the one who requested it; the users of the employer it was requested
/// for; the users of the training provider named on it once it is issued; the fund administrators of the scheme's
/// fund; oversight and administrators all. Every voucher read and write goes through <see cref="Visible"/>.
/// </summary>
public sealed class VoucherAccess(RegioFlowDbContext db, CurrentUser user, CaseRoleResolver roles)
{
    public IQueryable<Voucher> Visible()
    {
        var all = db.Vouchers.AsNoTracking();
        if (user.IsInRole(Role.Admin) || user.IsInRole(Role.Oversight))
        {
            return all;
        }

        var subject = user.SubjectId ?? "";
        var organisations = db.Memberships.Where(m => db.Users.Any(u => u.Id == m.UserAccountId && u.ExternalId == subject)).Select(m => m.OrganisationId);
        var fund = user.IsInRole(Role.FundAdministrator);
        var provider = user.IsInRole(Role.TrainingProvider);
        return all.Where(v =>
            v.RequestedBy == subject
            || (v.RequestedForOrganisationId != null && organisations.Contains(v.RequestedForOrganisationId.Value))
            || (provider && v.IssuedAt != null && organisations.Contains(v.ProviderOrganisationId))
            || (fund && db.Schemes.Any(s => s.Id == v.SchemeId && organisations.Contains(s.FundOrganisationId))));
    }

    /// <summary>The voucher if the user may see it: 404 when it does not exist, 403 when it is not theirs.</summary>
    public async Task<Voucher> VisibleAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await Visible().SingleOrDefaultAsync(v => v.Id == id, cancellationToken) is { } voucher)
        {
            return voucher;
        }

        throw await db.Vouchers.AnyAsync(v => v.Id == id, cancellationToken)
            ? new ForbiddenException("U mag deze voucher niet inzien.")
            : new NotFoundException($"Er is geen voucher met id {id}.");
    }

    /// <summary>A visible voucher with its case (untracked) and the case roles the user holds on it.</summary>
    public async Task<(Voucher Voucher, Case Case, CaseActor Actor)> ActorAsync(Guid id, CancellationToken cancellationToken)
    {
        var voucher = await VisibleAsync(id, cancellationToken);
        var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == voucher.CaseId, cancellationToken);
        return (voucher, @case, await roles.ForAsync(@case, cancellationToken));
    }

    /// <summary>
    /// Personal data (name, date of birth, e-mail, employer) and the code are for the scheme's fund administrators and
    /// the one who requested the voucher only; oversight, the employer's other users and the provider see the figures.
    /// </summary>
    public async Task<Func<Voucher, bool>> PersonalDataAllowedAsync(CancellationToken cancellationToken)
    {
        var subject = user.SubjectId ?? "";
        var funds = user.IsInRole(Role.FundAdministrator)
            ? await db.Schemes.Where(s => db.Memberships.Any(m => m.OrganisationId == s.FundOrganisationId && db.Users.Any(u => u.Id == m.UserAccountId && u.ExternalId == subject)))
                .Select(s => s.Id).ToListAsync(cancellationToken)
            : [];
        return v => v.RequestedBy == subject || funds.Contains(v.SchemeId);
    }

    /// <summary>The organisations the user belongs to.</summary>
    public async Task<List<Guid>> OrganisationsAsync(CancellationToken cancellationToken) =>
        await db.Memberships.Where(m => db.Users.Any(u => u.Id == m.UserAccountId && u.ExternalId == user.SubjectId))
            .Select(m => m.OrganisationId).ToListAsync(cancellationToken);
}
