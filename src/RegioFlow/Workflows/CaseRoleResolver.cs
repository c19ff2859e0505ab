using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;

namespace RegioFlow.Workflows;

/// <summary>
/// Which case roles the signed-in user holds on a case. For a subsidy application they follow from the resource:
/// initiator = an initiative lead of the applicant organisation; behandelaar = a fund administrator of the scheme's
/// fund; adviseur / voorzitter = a member / the chair of the assessing table; beslisser = a member of the decision
/// body. Other cases (the engine's test definitions) map RegioFlow roles directly, with the starter as initiator.
/// </summary>
public sealed class CaseRoleResolver(RegioFlowDbContext db, CurrentUser user)
{
    public async Task<CaseActor> ForAsync(Case @case, CancellationToken cancellationToken)
    {
        var roles = @case.SubjectType switch
        {
            FundingApplication.SubjectType => await SubsidyRolesAsync(@case, cancellationToken),
            Voucher.SubjectType => await VoucherRolesAsync(@case, cancellationToken),
            _ => GeneralRoles(@case),
        };
        if (user.IsInRole(Role.Admin))
        {
            roles.Add(CaseRoles.Beheerder);
        }

        return new CaseActor(user.SubjectId ?? "onbekend", roles);
    }

    /// <summary>Loads a case (untracked) the user may see: anyone with a role on it, and oversight (read-only).</summary>
    public async Task<(Case Case, CaseActor Actor)> VisibleCaseAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new NotFoundException($"Er is geen zaak met id {caseId}.");
        var actor = await ForAsync(@case, cancellationToken);
        if (actor.Roles.Count == 0 && !user.IsInRole(Role.Oversight))
        {
            throw new ForbiddenException("U heeft geen rol in deze zaak.");
        }

        return (@case, actor);
    }

    private HashSet<string> GeneralRoles(Case @case)
    {
        var roles = new HashSet<string>();
        if (@case.Initiator is not null && @case.Initiator == user.SubjectId)
        {
            roles.Add(CaseRoles.Initiator);
        }

        var map = new (Role Role, string CaseRole)[]
        {
            (Role.FundAdministrator, CaseRoles.Behandelaar),
            (Role.TableMember, CaseRoles.Adviseur),
            (Role.TableChair, CaseRoles.Voorzitter),
            (Role.DecisionBodyMember, CaseRoles.Beslisser),
        };
        foreach (var (role, caseRole) in map.Where(m => user.IsInRole(m.Role)))
        {
            roles.Add(caseRole);
        }

        return roles;
    }

    /// <summary>
    /// On a voucher: initiator = who requested it (the resident, or the employer's user); behandelaar = a fund
    /// administrator of the scheme's fund; opleider = a training provider user of the provider named on the voucher.
    /// </summary>
    private async Task<HashSet<string>> VoucherRolesAsync(Case @case, CancellationToken cancellationToken)
    {
        var roles = new HashSet<string>();
        var subject = user.SubjectId;
        if (subject is null || !Guid.TryParse(@case.SubjectId, out var voucherId))
        {
            return roles;
        }

        var voucher = await db.Vouchers.AsNoTracking()
            .Where(v => v.Id == voucherId)
            .Join(db.Schemes, v => v.SchemeId, s => s.Id, (v, s) => new { v.RequestedBy, v.ProviderOrganisationId, s.FundOrganisationId })
            .SingleOrDefaultAsync(cancellationToken);
        if (voucher is null)
        {
            return roles;
        }

        if (voucher.RequestedBy == subject)
        {
            roles.Add(CaseRoles.Initiator);
        }

        var organisations = await db.Memberships.AsNoTracking()
            .Where(m => db.Users.Any(u => u.Id == m.UserAccountId && u.ExternalId == subject))
            .Select(m => m.OrganisationId).ToListAsync(cancellationToken);
        if (user.IsInRole(Role.FundAdministrator) && organisations.Contains(voucher.FundOrganisationId))
        {
            roles.Add(CaseRoles.Behandelaar);
        }

        if (user.IsInRole(Role.TrainingProvider) && organisations.Contains(voucher.ProviderOrganisationId))
        {
            roles.Add(CaseRoles.Opleider);
        }

        return roles;
    }

    private async Task<HashSet<string>> SubsidyRolesAsync(Case @case, CancellationToken cancellationToken)
    {
        var roles = new HashSet<string>();
        var subject = user.SubjectId;
        if (subject is null || !Guid.TryParse(@case.SubjectId, out var applicationId))
        {
            return roles;
        }

        var application = await db.FundingApplications.AsNoTracking()
            .Where(a => a.Id == applicationId)
            .Join(db.Schemes, a => a.SchemeId, s => s.Id, (a, s) => new { a.OrganisationId, s.FundOrganisationId, s.AssessingBodyId, s.DecisionBodyId })
            .SingleOrDefaultAsync(cancellationToken);
        if (application is null)
        {
            return roles;
        }

        var organisations = await db.Memberships.AsNoTracking()
            .Where(m => db.Users.Any(u => u.Id == m.UserAccountId && u.ExternalId == subject))
            .Select(m => m.OrganisationId).ToListAsync(cancellationToken);
        var bodies = await db.BodyMembers.AsNoTracking().Where(m => m.UserExternalId == subject)
            .Select(m => new { m.BodyId, m.Role }).ToListAsync(cancellationToken);
        if (user.IsInRole(Role.InitiativeLead) && organisations.Contains(application.OrganisationId))
        {
            roles.Add(CaseRoles.Initiator);
        }

        if (user.IsInRole(Role.FundAdministrator) && organisations.Contains(application.FundOrganisationId))
        {
            roles.Add(CaseRoles.Behandelaar);
        }

        if (bodies.Any(b => b.BodyId == application.AssessingBodyId))
        {
            if (user.IsInRole(Role.TableMember) || user.IsInRole(Role.TableChair))
            {
                roles.Add(CaseRoles.Adviseur);
            }

            if (user.IsInRole(Role.TableChair) && bodies.Any(b => b.BodyId == application.AssessingBodyId && b.Role == BodyRole.Voorzitter))
            {
                roles.Add(CaseRoles.Voorzitter);
            }
        }

        if (user.IsInRole(Role.DecisionBodyMember) && bodies.Any(b => b.BodyId == application.DecisionBodyId))
        {
            roles.Add(CaseRoles.Beslisser);
        }

        return roles;
    }
}
