using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Applications;

/// <summary>
/// Which applications the signed-in user may see (DOMAIN.md): initiative leads their organisation's; table members
/// those assigned to their table once submitted; decision-body members those awaiting or past their decision; fund
/// administrators those under their fund's schemes; oversight and administrators all. Every list and every read
/// goes through <see cref="Visible"/>, so no endpoint can forget it.
/// </summary>
public sealed class ApplicationAccess(RegioFlowDbContext db, CurrentUser user, CaseRoleResolver roles)
{
    /// <summary>States in which the table works on, or has worked on, an application.</summary>
    internal static readonly string[] AfterSubmission =
        ["toetsing", "besluitvorming", "aangehouden", "beschikt", "uitvoering", "eindverantwoording", "borging-zes-maanden", "borging-twaalf-maanden", "afgesloten", "afgewezen"];

    internal static readonly string[] AtOrAfterDecision =
        ["besluitvorming", "aangehouden", "beschikt", "uitvoering", "eindverantwoording", "borging-zes-maanden", "borging-twaalf-maanden", "afgesloten", "afgewezen"];

    public IQueryable<FundingApplication> Visible()
    {
        var all = db.FundingApplications.AsNoTracking();
        if (user.IsInRole(Role.Admin) || user.IsInRole(Role.Oversight))
        {
            return all;
        }

        var subject = user.SubjectId ?? "";
        var organisations = db.Memberships.Where(m => db.Users.Any(u => u.Id == m.UserAccountId && u.ExternalId == subject)).Select(m => m.OrganisationId);
        var bodies = db.BodyMembers.Where(m => m.UserExternalId == subject).Select(m => m.BodyId);
        var lead = user.IsInRole(Role.InitiativeLead);
        var fund = user.IsInRole(Role.FundAdministrator);
        var table = user.IsInRole(Role.TableMember) || user.IsInRole(Role.TableChair);
        var board = user.IsInRole(Role.DecisionBodyMember);
        return all.Where(a =>
            (lead && organisations.Contains(a.OrganisationId))
            || (fund && db.Schemes.Any(s => s.Id == a.SchemeId && organisations.Contains(s.FundOrganisationId)))
            || (table && db.Schemes.Any(s => s.Id == a.SchemeId && s.AssessingBodyId != null && bodies.Contains(s.AssessingBodyId.Value))
                && db.Cases.Any(c => c.Id == a.CaseId && AfterSubmission.Contains(c.State)))
            || (board && db.Schemes.Any(s => s.Id == a.SchemeId && s.DecisionBodyId != null && bodies.Contains(s.DecisionBodyId.Value))
                && db.Cases.Any(c => c.Id == a.CaseId && AtOrAfterDecision.Contains(c.State))));
    }

    /// <summary>The application if the user may see it: 404 when it does not exist, 403 when it is not theirs.</summary>
    public async Task<FundingApplication> VisibleAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await Visible().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is { } application)
        {
            return application;
        }

        throw await db.FundingApplications.AnyAsync(a => a.Id == id, cancellationToken)
            ? new ForbiddenException("U mag deze aanvraag niet inzien.")
            : new NotFoundException($"Er is geen aanvraag met id {id}.");
    }

    /// <summary>A visible application with its case (untracked) and the case roles the user holds on it.</summary>
    public async Task<(FundingApplication Application, Case Case, CaseActor Actor)> ActorAsync(Guid id, CancellationToken cancellationToken)
    {
        var application = await VisibleAsync(id, cancellationToken);
        var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == application.CaseId, cancellationToken);
        return (application, @case, await roles.ForAsync(@case, cancellationToken));
    }

    /// <summary>The organisations the user belongs to (the applicant organisation of a new application).</summary>
    public async Task<List<Guid>> OrganisationsAsync(CancellationToken cancellationToken) =>
        await db.Memberships.Where(m => db.Users.Any(u => u.Id == m.UserAccountId && u.ExternalId == user.SubjectId))
            .Select(m => m.OrganisationId).ToListAsync(cancellationToken);
}
