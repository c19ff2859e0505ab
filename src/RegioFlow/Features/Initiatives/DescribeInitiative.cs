using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;

namespace RegioFlow.Features.Initiatives;

/// <summary>
/// A fund administrator (or an administrator) sets the register's classification of an initiative in the register:
/// activity, type, age band, gemeenten and status (<see cref="Initiative.Describe"/>). A draft that is not in the
/// register yet belongs to its organisation alone and cannot be described (409). The status may be corrected either
/// way: the register follows what the fund administrator knows, not the application's workflow.
/// </summary>
public static class DescribeInitiative
{
    public const int MaxGemeenten = 100;

    /// <param name="Type">Label ("zij-instroom") or name ("ZijInstroom"); empty for an unclassified initiative.</param>
    /// <param name="AgeBand">One of <see cref="InitiativeCodes.AgeBands"/>, or empty.</param>
    /// <param name="Gemeenten">Names of gemeenten as in the region list.</param>
    /// <param name="Status">nieuw, lopend, afgerond or geborgd.</param>
    public sealed record Command(Guid Id, string? Activity, string? Type, string? AgeBand, IReadOnlyList<string>? Gemeenten, string? Status) : ICommand<InitiativeDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Activity).MaximumLength(4000).WithName("activity").WithMessage("De activiteit is te lang: hoogstens 4000 tekens.");
            RuleFor(c => c.Type).Must(t => string.IsNullOrWhiteSpace(t) || ParseType(t) is not null).WithName("type")
                .WithMessage(c => $"Onbekend type '{c.Type}'. Kies uit: {string.Join(", ", Enum.GetValues<InitiativeType>().Select(t => t.Label()))}.");
            RuleFor(c => c.AgeBand).Must(a => string.IsNullOrWhiteSpace(a) || InitiativeCodes.AgeBands.Contains(a.Trim())).WithName("ageBand")
                .WithMessage(c => $"Onbekende leeftijdsgroep '{c.AgeBand}'. Kies uit: {string.Join(", ", InitiativeCodes.AgeBands)}.");
            RuleFor(c => c.Status).NotEmpty().WithName("status").WithMessage("Kies een status: nieuw, lopend, afgerond of geborgd.");
            RuleFor(c => c.Status).Must(s => ParseStatus(s) is not null).When(c => !string.IsNullOrWhiteSpace(c.Status)).WithName("status")
                .WithMessage(c => $"Onbekende status '{c.Status}'. Kies uit: {string.Join(", ", Enum.GetValues<InitiativeStatus>().Select(s => s.Label()))}.");
            RuleFor(c => c.Gemeenten).Must(g => g is null || g.Count <= MaxGemeenten).WithName("gemeenten")
                .WithMessage($"Geef hoogstens {MaxGemeenten} gemeenten op.");
            RuleForEach(c => c.Gemeenten).NotEmpty().WithName("gemeenten").WithMessage("Een gemeente mag niet leeg zijn.")
                .MaximumLength(100).WithMessage("Een gemeentenaam is hoogstens 100 tekens.");
        }
    }

    internal sealed class Handler(RegioFlowDbContext db, CurrentUser user, IMediator mediator) : ICommandHandler<Command, InitiativeDto>
    {
        public async ValueTask<InitiativeDto> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!user.IsInRole(Role.FundAdministrator) && !user.IsInRole(Role.Admin))
            {
                throw new ForbiddenException("Alleen een fondsbeheerder of beheerder mag de registergegevens van een initiatief wijzigen.");
            }

            var initiative = await db.Initiatives.SingleOrDefaultAsync(i => i.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException($"Er is geen initiatief met id {command.Id}.");
            if (initiative.RegisteredAt is null)
            {
                throw new ConflictException("Dit initiatief staat nog niet in het register (het is een concept van de organisatie); het kan pas worden beschreven als het is ingediend.");
            }

            // The country has a few hundred gemeenten: match them in memory, without regard to case, and store the list's spelling.
            var known = (await db.Gemeenten.AsNoTracking().Select(g => g.Name).ToListAsync(cancellationToken))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(n => n, StringComparer.OrdinalIgnoreCase);
            var names = new List<string>();
            foreach (var name in (command.Gemeenten ?? []).Select(g => g.Trim()))
            {
                if (!known.TryGetValue(name, out var canonical))
                {
                    throw new ValidationException([new FluentValidation.Results.ValidationFailure("gemeenten", $"Onbekende gemeente '{name}'. Gebruik de naam zoals in de lijst van gemeenten van de regio (zie /api/regions/{{id}}).")]);
                }

                if (!names.Contains(canonical))
                {
                    names.Add(canonical);
                }
            }

            initiative.Describe(new RegisterDetails((command.Activity ?? "").Trim(), ParseType(command.Type), Blank(command.AgeBand), names, ParseStatus(command.Status)!.Value));
            await db.SaveChangesAsync(cancellationToken);
            return await mediator.Send(new GetInitiative.Query(initiative.Id), cancellationToken);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static InitiativeType? ParseType(string? value) =>
        Enum.GetValues<InitiativeType>().Cast<InitiativeType?>().FirstOrDefault(t =>
            string.Equals(t!.Value.Label(), value?.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(t.Value.ToString(), value?.Trim(), StringComparison.OrdinalIgnoreCase));

    internal static InitiativeStatus? ParseStatus(string? value) =>
        Enum.GetValues<InitiativeStatus>().Cast<InitiativeStatus?>().FirstOrDefault(s => string.Equals(s!.Value.Label(), value?.Trim(), StringComparison.OrdinalIgnoreCase));
}
