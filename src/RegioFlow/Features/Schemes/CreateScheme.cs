using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Features.Applications;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Schemes;

/// <summary>A fund administrator adds a scheme for their own fund (an organisation they belong to).</summary>
public static class CreateScheme
{
    public sealed record Command(string? Name, string? Kind, string? Funder, int? RegionId, Guid? FundOrganisationId, SchemeTerms? Terms, VoucherTerms? VoucherTerms = null) : ICommand<SchemeDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(RegioFlowDbContext db, WorkflowRegistry workflows)
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("Vul de naam van de regeling in.")
                .MaximumLength(200).WithMessage("De naam mag hoogstens 200 tekens lang zijn.");
            RuleFor(c => c.Kind).Must(k => Enum.TryParse<SchemeKind>(k, ignoreCase: true, out _) && !int.TryParse(k, out _))
                .WithMessage("Kies de soort regeling: Subsidie of Voucher.");
            RuleFor(c => c.Funder).NotEmpty().WithMessage("Vul de financier in.").MaximumLength(200).WithMessage("De financier mag hoogstens 200 tekens lang zijn.");
            RuleFor(c => c.RegionId).MustAsync(async (id, ct) => id is null || await db.Regions.AnyAsync(r => r.Id == id, ct))
                .WithMessage(c => $"Er is geen arbeidsmarktregio met id {c.RegionId}.");
            RuleFor(c => c.FundOrganisationId).NotNull().WithMessage("Kies de organisatie die het fonds beheert.");
            RuleFor(c => c.Terms).NotNull().WithMessage("Vul de voorwaarden van de regeling in.");
            RuleFor(c => c.Terms!).SetValidator(new SchemeTermsValidator(db, workflows)).When(c => c.Terms is not null);
            RuleFor(c => c.Terms!.WorkflowId).Must((c, id) => VoucherSchemeWorkflow.Fits(IsVoucher(c.Kind), id))
                .When(c => c.Terms is not null).WithMessage(c => VoucherSchemeWorkflow.Message(IsVoucher(c.Kind)));
            When(c => IsVoucher(c.Kind), () =>
            {
                RuleFor(c => c.VoucherTerms).NotNull().WithMessage("Vul de voorwaarden van de voucherregeling in.");
                RuleFor(c => c.VoucherTerms!).SetValidator(new VoucherTermsValidator()).When(c => c.VoucherTerms is not null);
            });
        }
    }

    private static bool IsVoucher(string? kind) => string.Equals(kind, nameof(SchemeKind.Voucher), StringComparison.OrdinalIgnoreCase);

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access, CurrentUser user, TimeProvider clock) : ICommandHandler<Command, SchemeDto>
    {
        public async ValueTask<SchemeDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var fund = command.FundOrganisationId!.Value;
            if (!user.IsInRole(Role.Admin) && !(await access.OrganisationsAsync(cancellationToken)).Contains(fund))
            {
                throw new ForbiddenException("U kunt alleen een regeling toevoegen voor een fonds van uw eigen organisatie.");
            }

            var name = command.Name!.Trim();
            if (await db.Schemes.AnyAsync(s => s.Name == name, cancellationToken))
            {
                throw new ConflictException($"Er bestaat al een regeling met de naam '{name}'.");
            }

            var kind = Enum.Parse<SchemeKind>(command.Kind!, ignoreCase: true);
            var scheme = new Scheme(name, kind, command.Funder!.Trim(), command.RegionId, fund, command.Terms!, clock.GetUtcNow());
            scheme.SetVoucherTerms(kind == SchemeKind.Voucher ? command.VoucherTerms : null);
            db.Schemes.Add(scheme);
            await db.SaveChangesAsync(cancellationToken);
            return scheme.ToDto();
        }
    }
}

/// <summary>
/// A voucher scheme runs on the <c>scholingsvoucher</c> workflow, whose steps the vouchers feature fires; a subsidy
/// scheme never does, or its applications would start on a workflow without their steps.
/// </summary>
internal static class VoucherSchemeWorkflow
{
    public const string Id = "scholingsvoucher";

    public static bool Fits(bool voucher, string? workflowId) => voucher == (workflowId == Id);

    public static string Message(bool voucher) => voucher
        ? $"Een voucherregeling volgt de workflow '{Id}'."
        : $"De workflow '{Id}' is alleen voor voucherregelingen.";
}
