using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;

namespace RegioFlow.Workflows;

/// <summary>
/// Which case roles the signed-in user holds on a case. The initiator is the person who started it; the other roles
/// follow from RegioFlow roles for now. REVIEW: membership of the assessing table and administration of the scheme's
/// fund narrow this per case once schemes and tables exist (the subsidy issue).
/// </summary>
public sealed class CaseRoleResolver(RegioFlowDbContext db, CurrentUser user)
{
    public CaseActor For(Case @case)
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
            (Role.Admin, CaseRoles.Beheerder),
        };
        foreach (var (role, caseRole) in map.Where(m => user.IsInRole(m.Role)))
        {
            roles.Add(caseRole);
        }

        return new CaseActor(user.SubjectId ?? "onbekend", roles);
    }

    /// <summary>Loads a case (untracked) the user may see: anyone with a role on it, and oversight (read-only).</summary>
    public async Task<(Case Case, CaseActor Actor)> VisibleCaseAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new NotFoundException($"Er is geen zaak met id {caseId}.");
        var actor = For(@case);
        if (actor.Roles.Count == 0 && !user.IsInRole(Role.Oversight))
        {
            throw new ForbiddenException("U heeft geen rol in deze zaak.");
        }

        return (@case, actor);
    }
}
