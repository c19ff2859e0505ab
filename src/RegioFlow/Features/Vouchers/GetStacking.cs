using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Vouchers;

/// <summary>Another active voucher of the same person, in any voucher scheme of RegioFlow.</summary>
/// <param name="OverlapReason">Why its training overlaps this one (same provider and a similar training, or start dates close together); null when it does not.</param>
public sealed record StackedVoucherDto(
    Guid Id,
    Guid SchemeId,
    string SchemeName,
    string State,
    string ProviderName,
    string TrainingName,
    DateOnly? TrainingStart,
    decimal? Value,
    DateOnly? ExpiresOn,
    string? OverlapReason);

/// <param name="Warning">A Dutch warning when the person has other active vouchers; null when there are none.</param>
public sealed record StackingDto(Guid VoucherId, string? Warning, IReadOnlyList<StackedVoucherDto> Others);

/// <summary>
/// The stacking check (stapeling): funds overlap, so before issuing the fund administrator sees the person's other
/// active vouchers (aangevraagd, uitgegeven, verzilverd, gedeclareerd) from every voucher scheme, found by the person
/// key, and which of them cover an overlapping training. Only the scheme's fund administrators may ask: the answer
/// tells about the person's other requests.
/// </summary>
public static class GetStacking
{
    internal static readonly string[] ActiveStates = ["aangevraagd", "uitgegeven", "verzilverd", "gedeclareerd"];

    public sealed record Query(Guid Id) : IQuery<StackingDto>;

    internal sealed class Handler(RegioFlowDbContext db, VoucherAccess access) : IQueryHandler<Query, StackingDto>
    {
        public async ValueTask<StackingDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var (voucher, _, actor) = await access.ActorAsync(query.Id, cancellationToken);
            if (!actor.Roles.Contains(CaseRoles.Behandelaar))
            {
                throw new ForbiddenException("Alleen een fondsbeheerder van het fonds van deze regeling ziet de andere vouchers van de persoon.");
            }

            if (voucher.PersonKey is null)
            {
                return new StackingDto(voucher.Id, null, []);
            }

            var validity = await db.Schemes.Where(s => s.Id == voucher.SchemeId).Select(s => s.VoucherTerms).SingleAsync(cancellationToken) is { } terms
                ? terms.ValidityMonths
                : 6;
            var others = await (
                    from v in db.Vouchers.AsNoTracking()
                    where v.PersonKey == voucher.PersonKey && v.Id != voucher.Id
                    join c in db.Cases on v.CaseId equals c.Id
                    where ActiveStates.Contains(c.State)
                    join s in db.Schemes on v.SchemeId equals s.Id
                    join o in db.Organisations on v.ProviderOrganisationId equals o.Id
                    orderby v.RequestedAt
                    select new { Voucher = v, c.State, Scheme = s.Name, Provider = o.Name })
                .ToListAsync(cancellationToken);
            var stacked = others.Select(o => new StackedVoucherDto(o.Voucher.Id, o.Voucher.SchemeId, o.Scheme, o.State, o.Provider, o.Voucher.TrainingName,
                o.Voucher.TrainingStart, o.Voucher.Value, o.Voucher.ExpiresOn, Overlap(voucher, o.Voucher, validity))).ToList();
            return new StackingDto(voucher.Id, Warning(stacked), stacked);
        }

        private static string? Warning(List<StackedVoucherDto> stacked)
        {
            if (stacked.Count == 0)
            {
                return null;
            }

            var schemes = string.Join(", ", stacked.Select(s => s.SchemeName).Distinct());
            var overlapping = stacked.Count(s => s.OverlapReason is not null);
            var text = stacked.Count == 1
                ? $"Let op: deze persoon heeft nog een andere actieve voucher ({schemes})."
                : $"Let op: deze persoon heeft nog {stacked.Count} andere actieve vouchers ({schemes}).";
            return overlapping == 0 ? text : $"{text} {overlapping} daarvan betreft een overlappende opleiding; controleer of dezelfde opleiding niet twee keer wordt betaald.";
        }

        /// <summary>Same provider and a similar training name, or training starts within one validity period of each other.</summary>
        private static string? Overlap(Voucher mine, Voucher other, int validityMonths)
        {
            if (mine.ProviderOrganisationId == other.ProviderOrganisationId && Similar(mine.TrainingName, other.TrainingName))
            {
                return "Dezelfde opleider en een vergelijkbare opleiding.";
            }

            if (mine.TrainingStart is { } a && other.TrainingStart is { } b && a.AddMonths(-validityMonths) <= b && b <= a.AddMonths(validityMonths))
            {
                return $"De opleidingen beginnen binnen {validityMonths} maanden na elkaar ({b:dd-MM-yyyy} en {a:dd-MM-yyyy}).";
            }

            return null;
        }

        private static bool Similar(string x, string y)
        {
            var a = string.Join(' ', x.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var b = string.Join(' ', y.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
            return a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal);
        }
    }
}
