using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;

namespace RegioFlow.Features.Dashboards;

/// <summary>
/// Who sees a scheme's dashboard: the fund administrators of the scheme's fund organisation, the members of its decision
/// body, oversight and administrators (all schemes). Everyone else gets 403 for the scheme dashboards; the register
/// dashboard is open to every signed-in user over the initiatives they may see.
/// </summary>
internal static class DashboardAccess
{
    public const string Forbidden =
        "Alleen fondsbeheerders, leden van het besluitvormend orgaan, toezicht en beheerders zien de dashboards van regelingen.";

    /// <summary>The roles that may open scheme dashboards at all (the schemes they see depend on their fund or body).</summary>
    public static bool MaySeeSchemes(CurrentUser user) =>
        user.Roles.Overlaps([Role.FundAdministrator, Role.DecisionBodyMember, Role.Oversight, Role.Admin]);

    /// <summary>The schemes whose dashboard the user may see; throws 403 for a role that sees none by definition.</summary>
    public static IQueryable<Scheme> VisibleSchemes(RegioFlowDbContext db, CurrentUser user)
    {
        if (!MaySeeSchemes(user))
        {
            throw new ForbiddenException(Forbidden);
        }

        var all = db.Schemes.AsNoTracking();
        if (user.IsInRole(Role.Admin) || user.IsInRole(Role.Oversight))
        {
            return all;
        }

        var subject = user.SubjectId ?? "";
        var organisations = db.Memberships.Where(m => db.Users.Any(u => u.Id == m.UserAccountId && u.ExternalId == subject)).Select(m => m.OrganisationId);
        var bodies = db.BodyMembers.Where(m => m.UserExternalId == subject).Select(m => m.BodyId);
        var fund = user.IsInRole(Role.FundAdministrator);
        var board = user.IsInRole(Role.DecisionBodyMember);
        return all.Where(s => (fund && organisations.Contains(s.FundOrganisationId))
            || (board && s.DecisionBodyId != null && bodies.Contains(s.DecisionBodyId.Value)));
    }
}
