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
public sealed class InitiativeAccess(RegioFlowDbContext db, CurrentUser user, ApplicationAccess applications, InitiativeSimilarityIndex similarity, ReadCache cache)
{
    /// <summary>How many of the best-ranked initiatives are checked for visibility first, and how deep before ranking all.</summary>
    private const int FirstCandidates = 50;

    private const int DeeperCandidates = 500;

    /// <summary>Up to this many drafts a user may see travel to PostgreSQL as a list of ids (<see cref="VisibleDraftsAsync"/>).</summary>
    private const int MaxDraftIds = 20_000;

    /// <summary>Oversight and admins see every initiative, drafts included.</summary>
    private bool SeesAll => user.IsInRole(Role.Admin) || user.IsInRole(Role.Oversight);

    /// <summary>
    /// Who sees the same initiatives as the caller, to key what is cached per audience: oversight and admins see all;
    /// anyone else also the drafts of their own organisations and behind their applications, which follow from who they are.
    /// </summary>
    public string Audience => SeesAll ? "all" : $"{user.SubjectId}|{string.Join(',', user.Roles.Order())}";

    public IQueryable<Initiative> Visible()
    {
        var all = db.Initiatives.AsNoTracking();
        if (SeesAll)
        {
            return all;
        }

        var organisations = OwnOrganisations();
        // A correlated EXISTS (index on the application's initiative) rather than IN over every visible application: a
        // check of a few initiatives (the similar list, one detail page) then reads their applications only.
        var visibleApplications = applications.Visible();
        return all.Where(i => i.RegisteredAt != null || (i.OrganisationId != null && organisations.Contains(i.OrganisationId.Value)) || visibleApplications.Any(a => a.InitiativeId == i.Id));
    }

    /// <summary>
    /// The drafts the user may see (<see cref="Visible"/> without the register), for the register's pages and counts at
    /// data version <paramref name="version"/>. SQLite checks <see cref="Visible"/>'s OR row by row while it walks the
    /// drafts in order, and stops at the page. Inside that OR PostgreSQL checks the applications as one hashed list of
    /// every application the user may see (a hundred thousand for a fund administrator, a quarter of a second per page).
    /// There the drafts are two queries joined with UNION ALL, own organisations' and the others behind an application,
    /// and, since PostgreSQL must read every draft of the union for each page, their ids are kept until the data changes:
    /// a page then walks the drafts' index and tests each against that list.
    /// </summary>
    public async Task<IQueryable<Initiative>> VisibleDraftsAsync(string version)
    {
        var drafts = db.Initiatives.AsNoTracking().Where(i => i.RegisteredAt == null);
        if (SeesAll)
        {
            return drafts;
        }

        if (!db.Database.IsNpgsql())
        {
            return Visible().Where(i => i.RegisteredAt == null);
        }

        var organisations = OwnOrganisations();
        var visibleApplications = applications.Visible();
        var union = drafts.Where(i => i.OrganisationId != null && organisations.Contains(i.OrganisationId.Value))
            .Concat(drafts.Where(i => (i.OrganisationId == null || !organisations.Contains(i.OrganisationId.Value)) && visibleApplications.Any(a => a.InitiativeId == i.Id)));
        var ids = await cache.GetAsync(
            string.Join('\u001f', "visible-drafts", Audience),
            version,
            async () => await union.Select(i => i.Id).ToListAsync(CancellationToken.None));
        return ids.Count > MaxDraftIds ? union : drafts.Where(i => ids.Contains(i.Id));
    }

    private IQueryable<Guid> OwnOrganisations()
    {
        var subject = user.SubjectId ?? "";
        return db.Memberships.Where(m => db.Users.Any(u => u.Id == m.UserAccountId && u.ExternalId == subject)).Select(m => m.OrganisationId);
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
        SimilarAsync(InitiativeText.Of(target), cancellationToken);

    /// <summary>
    /// The ten initiatives the user may see that most resemble a text (a stored initiative, or a draft with an empty id),
    /// over the whole register: the index ranks, the database decides what the user may see. The best
    /// <see cref="FirstCandidates"/> usually hold ten visible ones; if not, the ranking is followed deeper.
    /// </summary>
    public async Task<IReadOnlyList<SimilarInitiativeDto>> SimilarAsync(InitiativeText target, CancellationToken cancellationToken)
    {
        const int Take = 10;
        var terms = InitiativeSimilarity.Count(target);
        var ranking = await similarity.RankAsync(target, terms, DeeperCandidates, cancellationToken);
        var visible = new List<(Guid Id, double Score)>();
        foreach (var (skip, take) in new[] { (0, FirstCandidates), (FirstCandidates, DeeperCandidates - FirstCandidates) })
        {
            var candidates = ranking.Matches.Skip(skip).Take(take).ToList();
            var ids = candidates.Select(m => m.Id).ToList();
            var allowed = ids.Count == 0 ? [] : (await Visible().Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet();
            visible.AddRange(candidates.Where(m => allowed.Contains(m.Id)));
            if (visible.Count >= Take || ranking.Matches.Count <= skip + take)
            {
                break;
            }
        }

        if (visible.Count < Take && ranking.Total > ranking.Matches.Count)
        {
            // Rare: a user who may see few of many similar initiatives. Rank them all and compare with what they may see.
            ranking = await similarity.RankAsync(target, terms, int.MaxValue, cancellationToken);
            var allowed = (await Visible().Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet();
            visible = [.. ranking.Matches.Where(m => allowed.Contains(m.Id))];
        }

        visible = [.. visible.Take(Take)];
        var finalIds = visible.Select(m => m.Id).ToList();
        var details = await db.Initiatives.AsNoTracking().Where(i => finalIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Title, i.Problem, i.Goals, i.Activity, i.Sectors, i.TargetGroups, i.OrganisationId })
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        var organisationIds = details.Values.Select(i => i.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

        // The shared words are worked out for the ten shown only, from their stored text, with the IDF the ranking used.
        var targetVector = InitiativeSimilarity.Weigh(terms, stem => ranking.TargetIdf[stem]);
        return [.. visible.Where(m => details.ContainsKey(m.Id)).Select(m =>
        {
            var other = details[m.Id];
            var otherTerms = InitiativeSimilarity.Count(new InitiativeText(other.Id, other.Title, other.Problem, other.Goals, other.Sectors, other.TargetGroups, other.Activity));
            var otherVector = otherTerms.Where(t => ranking.TargetIdf.ContainsKey(t.Key))
                .ToDictionary(t => t.Key, t => InitiativeSimilarity.TermFrequencyWeight(t.Value.Weight) * ranking.TargetIdf[t.Key], StringComparer.Ordinal);
            var organisation = other.OrganisationId is { } o ? organisations.GetValueOrDefault(o, "") : "";
            return new SimilarInitiativeDto(m.Id, other.Title, organisation, m.Score, InitiativeSimilarity.SharedWords(targetVector, otherTerms, otherVector));
        })];
    }
}

/// <param name="Score">0–1: how much the texts resemble each other.</param>
/// <param name="SharedWords">The words both use that weigh most, which explain the match.</param>
public sealed record SimilarInitiativeDto(Guid Id, string Title, string Organisation, double Score, IReadOnlyList<string> SharedWords);
