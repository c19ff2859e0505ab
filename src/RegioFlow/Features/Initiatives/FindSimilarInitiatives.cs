using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;

namespace RegioFlow.Features.Initiatives;

/// <summary>
/// "Bestaat dit al?": the ten initiatives the caller may see that most resemble a text not yet stored (an application
/// being written), ranked like <see cref="GetSimilarInitiatives"/>.
/// </summary>
public static class FindSimilarInitiatives
{
    /// <param name="ApplicationId">The application being edited, if any: its own stored initiative is left out of the list.</param>
    public sealed record Query(string? Title, string? Problem, string? Goals, string? Activity, IReadOnlyList<string>? Sectors, IReadOnlyList<string>? TargetGroups, Guid? ApplicationId = null)
        : IQuery<IReadOnlyList<SimilarInitiativeDto>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q).Must(q => new[] { q.Title, q.Problem, q.Goals, q.Activity }.Any(t => !string.IsNullOrWhiteSpace(t)))
                .WithName("title").OverridePropertyName("title")
                .WithMessage("Geef ten minste een titel, probleem, doelen of activiteit op om vergelijkbare initiatieven te zoeken.");
            RuleFor(q => q.Title).MaximumLength(300).WithMessage("De titel is te lang: hoogstens 300 tekens.");
            RuleFor(q => q.Problem).MaximumLength(4000).WithMessage("Het probleem is te lang: hoogstens 4000 tekens.");
            RuleFor(q => q.Goals).MaximumLength(4000).WithMessage("De doelen zijn te lang: hoogstens 4000 tekens.");
            RuleFor(q => q.Activity).MaximumLength(4000).WithMessage("De activiteit is te lang: hoogstens 4000 tekens.");
            RuleFor(q => q.Sectors).Must(l => l is null || (l.Count <= 20 && l.All(v => v is { Length: <= 100 })))
                .WithMessage("Geef hoogstens 20 sectoren van elk hoogstens 100 tekens.");
            RuleFor(q => q.TargetGroups).Must(l => l is null || (l.Count <= 20 && l.All(v => v is { Length: <= 100 })))
                .WithMessage("Geef hoogstens 20 doelgroepen van elk hoogstens 100 tekens.");
        }
    }

    internal sealed class Handler(InitiativeAccess access, RegioFlowDbContext db) : IQueryHandler<Query, IReadOnlyList<SimilarInitiativeDto>>
    {
        public async ValueTask<IReadOnlyList<SimilarInitiativeDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            // Leaving an id out of the list reveals nothing, so the application need not be the caller's.
            var own = query.ApplicationId is { } applicationId
                ? await db.FundingApplications.AsNoTracking().Where(a => a.Id == applicationId).Select(a => a.InitiativeId).SingleOrDefaultAsync(cancellationToken)
                : Guid.Empty;
            return await access.SimilarAsync(
                new InitiativeText(own, query.Title ?? "", query.Problem ?? "", query.Goals ?? "", query.Sectors ?? [], query.TargetGroups ?? [], query.Activity ?? ""),
                cancellationToken);
        }
    }
}
