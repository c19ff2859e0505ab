using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Applications;

public sealed record BorgingCheckDto(Guid Id, Guid ApplicationId, int Months, string Outcome, string Notes, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// Borging follow-up: 6 and 12 months after the settlement the fund administrator records what became of the initiative
/// (handed over, contribution model, structural funding, stopped, …). Initiatives that stop when the project money
/// stops are the reports' loudest complaint, so the case closes only after the 12-month check.
/// </summary>
public static class RecordBorging
{
    internal static readonly IReadOnlyDictionary<string, int> MonthsByState = new Dictionary<string, int>
    {
        ["borging-zes-maanden"] = 6,
        ["borging-twaalf-maanden"] = 12,
    };

    internal const string NotAllowed = "Alleen een fondsbeheerder van de regeling legt de borging vast.";

    public sealed record Command(Guid Id, string? Outcome, string? Notes, long? Version) : ICommand<BorgingCheckDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Outcome).Must(o => Parse(o) is not null)
                .WithMessage($"Kies de uitkomst van de borging: {string.Join(", ", Enum.GetNames<BorgingOutcome>())}.");
            RuleFor(c => c.Notes).MaximumLength(4000).WithMessage("De toelichting mag hoogstens 4000 tekens lang zijn.");
        }
    }

    /// <summary>A <see cref="BorgingOutcome"/> by its name (any case); numbers are not names.</summary>
    internal static BorgingOutcome? Parse(string? outcome) =>
        Enum.GetNames<BorgingOutcome>().FirstOrDefault(n => string.Equals(n, outcome?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<BorgingOutcome>(name)
            : null;

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access, CaseService cases, TimeProvider clock) : ICommandHandler<Command, BorgingCheckDto>
    {
        public async ValueTask<BorgingCheckDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (application, @case, actor) = await access.ActorAsync(command.Id, cancellationToken);
            if (!actor.Roles.Contains(CaseRoles.Behandelaar))
            {
                throw new ForbiddenException(NotAllowed);
            }

            if (!MonthsByState.TryGetValue(@case.State, out var months))
            {
                throw new ConflictException("De borging wordt 6 en 12 maanden na de vaststelling vastgelegd; daar is deze aanvraag niet.");
            }

            var outcome = Parse(command.Outcome)!.Value;
            var check = new BorgingCheck(application.Id, months, outcome, command.Notes?.Trim() ?? "", actor.Name, clock.GetUtcNow());
            db.BorgingChecks.Add(check);
            if (outcome.IsEmbedded())
            {
                (await db.Initiatives.SingleAsync(i => i.Id == application.InitiativeId, cancellationToken)).Advance(InitiativeStatus.Geborgd);
            }

            await cases.FireAsync(@case.Id, "borging-vastleggen", new Dictionary<string, string> { ["uitkomst"] = outcome.ToString() }, actor, command.Version, cancellationToken);
            return check.ToDto();
        }
    }

    internal static BorgingCheckDto ToDto(this BorgingCheck b) => new(b.Id, b.ApplicationId, b.Months, b.Outcome.ToString(), b.Notes, b.RecordedBy, b.RecordedAt);
}

/// <summary>The borging checks of an application, for everyone who may see it.</summary>
public static class ListBorgingChecks
{
    public sealed record Query(Guid ApplicationId) : IQuery<IReadOnlyList<BorgingCheckDto>>;

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access) : IQueryHandler<Query, IReadOnlyList<BorgingCheckDto>>
    {
        public async ValueTask<IReadOnlyList<BorgingCheckDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            await access.VisibleAsync(query.ApplicationId, cancellationToken);
            var checks = await db.BorgingChecks.AsNoTracking().Where(b => b.ApplicationId == query.ApplicationId).OrderBy(b => b.Months).ToListAsync(cancellationToken);
            return [.. checks.Select(b => b.ToDto())];
        }
    }
}
