using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Vouchers;

/// <summary>
/// A resident (voucher applicant) asks a voucher for themself, or a user of an employer organisation asks one for an
/// employee. The eligibility rules are evaluated at once and stored with the request, so the fund administrator sees
/// the same reasons the requester saw; a case of the <c>scholingsvoucher</c> workflow starts in 'aangevraagd'.
/// </summary>
public static class RequestVoucher
{
    public const string WorkflowId = Schemes.VoucherSchemeWorkflow.Id;

    public sealed record Command(Guid? SchemeId, VoucherPersonInput? Person, VoucherTrainingInput? Training, Guid? RequestedForOrganisationId = null)
        : VoucherRequestInput(SchemeId, Person, Training, RequestedForOrganisationId), ICommand<VoucherDto>;

    internal sealed class Validator(RegioFlowDbContext db) : VoucherRequestInputValidator<Command>(db);

    internal sealed class Handler(RegioFlowDbContext db, CaseService cases, VoucherAccess access, WorkflowRegistry registry, CurrentUser user, TimeProvider clock)
        : ICommandHandler<Command, VoucherDto>
    {
        public async ValueTask<VoucherDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var input = command;
            var employer = await Requester.EmployerAsync(db, access, user, input.RequestedForOrganisationId, cancellationToken);
            var scheme = await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == input.SchemeId, cancellationToken);
            var now = clock.GetUtcNow();
            var outcome = await VoucherEligibility.EvaluateAsync(db, scheme, input, now, cancellationToken);
            var person = input.Person!;
            var training = input.Training!;
            var voucher = new Voucher(scheme.Id, user.SubjectId!,
                new VoucherPerson(person.Name!.Trim(), person.DateOfBirth!.Value, NullIfBlank(person.Email), outcome.Gemeente,
                    Enum.Parse<EmploymentStatus>(person.EmploymentStatus!, ignoreCase: true), NullIfBlank(person.EmployerName),
                    VoucherPersonKey.For(person.Name, person.DateOfBirth.Value)),
                new VoucherTraining(training.ProviderOrganisationId!.Value, training.Name!.Trim(), training.Recognised!.Value, training.StartDate, training.Price!.Value),
                now);
            voucher.Checked(outcome.Results, outcome.Age);
            if (employer is { } organisationId)
            {
                voucher.RequestedFor(organisationId);
            }

            db.Vouchers.Add(voucher);
            await cases.StartAsync(WorkflowId, Voucher.SubjectType, voucher.Id.ToString(), user.SubjectId!, cancellationToken,
                (@case, _) =>
                {
                    voucher.AttachCase(@case.Id);
                    return Task.CompletedTask;
                });
            return (await VoucherDtoBuilder.BuildAsync(db, registry, access, [voucher], cancellationToken))[0];
        }

        private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}

/// <summary>
/// The instant feedback of the request form: the same body and the same rules as <see cref="RequestVoucher"/>, but
/// nothing is stored.
/// </summary>
public static class CheckVoucherEligibility
{
    public sealed record Query(Guid? SchemeId, VoucherPersonInput? Person, VoucherTrainingInput? Training, Guid? RequestedForOrganisationId = null)
        : VoucherRequestInput(SchemeId, Person, Training, RequestedForOrganisationId), IQuery<Response>;

    public sealed record Response(bool Eligible, int Age, IReadOnlyList<EligibilityResult> Results);

    internal sealed class Validator(RegioFlowDbContext db) : VoucherRequestInputValidator<Query>(db);

    internal sealed class Handler(RegioFlowDbContext db, VoucherAccess access, CurrentUser user, TimeProvider clock) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            await Requester.EmployerAsync(db, access, user, query.RequestedForOrganisationId, cancellationToken);
            var scheme = await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == query.SchemeId, cancellationToken);
            var outcome = await VoucherEligibility.EvaluateAsync(db, scheme, query, clock.GetUtcNow(), cancellationToken);
            return new Response(outcome.Eligible, outcome.Age, outcome.Results);
        }
    }
}

/// <summary>Who may ask: a voucher applicant for themself, or a user of an employer organisation (Werkgever) for an employee.</summary>
internal static class Requester
{
    /// <returns>The employer organisation asked for, or null when a resident asks for themself.</returns>
    public static async Task<Guid?> EmployerAsync(RegioFlowDbContext db, VoucherAccess access, CurrentUser user, Guid? requestedFor, CancellationToken cancellationToken)
    {
        var mine = await access.OrganisationsAsync(cancellationToken);
        var employers = await db.Organisations.AsNoTracking().Where(o => mine.Contains(o.Id) && o.Kind == OrganisationKind.Werkgever)
            .Select(o => o.Id).ToListAsync(cancellationToken);
        if (requestedFor is { } chosen)
        {
            return employers.Contains(chosen)
                ? chosen
                : throw new ForbiddenException("U kunt alleen een voucher aanvragen namens een werkgever waarvan u lid bent.");
        }

        if (user.IsInRole(Role.VoucherApplicant))
        {
            return null;
        }

        return employers.Count switch
        {
            1 => employers[0],
            0 => throw new ForbiddenException("Alleen een inwoner (aanvrager) of een werkgever voor een werknemer kan een scholingsvoucher aanvragen."),
            _ => throw new ValidationException([new ValidationFailure("requestedForOrganisationId", "Kies namens welke werkgever u aanvraagt.")]),
        };
    }
}
