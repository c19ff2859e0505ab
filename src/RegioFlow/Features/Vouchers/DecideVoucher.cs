using System.Globalization;
using FluentValidation;
using Hangfire;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Jobs;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Vouchers;

/// <summary>
/// The fund administrator issues (uitgeven) or rejects (afwijzen, with a motivation) a requested voucher. Issuing
/// refuses a request with a failed eligibility rule, sets value, employer share, code and expiry, commits the value
/// against the scheme's ceiling (409 "Budget ontoereikend" when it does not fit, also for two issues at the same
/// moment), plans the expiry and its reminder at the voucher's own dates and tells the requester, all in the
/// transaction of the workflow step.
/// </summary>
public static class DecideVoucher
{
    public static readonly string[] Decisions = ["uitgeven", "afwijzen"];

    public sealed record Command(Guid Id, string? Decision, string? Motivation, long? Version) : ICommand<VoucherDto>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Decision).Must(d => Decisions.Contains(d)).WithMessage("Kies het besluit: uitgeven of afwijzen.");
            RuleFor(c => c.Motivation).NotEmpty().When(c => c.Decision == "afwijzen").WithMessage("Motiveer de afwijzing.");
            RuleFor(c => c.Motivation).MaximumLength(4000).WithMessage("De motivering mag hoogstens 4000 tekens lang zijn.");
        }
    }

    internal sealed class Handler(RegioFlowDbContext db, VoucherAccess access, CaseService cases, BudgetLedger budget, WorkflowRegistry registry,
        IBackgroundJobClient jobs, TimeProvider clock) : ICommandHandler<Command, VoucherDto>
    {
        /// <summary>How often a new code is drawn when it exists already (32^11 codes: practically never).</summary>
        private const int CodeAttempts = 5;

        public async ValueTask<VoucherDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (_, @case, actor) = await access.ActorAsync(command.Id, cancellationToken);
            if (!actor.Roles.Contains(CaseRoles.Behandelaar))
            {
                throw new ForbiddenException("Alleen een fondsbeheerder van het fonds van deze regeling beslist over een voucheraanvraag.");
            }

            var voucher = await db.Vouchers.SingleAsync(v => v.Id == command.Id, cancellationToken);
            var scheme = await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == voucher.SchemeId, cancellationToken);
            var now = clock.GetUtcNow();
            if (command.Decision == "afwijzen")
            {
                var motivation = command.Motivation!.Trim();
                voucher.Reject(motivation, now);
                await cases.FireAsync(@case.Id, "afwijzen", new Dictionary<string, string> { ["motivering"] = motivation }, actor, command.Version, cancellationToken);
                return await DtoAsync(voucher, cancellationToken);
            }

            if (@case.State != "aangevraagd")
            {
                throw new ConflictException($"Deze voucher kan niet meer worden uitgegeven: de toestand is '{@case.State}'.");
            }

            if (voucher.Eligibility.FirstOrDefault(r => !r.Passed) is { } failed)
            {
                throw new ConflictException($"De voucher kan niet worden uitgegeven: niet voldaan aan '{failed.Rule}': {failed.Reason}");
            }

            var terms = scheme.VoucherTerms!;
            var employerShare = voucher.EmploymentStatus == EmploymentStatus.Werkend
                ? decimal.Round(voucher.Price * terms.EmployerSharePercent / 100m, 2, MidpointRounding.AwayFromZero)
                : 0m;
            var value = Math.Min(voucher.Price - employerShare, scheme.MaxAmount);
            var issuedOn = DutchCalendar.LocalDate(now);
            var expiresOn = issuedOn.AddMonths(terms.ValidityMonths);
            var code = await NewCodeAsync(cancellationToken);
            voucher.Issue(code, value, employerShare, expiresOn, now);

            // The voucher may be used through its expiry date: the timeout falls at the end of that day in Amsterdam.
            var expiry = AmsterdamMoment(expiresOn.AddDays(1), TimeOnly.MinValue);
            var reminder = AmsterdamMoment(expiresOn.AddDays(-terms.ReminderDaysBeforeExpiry), new TimeOnly(9, 0));
            var dueAt = new Dictionary<string, DateTimeOffset>
            {
                ["verloop"] = expiry,
                ["herinnering-verloop"] = reminder < now ? now : reminder,
            };
            var parameters = new Dictionary<string, string>
            {
                ["bedrag"] = value.ToString("0.00", CultureInfo.InvariantCulture),
                ["geldig-tot"] = expiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            await cases.FireAsync(@case.Id, "uitgeven", parameters, actor, command.Version, cancellationToken,
                async (c, ct) =>
                {
                    await budget.CommitAsync(scheme.Id, value, c.Id, ct);
                    db.Outbox.Add(new OutboxMessage(c.Id, "voucher-uitgegeven", CaseRoles.Initiator, now));
                },
                dueAt);
            jobs.Enqueue<DeliverNotificationsJob>(job => job.RunAsync(CancellationToken.None));
            return await DtoAsync(voucher, cancellationToken);
        }

        private async Task<string> NewCodeAsync(CancellationToken cancellationToken)
        {
            for (var attempt = 0; attempt < CodeAttempts; attempt++)
            {
                var code = VoucherCode.New();
                if (!await db.Vouchers.AnyAsync(v => v.Code == code, cancellationToken))
                {
                    return code;
                }
            }

            throw new ConflictException("Er kon geen unieke vouchercode worden gemaakt; probeer het opnieuw.");
        }

        /// <summary>A wall-clock moment in Amsterdam (summer or winter time as it falls on that date), in UTC.</summary>
        private static DateTimeOffset AmsterdamMoment(DateOnly date, TimeOnly time)
        {
            var local = date.ToDateTime(time);
            return new DateTimeOffset(local, DutchCalendar.Amsterdam.GetUtcOffset(local)).ToUniversalTime();
        }

        private async Task<VoucherDto> DtoAsync(Voucher voucher, CancellationToken cancellationToken) =>
            (await VoucherDtoBuilder.BuildAsync(db, registry, access, [voucher], cancellationToken))[0];
    }
}

/// <summary>
/// Steps of a voucher case that carry data or checks of their own (value, code, budget, expiry dates) go through the
/// vouchers API, never through the generic trigger route.
/// </summary>
public static class VoucherTriggers
{
    public static readonly IReadOnlyDictionary<string, string> FeatureOwned = new Dictionary<string, string>
    {
        ["uitgeven"] = "POST /api/vouchers/{id}/decision",
        ["afwijzen"] = "POST /api/vouchers/{id}/decision",
        ["verzilveren"] = "POST /api/vouchers/redeem",
        ["declareren"] = "POST /api/vouchers/{id}/claims",
        ["uitbetalen"] = "POST /api/vouchers/{id}/claims/approve",
        ["declaratie-afwijzen"] = "POST /api/vouchers/{id}/claims/reject",
    };
}
