using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Features.Applications;
using RegioFlow.Features.Initiatives;
using RegioFlow.Features.Vouchers;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Exports;

/// <summary>A file to download: its bytes, content type and (Dutch) file name.</summary>
public sealed record ExportFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Exports a list as CSV or XLSX: applications, payments, vouchers or the initiative register. Each list reads exactly
/// what the caller may see through the API (<see cref="ApplicationAccess"/>, <see cref="VoucherAccess"/>,
/// <see cref="InitiativeAccess"/>), with the same filters; every parameter is checked and a wrong one is a 400 in Dutch.
/// </summary>
public static class ExportList
{
    /// <summary>Above this the export refuses and asks to narrow the filter, so one download cannot hold the server.</summary>
    public const int MaxRows = 100_000;

    public static readonly IReadOnlyList<string> Kinds = ["applications", "payments", "vouchers", "initiatives"];

    public static readonly IReadOnlyList<string> Formats = ["csv", "xlsx"];

    /// <summary>All filter values as the client sent them; which apply depends on <see cref="What"/>.</summary>
    public sealed record Query(
        string What,
        string? Format,
        string? Scheme = null,
        string? State = null,
        string? Status = null,
        string? Kind = null,
        string? From = null,
        string? To = null,
        string? Search = null,
        string? Region = null,
        string? Sector = null,
        string? TargetGroup = null,
        string? Type = null) : IQuery<ExportFile>;

    /// <summary>Roles whose access rules can show them applications (and so their payments).</summary>
    private static readonly Role[] SubsidyRoles =
        [Role.InitiativeLead, Role.TableMember, Role.TableChair, Role.DecisionBodyMember, Role.FundAdministrator, Role.Oversight, Role.Admin];

    /// <summary>Roles whose access rules can show them vouchers: requesters, employers, providers, the fund, oversight.</summary>
    private static readonly Role[] VoucherRoles =
        [Role.VoucherApplicant, Role.InitiativeLead, Role.TrainingProvider, Role.FundAdministrator, Role.Oversight, Role.Admin];

    internal sealed class Handler(
        RegioFlowDbContext db,
        CurrentUser user,
        ApplicationAccess applications,
        VoucherAccess vouchers,
        InitiativeAccess initiatives,
        WorkflowRegistry registry,
        TimeProvider clock) : IQueryHandler<Query, ExportFile>
    {
        public async ValueTask<ExportFile> Handle(Query query, CancellationToken cancellationToken)
        {
            var what = query.What.Trim().ToLowerInvariant();
            var format = query.Format?.Trim().ToLowerInvariant();
            var failures = new List<ValidationFailure>();
            if (!Kinds.Contains(what))
            {
                failures.Add(new("what", $"Onbekende export '{query.What}'. Kies uit: {string.Join(", ", Kinds)}."));
            }

            if (string.IsNullOrEmpty(format))
            {
                failures.Add(new("format", "Kies het formaat: format=csv of format=xlsx."));
            }
            else if (!Formats.Contains(format))
            {
                failures.Add(new("format", $"Onbekend formaat '{query.Format}'. Kies csv of xlsx."));
            }

            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }

            var roles = what switch
            {
                "applications" or "payments" => SubsidyRoles,
                "vouchers" => VoucherRoles,
                _ => null,
            };
            if (roles is not null && !roles.Any(user.IsInRole))
            {
                throw new ForbiddenException(what == "vouchers"
                    ? "Met uw rol hebt u geen vouchers om te exporteren."
                    : "Met uw rol hebt u geen subsidieaanvragen of betalingen om te exporteren.");
            }

            var (name, table) = what switch
            {
                "applications" => ("aanvragen", await ApplicationsAsync(query, cancellationToken)),
                "payments" => ("betalingen", await PaymentsAsync(query, cancellationToken)),
                "vouchers" => ("vouchers", await VouchersAsync(query, cancellationToken)),
                _ => ("initiatieven", await InitiativesAsync(query, cancellationToken)),
            };
            var fileName = $"{name}-{DutchCalendar.LocalDate(clock.GetUtcNow()):yyyy-MM-dd}.{format}";
            return format == "csv"
                ? new ExportFile(table.ToCsv(), "text/csv; charset=utf-8", fileName)
                : new ExportFile(table.ToXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
        }

        private async Task<ExportTable> ApplicationsAsync(Query query, CancellationToken cancellationToken)
        {
            var failures = new List<ValidationFailure>();
            var scheme = await SchemeAsync(query.Scheme, failures, cancellationToken);
            var state = CaseState(query.State, "state", failures);
            var (from, to) = Period(query, failures);
            Unused(query, failures, nameof(Query.Status), nameof(Query.Kind), nameof(Query.Search), nameof(Query.Region), nameof(Query.Sector), nameof(Query.TargetGroup), nameof(Query.Type));
            ThrowIfAny(failures);

            var selected = applications.Visible()
                .Where(a => scheme == null || a.SchemeId == scheme)
                .Where(a => state == null || db.Cases.Any(c => c.Id == a.CaseId && c.State == state))
                .Where(a => from == null || a.SubmittedAt >= from)
                .Where(a => to == null || a.SubmittedAt < to);
            await CapAsync(selected, cancellationToken);
            var rows = await (
                    from a in selected
                    join c in db.Cases on a.CaseId equals c.Id
                    join i in db.Initiatives on a.InitiativeId equals i.Id
                    join o in db.Organisations on a.OrganisationId equals o.Id
                    join s in db.Schemes on a.SchemeId equals s.Id
                    orderby a.CreatedAt descending, a.Id
                    select new
                    {
                        a.Id, i.Title, Organisation = o.Name, Scheme = s.Name, c.DefinitionId, c.DefinitionVersion, c.State,
                        a.RequestedAmount, a.GrantedAmount, a.SettledAmount, a.SubmittedAt, a.DecidedAt,
                    })
                .ToListAsync(cancellationToken);
            return new ExportTable("Aanvragen",
            [
                new("Id", ExportColumnKind.Text, 38), new("Initiatief", ExportColumnKind.Text, 40), new("Organisatie", ExportColumnKind.Text, 30),
                new("Regeling", ExportColumnKind.Text, 30), new("Status", ExportColumnKind.Text, 22), new("Aangevraagd bedrag", ExportColumnKind.Amount, 18),
                new("Toegekend", ExportColumnKind.Amount, 14), new("Vastgesteld", ExportColumnKind.Amount, 14), new("Ingediend op", ExportColumnKind.Date, 13),
                new("Besloten op", ExportColumnKind.Date, 13),
            ],
            [.. rows.Select(r => new object?[]
            {
                r.Id.ToString(), r.Title, r.Organisation, r.Scheme, StateLabel(r.DefinitionId, r.DefinitionVersion, r.State),
                r.RequestedAmount, r.GrantedAmount, r.SettledAmount, LocalDate(r.SubmittedAt), LocalDate(r.DecidedAt),
            })]);
        }

        private async Task<ExportTable> PaymentsAsync(Query query, CancellationToken cancellationToken)
        {
            var failures = new List<ValidationFailure>();
            var scheme = await SchemeAsync(query.Scheme, failures, cancellationToken);
            var status = ParseEnum<PaymentStatus>(query.Status, "status", "status", failures);
            var kind = ParseEnum<PaymentKind>(query.Kind, "kind", "soort", failures);
            var (from, to) = Period(query, failures);
            Unused(query, failures, nameof(Query.State), nameof(Query.Search), nameof(Query.Region), nameof(Query.Sector), nameof(Query.TargetGroup), nameof(Query.Type));
            ThrowIfAny(failures);

            // The payment's date: when it was paid, else when it is planned.
            var fromDay = from is null ? (DateOnly?)null : DateOnly.Parse(query.From!, CultureInfo.InvariantCulture);
            var toDay = to is null ? (DateOnly?)null : DateOnly.Parse(query.To!, CultureInfo.InvariantCulture);
            var visible = applications.Visible().Select(a => a.Id);
            var selected = db.Payments.AsNoTracking().Where(p => visible.Contains(p.ApplicationId))
                .Where(p => scheme == null || p.SchemeId == scheme)
                .Where(p => status == null || p.Status == status)
                .Where(p => kind == null || p.Kind == kind)
                .Where(p => fromDay == null || (p.PaidOn ?? p.PlannedOn) >= fromDay)
                .Where(p => toDay == null || (p.PaidOn ?? p.PlannedOn) <= toDay);
            await CapAsync(selected, cancellationToken);
            var rows = await (
                    from p in selected
                    join a in db.FundingApplications on p.ApplicationId equals a.Id
                    join i in db.Initiatives on a.InitiativeId equals i.Id
                    join s in db.Schemes on p.SchemeId equals s.Id
                    orderby p.PlannedOn, p.CreatedAt, p.Id
                    select new { p.Id, p.Amount, p.Kind, p.Status, p.PlannedOn, p.PaidOn, p.Reference, p.Description, p.ApplicationId, i.Title, Scheme = s.Name })
                .ToListAsync(cancellationToken);
            return new ExportTable("Betalingen",
            [
                new("Id", ExportColumnKind.Text, 38), new("Bedrag", ExportColumnKind.Amount, 14), new("Soort", ExportColumnKind.Text, 16),
                new("Status", ExportColumnKind.Text, 14), new("Datum", ExportColumnKind.Date, 12), new("Gepland op", ExportColumnKind.Date, 12),
                new("Betaald op", ExportColumnKind.Date, 12), new("Referentie", ExportColumnKind.Text, 20), new("Omschrijving", ExportColumnKind.Text, 30),
                new("Aanvraag", ExportColumnKind.Text, 38), new("Initiatief", ExportColumnKind.Text, 40), new("Regeling", ExportColumnKind.Text, 30),
            ],
            [.. rows.Select(r => new object?[]
            {
                r.Id.ToString(), r.Amount, r.Kind.ToString().ToLowerInvariant(), r.Status.ToString().ToLowerInvariant(), r.PaidOn ?? r.PlannedOn,
                r.PlannedOn, r.PaidOn, r.Reference, r.Description, r.ApplicationId.ToString(), r.Title, r.Scheme,
            })]);
        }

        private async Task<ExportTable> VouchersAsync(Query query, CancellationToken cancellationToken)
        {
            var failures = new List<ValidationFailure>();
            var scheme = await SchemeAsync(query.Scheme, failures, cancellationToken);
            var state = CaseState(query.State, "state", failures);
            Unused(query, failures, nameof(Query.Status), nameof(Query.Kind), nameof(Query.From), nameof(Query.To), nameof(Query.Search), nameof(Query.Region), nameof(Query.Sector), nameof(Query.TargetGroup), nameof(Query.Type));
            ThrowIfAny(failures);

            var selected = vouchers.Visible()
                .Where(v => scheme == null || v.SchemeId == scheme)
                .Where(v => state == null || db.Cases.Any(c => c.Id == v.CaseId && c.State == state));
            await CapAsync(selected, cancellationToken);
            var rows = await (
                    from v in selected
                    join c in db.Cases on v.CaseId equals c.Id
                    join s in db.Schemes on v.SchemeId equals s.Id
                    join o in db.Organisations on v.ProviderOrganisationId equals o.Id into providers
                    from o in providers.DefaultIfEmpty()
                    orderby v.RequestedAt descending, v.Id
                    select new { Voucher = v, Scheme = s.Name, c.DefinitionId, c.DefinitionVersion, c.State, Provider = o == null ? "" : o.Name })
                .ToListAsync(cancellationToken);
            // The code is personal like the name: only for the requester and the scheme's fund administrators (as in the API).
            var personal = await vouchers.PersonalDataAllowedAsync(cancellationToken);
            return new ExportTable("Vouchers",
            [
                new("Id", ExportColumnKind.Text, 38), new("Code", ExportColumnKind.Text, 16), new("Regeling", ExportColumnKind.Text, 30),
                new("Status", ExportColumnKind.Text, 18), new("Bedrag", ExportColumnKind.Amount, 12), new("Prijs opleiding", ExportColumnKind.Amount, 14), new("Opleiding", ExportColumnKind.Text, 36),
                new("Opleider", ExportColumnKind.Text, 30), new("Aangevraagd op", ExportColumnKind.Date, 14),
            ],
            [.. rows.Select(r => new object?[]
            {
                r.Voucher.Id.ToString(), personal(r.Voucher) ? r.Voucher.Code : null, r.Scheme, StateLabel(r.DefinitionId, r.DefinitionVersion, r.State),
                r.Voucher.Value, r.Voucher.Price, r.Voucher.TrainingName, r.Provider, LocalDate(r.Voucher.RequestedAt),
            })]);
        }

        private async Task<ExportTable> InitiativesAsync(Query query, CancellationToken cancellationToken)
        {
            var failures = new List<ValidationFailure>();
            Unused(query, failures, nameof(Query.Scheme), nameof(Query.State), nameof(Query.Kind), nameof(Query.From), nameof(Query.To));
            ThrowIfAny(failures);
            var filter = await RegisterFilter.ParseAsync(
                new RegisterFilter.Input(query.Search, query.Region, query.Sector, query.TargetGroup, query.Type, query.Status), db, cancellationToken);
            var selected = filter.Apply(initiatives.Visible());
            await CapAsync(selected, cancellationToken);
            var rows = await selected.OrderBy(i => i.Title).ThenBy(i => i.Id).ToListAsync(cancellationToken);
            var organisationIds = rows.Where(i => i.OrganisationId != null).Select(i => i.OrganisationId!.Value).Distinct().ToList();
            var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
            var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
            return new ExportTable("Initiatieven",
            [
                new("Titel", ExportColumnKind.Text, 40), new("Activiteit", ExportColumnKind.Text, 30), new("Type", ExportColumnKind.Text, 18),
                new("Status", ExportColumnKind.Text, 14), new("Sectoren", ExportColumnKind.Text, 30), new("Doelgroepen", ExportColumnKind.Text, 30),
                new("Leeftijd", ExportColumnKind.Text, 18), new("Regio", ExportColumnKind.Text, 22), new("Gemeenten", ExportColumnKind.Text, 30),
                new("Organisatie", ExportColumnKind.Text, 30), new("Partners", ExportColumnKind.Text, 36), new("Start", ExportColumnKind.Date, 12),
                new("Einde", ExportColumnKind.Date, 12), new("Financiers", ExportColumnKind.Text, 30), new("KPI's", ExportColumnKind.Text, 40),
                new("Bron", ExportColumnKind.Text, 18),
            ],
            [.. rows.Select(i => new object?[]
            {
                i.Title, i.Activity, i.Type?.Label(), i.Status.Label(), string.Join(", ", i.Sectors), string.Join(", ", i.TargetGroups), i.AgeBand,
                i.RegionId is { } region ? regions.GetValueOrDefault(region) : null, string.Join(", ", i.Gemeenten),
                i.OrganisationId is { } organisation ? organisations.GetValueOrDefault(organisation) : null,
                string.Join(", ", i.Partners.Select(p => p.Name)), i.StartDate, i.EndDate,
                string.Join(", ", i.FundingLines.Select(f => f.Funder).Distinct()),
                string.Join("; ", i.Kpis.Select(k => $"{k.Indicator}: {Amount(k.Actual)}/{Amount(k.Target)}")),
                i.Source ?? "RegioFlow",
            })]);
        }

        private static string Amount(decimal? value) => value?.ToString("0.##", CultureInfo.GetCultureInfo("nl-NL")) ?? "–";

        private string StateLabel(string definitionId, int version, string state) =>
            registry.Get(definitionId, version).States.FirstOrDefault(s => s.Id == state)?.Label ?? state;

        private static DateOnly? LocalDate(DateTimeOffset? instant) => instant is { } value ? DutchCalendar.LocalDate(value) : null;

        private async Task<Guid?> SchemeAsync(string? value, List<ValidationFailure> failures, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (!Guid.TryParse(value.Trim(), out var id))
            {
                failures.Add(new("scheme", $"'{value.Trim()}' is geen geldige regeling: geef het id van de regeling (zie /api/schemes)."));
                return null;
            }

            if (!await db.Schemes.AnyAsync(s => s.Id == id, cancellationToken))
            {
                failures.Add(new("scheme", $"Er is geen regeling met id {id}."));
            }

            return id;
        }

        /// <summary>A case state any published workflow knows (e.g. "toetsing", "uitgegeven").</summary>
        private string? CaseState(string? value, string name, List<ValidationFailure> failures)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            var state = value.Trim().ToLowerInvariant();
            var known = registry.All.SelectMany(d => d.States).Select(s => s.Id).Distinct().Order(StringComparer.Ordinal).ToList();
            if (!known.Contains(state))
            {
                failures.Add(new(name, $"Onbekende status '{value.Trim()}'. Kies uit: {string.Join(", ", known)}."));
            }

            return state;
        }

        private static T? ParseEnum<T>(string? value, string name, string dutch, List<ValidationFailure> failures)
            where T : struct, Enum
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
            {
                return parsed;
            }

            failures.Add(new(name, $"Onbekende {dutch} '{value.Trim()}'. Kies uit: {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}."));
            return null;
        }

        /// <summary>from/to as dates (yyyy-MM-dd), as the start of the from-day and the end of the to-day in Dutch time.</summary>
        private static (DateTimeOffset? From, DateTimeOffset? To) Period(Query query, List<ValidationFailure> failures)
        {
            DateOnly? Parse(string? value, string name)
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    return null;
                }

                if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return date;
                }

                failures.Add(new(name, $"'{value.Trim()}' is geen geldige datum voor {name}: gebruik jjjj-mm-dd, bijvoorbeeld 2026-01-31."));
                return null;
            }

            var from = Parse(query.From, "from");
            var to = Parse(query.To, "to");
            if (from is not null && to is not null && from > to)
            {
                failures.Add(new("to", "De einddatum (to) ligt vóór de begindatum (from)."));
            }

            return (from is { } f ? StartOf(f) : null, to is { } t ? StartOf(t.AddDays(1)) : null);
        }

        private static DateTimeOffset StartOf(DateOnly day)
        {
            var local = day.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(local, DutchCalendar.Amsterdam.GetUtcOffset(local)).ToUniversalTime();
        }

        /// <summary>A filter that does not belong to this list is a mistake of the client, not something to ignore silently.</summary>
        private static void Unused(Query query, List<ValidationFailure> failures, params string[] names)
        {
            var values = new Dictionary<string, string?>
            {
                [nameof(Query.Scheme)] = query.Scheme, [nameof(Query.State)] = query.State, [nameof(Query.Status)] = query.Status,
                [nameof(Query.Kind)] = query.Kind, [nameof(Query.From)] = query.From, [nameof(Query.To)] = query.To,
                [nameof(Query.Search)] = query.Search, [nameof(Query.Region)] = query.Region, [nameof(Query.Sector)] = query.Sector,
                [nameof(Query.TargetGroup)] = query.TargetGroup, [nameof(Query.Type)] = query.Type,
            };
            foreach (var name in names.Where(n => !string.IsNullOrWhiteSpace(values[n])))
            {
                var parameter = char.ToLowerInvariant(name[0]) + name[1..];
                failures.Add(new(parameter, $"Het filter '{parameter}' hoort niet bij deze export."));
            }
        }

        private static void ThrowIfAny(List<ValidationFailure> failures)
        {
            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }
        }

        private static async Task CapAsync<T>(IQueryable<T> selected, CancellationToken cancellationToken)
        {
            var count = await selected.CountAsync(cancellationToken);
            if (count > MaxRows)
            {
                throw new ValidationException([new ValidationFailure("filter",
                    $"Deze export zou {count:N0} regels bevatten; het maximum is {MaxRows:N0}. Verfijn het filter (bijvoorbeeld per regeling of periode).")]);
            }
        }
    }
}
