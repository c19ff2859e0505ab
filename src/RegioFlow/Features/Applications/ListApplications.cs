using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Applications;

/// <summary>The applications the caller may see (<see cref="ApplicationAccess"/>), newest first, optionally per scheme or state.</summary>
public static class ListApplications
{
    public sealed record Query(Guid? SchemeId, string? State) : IQuery<IReadOnlyList<ApplicationDto>>;

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access, WorkflowRegistry registry) : IQueryHandler<Query, IReadOnlyList<ApplicationDto>>
    {
        public async ValueTask<IReadOnlyList<ApplicationDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var applications = await access.Visible()
                .Where(a => query.SchemeId == null || a.SchemeId == query.SchemeId)
                .Where(a => query.State == null || db.Cases.Any(c => c.Id == a.CaseId && c.State == query.State))
                .OrderByDescending(a => a.CreatedAt).Take(500)
                .ToListAsync(cancellationToken);
            return await ApplicationDtoBuilder.BuildAsync(db, registry, applications, cancellationToken);
        }
    }
}

public static class GetApplication
{
    public sealed record Query(Guid Id) : IQuery<ApplicationDto>;

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access, WorkflowRegistry registry) : IQueryHandler<Query, ApplicationDto>
    {
        public async ValueTask<ApplicationDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var application = await access.VisibleAsync(query.Id, cancellationToken);
            return (await ApplicationDtoBuilder.BuildAsync(db, registry, [application], cancellationToken))[0];
        }
    }
}

/// <summary>
/// Steps of a subsidy case that carry data or checks of their own go through the applications API, never through the
/// generic trigger route, so a grant cannot skip the budget or a submission the completeness check.
/// </summary>
public static class SubsidyTriggers
{
    public static readonly IReadOnlyDictionary<string, string> FeatureOwned = new Dictionary<string, string>
    {
        ["indienen"] = "POST /api/applications/{id}/submit",
        ["toekennen"] = "POST /api/applications/{id}/decision",
        ["afwijzen"] = "POST /api/applications/{id}/decision",
        ["aanhouden"] = "POST /api/applications/{id}/decision",
        ["advies-uitbrengen"] = "POST /api/applications/{id}/checklist/advice",
        ["voortgang-rapporteren"] = "POST /api/applications/{id}/reports",
        ["eindverantwoording-indienen"] = "POST /api/applications/{id}/reports",
        ["vaststellen"] = "POST /api/applications/{id}/settlement",
        ["borging-vastleggen"] = "POST /api/applications/{id}/borging",
    };
}
