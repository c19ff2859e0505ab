using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;

namespace RegioFlow.Features.Bodies;

/// <summary>A member as an administrator sends it: the user's sign-in subject and the role at the table or body.</summary>
public sealed record MemberInput(string? UserExternalId, string? Role);

/// <summary>The rules shared by adding a body and changing it: a name, speerpunten, and known users with one chair at most.</summary>
internal static class BodyRules
{
    public static void Apply<T>(AbstractValidator<T> validator, Func<T, string?> name, Func<T, IReadOnlyList<string>?> speerpunten, Func<T, IReadOnlyList<MemberInput>?> members)
    {
        validator.RuleFor(c => name(c)).NotEmpty().WithMessage("Vul de naam in.").MaximumLength(200).WithMessage("De naam mag hoogstens 200 tekens lang zijn.")
            .OverridePropertyName("name");
        validator.RuleForEach(c => speerpunten(c) ?? Array.Empty<string>()).NotEmpty().WithMessage("Een speerpunt mag niet leeg zijn.")
            .MaximumLength(200).WithMessage("Een speerpunt mag hoogstens 200 tekens lang zijn.").OverridePropertyName("speerpunten");
        validator.RuleForEach(c => members(c) ?? Array.Empty<MemberInput>()).NotNull().WithMessage("Een lid mag niet leeg zijn.").OverridePropertyName("members");
        validator.RuleForEach(c => members(c) ?? Array.Empty<MemberInput>()).ChildRules(member =>
        {
            member.RuleFor(m => m.UserExternalId).NotEmpty().WithMessage("Kies de gebruiker.");
            member.RuleFor(m => m.Role).Must(r => Enum.TryParse<BodyRole>(r, ignoreCase: true, out _) && !int.TryParse(r, out _))
                .WithMessage("Kies de rol: Voorzitter, Secretaris of Lid.");
        }).OverridePropertyName("members");
        validator.RuleFor(c => (members(c) ?? Array.Empty<MemberInput>()).Where(m => m != null).ToList())
            .Must(list => list.Select(m => m.UserExternalId).Distinct().Count() == list.Count).WithMessage("Iemand staat twee keer in de ledenlijst.")
            .Must(list => list.Count(m => string.Equals(m.Role, nameof(BodyRole.Voorzitter), StringComparison.OrdinalIgnoreCase)) <= 1)
            .WithMessage("Een tafel of orgaan heeft hoogstens één voorzitter.")
            .OverridePropertyName("members");
    }

    /// <summary>Every member must be a known user; 400 naming the unknown ones.</summary>
    public static async Task<Dictionary<string, BodyRole>> MembersAsync(RegioFlowDbContext db, IReadOnlyList<MemberInput>? members, CancellationToken cancellationToken)
    {
        var wanted = (members ?? []).ToDictionary(m => m.UserExternalId!.Trim(), m => Enum.Parse<BodyRole>(m.Role!, ignoreCase: true));
        var logins = wanted.Keys.ToList();
        var known = await db.Users.Where(u => logins.Contains(u.ExternalId)).Select(u => u.ExternalId).ToListAsync(cancellationToken);
        var unknown = logins.Except(known).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("members", $"Onbekende gebruiker(s): {string.Join(", ", unknown)}.")]);
        }

        return wanted;
    }
}

/// <summary>An administrator adds a thematafel or decision body with its speerpunten and members.</summary>
public static class CreateBody
{
    public sealed record Command(string? Name, string? Kind, int? RegionId, IReadOnlyList<string>? Speerpunten, IReadOnlyList<MemberInput>? Members) : ICommand<ListBodies.BodyDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(RegioFlowDbContext db)
        {
            BodyRules.Apply(this, c => c.Name, c => c.Speerpunten, c => c.Members);
            RuleFor(c => c.Kind).Must(k => Enum.TryParse<BodyKind>(k, ignoreCase: true, out _) && !int.TryParse(k, out _))
                .WithMessage("Kies de soort: Thematafel of Besluitorgaan.");
            RuleFor(c => c.RegionId).MustAsync(async (id, ct) => id is null || await db.Regions.AnyAsync(r => r.Id == id, ct))
                .WithMessage(c => $"Er is geen arbeidsmarktregio met id {c.RegionId}.");
        }
    }

    internal sealed class Handler(RegioFlowDbContext db, TimeProvider clock) : ICommandHandler<Command, ListBodies.BodyDto>
    {
        public async ValueTask<ListBodies.BodyDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var name = command.Name!.Trim();
            if (await db.Bodies.AnyAsync(b => b.Name == name, cancellationToken))
            {
                throw new ConflictException($"Er bestaat al een tafel of orgaan met de naam '{name}'.");
            }

            var members = await BodyRules.MembersAsync(db, command.Members, cancellationToken);
            var body = new Body(name, Enum.Parse<BodyKind>(command.Kind!, ignoreCase: true), command.RegionId,
                (command.Speerpunten ?? []).Select(s => s.Trim()), clock.GetUtcNow());
            body.SetMembers(members);
            db.Bodies.Add(body);
            await db.SaveChangesAsync(cancellationToken);
            return ListBodies.ToDto(body);
        }
    }
}

/// <summary>An administrator renames a body, sets this year's speerpunten and its members (who leaves, joins or changes role).</summary>
public static class UpdateBody
{
    public sealed record Command(Guid Id, string? Name, IReadOnlyList<string>? Speerpunten, IReadOnlyList<MemberInput>? Members) : ICommand<ListBodies.BodyDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => BodyRules.Apply(this, c => c.Name, c => c.Speerpunten, c => c.Members);
    }

    internal sealed class Handler(RegioFlowDbContext db) : ICommandHandler<Command, ListBodies.BodyDto>
    {
        public async ValueTask<ListBodies.BodyDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var body = await db.Bodies.Include(b => b.Members).SingleOrDefaultAsync(b => b.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException($"Er is geen tafel of orgaan met id {command.Id}.");
            var name = command.Name!.Trim();
            if (await db.Bodies.AnyAsync(b => b.Name == name && b.Id != body.Id, cancellationToken))
            {
                throw new ConflictException($"Er bestaat al een tafel of orgaan met de naam '{name}'.");
            }

            body.Rename(name, (command.Speerpunten ?? []).Select(s => s.Trim()));
            body.SetMembers(await BodyRules.MembersAsync(db, command.Members, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            return ListBodies.ToDto(body);
        }
    }
}
