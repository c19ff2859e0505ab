using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Vouchers;

/// <summary>
/// A voucher as its reader may see it: personal data and the code are null for everyone but the scheme's fund
/// administrators and the requester (<see cref="VoucherAccess.PersonalDataAllowedAsync"/>).
/// </summary>
/// <param name="State">The case state (aangevraagd, uitgegeven, verzilverd, ...).</param>
/// <param name="Eligible">Every eligibility rule passed on the request date.</param>
/// <param name="CaseVersion">The case version, for the optimistic check of a decision.</param>
public sealed record VoucherDto(
    Guid Id,
    Guid SchemeId,
    string SchemeName,
    Guid CaseId,
    string State,
    string StateLabel,
    long CaseVersion,
    DateTimeOffset RequestedAt,
    Guid? RequestedForOrganisationId,
    string? PersonName,
    DateOnly? DateOfBirth,
    string? Email,
    string? EmployerName,
    string Gemeente,
    int AgeAtRequest,
    string EmploymentStatus,
    Guid ProviderOrganisationId,
    string ProviderName,
    string TrainingName,
    bool TrainingRecognised,
    DateOnly? TrainingStart,
    decimal Price,
    bool Eligible,
    IReadOnlyList<EligibilityResult> Eligibility,
    decimal? Value,
    decimal? EmployerShare,
    string? Code,
    DateTimeOffset? IssuedAt,
    DateOnly? ExpiresOn,
    string? DecisionMotivation);

internal static class VoucherDtoBuilder
{
    public static async Task<IReadOnlyList<VoucherDto>> BuildAsync(RegioFlowDbContext db, WorkflowRegistry registry, VoucherAccess access, IReadOnlyList<Voucher> vouchers, CancellationToken cancellationToken)
    {
        var caseIds = vouchers.Select(v => v.CaseId).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var schemeIds = vouchers.Select(v => v.SchemeId).Distinct().ToList();
        var schemes = await db.Schemes.AsNoTracking().Where(s => schemeIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var providerIds = vouchers.Select(v => v.ProviderOrganisationId).Distinct().ToList();
        var providers = await db.Organisations.AsNoTracking().Where(o => providerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var personal = await access.PersonalDataAllowedAsync(cancellationToken);
        return [.. vouchers.Select(v =>
        {
            var @case = cases[v.CaseId];
            var label = registry.Get(@case.DefinitionId, @case.DefinitionVersion).State(@case.State).Label;
            var show = personal(v);
            return new VoucherDto(
                v.Id, v.SchemeId, schemes[v.SchemeId], v.CaseId, @case.State, label, @case.Version, v.RequestedAt, v.RequestedForOrganisationId,
                show ? v.PersonName : null, show ? v.DateOfBirth : null, show ? v.Email : null, show ? v.EmployerName : null,
                v.Gemeente, v.AgeAtRequest, v.EmploymentStatus.ToString(), v.ProviderOrganisationId, providers.GetValueOrDefault(v.ProviderOrganisationId, ""),
                v.TrainingName, v.TrainingRecognised, v.TrainingStart, v.Price, v.Eligibility.All(r => r.Passed), v.Eligibility,
                v.Value, v.EmployerShare, show ? v.Code : null, v.IssuedAt, v.ExpiresOn, v.DecisionMotivation);
        })];
    }
}
