using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;

namespace RegioFlow.Features.Organisations;

public static class CreateOrganisation
{
    /// <param name="Name">Official name, unique within RegioFlow.</param>
    /// <param name="Kind">One of <see cref="OrganisationKind"/>, e.g. "Gemeente" or "MboSchool".</param>
    /// <param name="RegionId">The arbeidsmarktregio the organisation works in, if any.</param>
    public sealed record Command(string? Name, string? Kind, int? RegionId) : ICommand<OrganisationDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(RegioFlowDbContext db)
        {
            RuleFor(c => c.Name)
                .NotEmpty().WithMessage("Vul de naam van de organisatie in.")
                .MaximumLength(200).WithMessage("De naam mag hoogstens 200 tekens lang zijn.");
            RuleFor(c => c.Kind)
                .NotEmpty().WithMessage("Kies de soort organisatie.")
                .Must(BeAKnownKind).WithMessage($"Onbekende soort organisatie; kies een van: {string.Join(", ", Enum.GetNames<OrganisationKind>())}.");
            RuleFor(c => c.RegionId)
                .MustAsync(async (id, ct) => id is null || await db.Regions.AnyAsync(r => r.Id == id, ct))
                .WithMessage(c => $"Er is geen arbeidsmarktregio met id {c.RegionId}.");
        }

        internal static bool BeAKnownKind(string? kind) =>
            kind is not null && !int.TryParse(kind, out _) && Enum.TryParse<OrganisationKind>(kind, ignoreCase: true, out _);
    }

    internal sealed class Handler(RegioFlowDbContext db, TimeProvider clock) : ICommandHandler<Command, OrganisationDto>
    {
        public async ValueTask<OrganisationDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var name = command.Name!.Trim();
            if (await db.Organisations.AnyAsync(o => o.Name == name, cancellationToken))
            {
                throw new ConflictException($"Er bestaat al een organisatie met de naam '{name}'.");
            }

            var organisation = new Organisation(name, Enum.Parse<OrganisationKind>(command.Kind!, ignoreCase: true), command.RegionId, clock.GetUtcNow());
            db.Organisations.Add(organisation);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Someone created the same name between our check and our commit; the unique index decided.
                db.ChangeTracker.Clear();
                if (await db.Organisations.AnyAsync(o => o.Name == name, cancellationToken))
                {
                    throw new ConflictException($"Er bestaat al een organisatie met de naam '{name}'.");
                }

                throw;
            }

            var regionName = command.RegionId is null
                ? null
                : await db.Regions.Where(r => r.Id == command.RegionId).Select(r => r.Name).SingleAsync(cancellationToken);
            return new OrganisationDto(organisation.Id, organisation.Name, organisation.Kind.ToString(), organisation.RegionId, regionName);
        }
    }
}
