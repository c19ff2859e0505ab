using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;

namespace RegioFlow.Features.Vouchers;

/// <summary>The person a voucher is for, as the form or API sends it.</summary>
public sealed record VoucherPersonInput(string? Name, DateOnly? DateOfBirth, string? Email, string? Gemeente, string? EmploymentStatus, string? EmployerName);

/// <summary>The chosen training, as the form or API sends it.</summary>
public sealed record VoucherTrainingInput(Guid? ProviderOrganisationId, string? Name, bool? Recognised, DateOnly? StartDate, decimal? Price);

/// <summary>A voucher request: the same body for storing it and for the instant eligibility check.</summary>
/// <param name="RequestedForOrganisationId">The employer organisation when an employer's user asks for an employee; may be left out when they belong to one.</param>
public record VoucherRequestInput(Guid? SchemeId, VoucherPersonInput? Person, VoucherTrainingInput? Training, Guid? RequestedForOrganisationId = null);

/// <summary>Field checks of a request (400 per field); whether the person qualifies is the eligibility rules' work, not this.</summary>
internal class VoucherRequestInputValidator<T> : AbstractValidator<T>
    where T : VoucherRequestInput
{

    public VoucherRequestInputValidator(RegioFlowDbContext db)
    {
        RuleFor(r => r.SchemeId).NotNull().WithMessage("Kies de voucherregeling.")
            .MustAsync(async (id, ct) => id is null || await db.Schemes.AnyAsync(s => s.Id == id && s.Kind == SchemeKind.Voucher, ct))
            .WithMessage("Er is geen voucherregeling met dit id.");
        RuleFor(r => r.Person).NotNull().WithMessage("Vul de gegevens van de persoon in.");
        When(r => r.Person is not null, () =>
        {
            RuleFor(r => r.Person!.Name).NotEmpty().WithMessage("Vul de naam in.")
                .MaximumLength(200).WithMessage("De naam mag hoogstens 200 tekens lang zijn.");
            RuleFor(r => r.Person!.DateOfBirth).NotNull().WithMessage("Vul de geboortedatum in.")
                .Must(d => d is null || (d.Value.Year >= 1900 && d.Value.Year <= 2100)).WithMessage("Vul een geldige geboortedatum in.");
            RuleFor(r => r.Person!.Email).EmailAddress().WithMessage("Vul een geldig e-mailadres in.")
                .MaximumLength(320).WithMessage("Het e-mailadres mag hoogstens 320 tekens lang zijn.");
            RuleFor(r => r.Person!.Gemeente).NotEmpty().WithMessage("Vul de woongemeente in.")
                .MaximumLength(100).WithMessage("De gemeente mag hoogstens 100 tekens lang zijn.");
            RuleFor(r => r.Person!.EmploymentStatus)
                .Must(s => Enum.TryParse<EmploymentStatus>(s, ignoreCase: true, out _) && !int.TryParse(s, out _))
                .WithMessage("Kies de arbeidssituatie: Werkend, Werkzoekend, Zelfstandige of Anders.");
            RuleFor(r => r.Person!.EmployerName).NotEmpty().WithMessage("Vul de naam van de werkgever in.")
                .When(r => string.Equals(r.Person!.EmploymentStatus, nameof(EmploymentStatus.Werkend), StringComparison.OrdinalIgnoreCase));
            RuleFor(r => r.Person!.EmployerName).MaximumLength(200).WithMessage("De naam van de werkgever mag hoogstens 200 tekens lang zijn.");
        });
        RuleFor(r => r.Training).NotNull().WithMessage("Vul de gekozen opleiding in.");
        When(r => r.Training is not null, () =>
        {
            RuleFor(r => r.Training!.ProviderOrganisationId).NotNull().WithMessage("Kies de opleider.")
                .MustAsync(async (id, ct) => id is null || await db.Organisations.AnyAsync(o => o.Id == id && VoucherProviders.Kinds.Contains(o.Kind), ct))
                .WithMessage("Er is geen opleider (opleidingsinstituut, mbo- of hbo-school) met dit id.");
            RuleFor(r => r.Training!.Name).NotEmpty().WithMessage("Vul de naam van de opleiding in.")
                .MaximumLength(300).WithMessage("De naam van de opleiding mag hoogstens 300 tekens lang zijn.");
            RuleFor(r => r.Training!.Recognised).NotNull().WithMessage("Geef aan of de opleiding erkend is (OCW of NLQF).");
            RuleFor(r => r.Training!.Price).NotNull().WithMessage("Vul de prijs van de opleiding in.")
                .GreaterThanOrEqualTo(0).WithMessage("De prijs mag niet negatief zijn.")
                .LessThanOrEqualTo(1_000_000).WithMessage("De prijs mag hoogstens € 1.000.000 zijn.")
                .Must(p => p is null || Money.HasAtMostTwoDecimals(p.Value)).WithMessage("Een bedrag heeft hoogstens twee decimalen.");
        });
    }
}

internal static class VoucherProviders
{
    /// <summary>The organisations that may be named as a voucher's training provider.</summary>
    public static readonly OrganisationKind[] Kinds = [OrganisationKind.Opleider, OrganisationKind.MboSchool, OrganisationKind.HboSchool];
}

internal static class VoucherPersonKey
{
    /// <summary>
    /// SHA-256 (hex) of the normalised name (lower case, no diacritics, single spaces) and the date of birth: the same
    /// person typed as "José  de Vries" and "jose de vries" gives the same key, and the key says nothing by itself.
    /// </summary>
    public static string For(string name, DateOnly dateOfBirth)
    {
        var decomposed = name.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        var text = $"{builder.ToString().Normalize(NormalizationForm.FormC)}|{dateOfBirth:yyyy-MM-dd}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
