using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Features.Applications;

namespace RegioFlow.Features.Initiatives;

/// <summary>
/// Which initiatives the signed-in user may see: every initiative in the regional register (submitted or imported), those
/// of their own organisations, those behind an application they may see (<see cref="ApplicationAccess"/>), and all for
/// oversight and administrators. Another organisation's draft stays hidden until it is submitted. The similarity ranking compares only within this set, so a
/// suggestion never reveals an initiative the user could not open.
/// </summary>
public sealed class InitiativeAccess(RegioFlowDbContext db, CurrentUser user, ApplicationAccess applications)
{
    /// <summary>A region holds a few hundred initiatives; beyond this the ranking keeps to the newest.</summary>
    private const int MaxCorpus = 2000;

    public IQueryable<Initiative> Visible()
    {
        var all = db.Initiatives.AsNoTracking();
        if (user.IsInRole(Role.Admin) || user.IsInRole(Role.Oversight))
        {
            return all;
        }

        var subject = user.SubjectId ?? "";
        var organisations = db.Memberships.Where(m => db.Users.Any(u => u.Id == m.UserAccountId && u.ExternalId == subject)).Select(m => m.OrganisationId);
        var behindApplications = applications.Visible().Select(a => a.InitiativeId);
        return all.Where(i => i.RegisteredAt != null || (i.OrganisationId != null && organisations.Contains(i.OrganisationId.Value)) || behindApplications.Contains(i.Id));
    }

    /// <summary>The initiative if the user may see it: 404 when it does not exist, 403 when it is not theirs.</summary>
    public async Task<Initiative> VisibleAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await Visible().SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is { } initiative)
        {
            return initiative;
        }

        throw await db.Initiatives.AnyAsync(i => i.Id == id, cancellationToken)
            ? new ForbiddenException("U mag dit initiatief niet inzien.")
            : new NotFoundException($"Er is geen initiatief met id {id}.");
    }

    /// <summary>The ten initiatives the user may see that most resemble <paramref name="target"/> (<see cref="InitiativeSimilarity"/>).</summary>
    public Task<IReadOnlyList<SimilarInitiativeDto>> SimilarAsync(Initiative target, CancellationToken cancellationToken) =>
        SimilarAsync(new InitiativeText(target.Id, target.Title, target.Problem, target.Goals, target.Sectors, target.TargetGroups, target.Activity), cancellationToken);

    /// <summary>The ten initiatives the user may see that most resemble a text (a stored initiative, or a draft with an empty id).</summary>
    public async Task<IReadOnlyList<SimilarInitiativeDto>> SimilarAsync(InitiativeText target, CancellationToken cancellationToken)
    {
        var corpus = await Visible().Where(i => i.Id != target.Id).OrderByDescending(i => i.CreatedAt).Take(MaxCorpus)
            .Select(i => new { i.Id, i.Title, i.Problem, i.Goals, i.Activity, i.Sectors, i.TargetGroups, i.OrganisationId })
            .ToListAsync(cancellationToken);
        var matches = InitiativeSimilarity.MostSimilar(
            target,
            corpus.Select(i => new InitiativeText(i.Id, i.Title, i.Problem, i.Goals, i.Sectors, i.TargetGroups, i.Activity)));
        var byId = corpus.ToDictionary(i => i.Id);
        var organisationIds = matches.Select(m => byId[m.Id].OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return [.. matches.Select(m => new SimilarInitiativeDto(m.Id, byId[m.Id].Title, (byId[m.Id].OrganisationId is { } o ? organisations.GetValueOrDefault(o, "") : ""), m.Score, m.SharedWords))];
    }
}

/// <param name="Score">0–1: how much the texts resemble each other.</param>
/// <param name="SharedWords">The words both use that weigh most, which explain the match.</param>
public sealed record SimilarInitiativeDto(Guid Id, string Title, string Organisation, double Score, IReadOnlyList<string> SharedWords);
