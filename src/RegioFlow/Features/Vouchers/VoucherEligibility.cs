using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Vouchers;

/// <summary>
/// The eligibility rules of a voucher scheme, evaluated on the request date (Amsterdam): one result per rule with the
/// Dutch reason a person reads, passed or not, so the form can show all of them at once and the fund administrator sees
/// why a request qualifies. The results are stored with the request; issuing refuses a request with a failed rule.
/// </summary>
internal static class VoucherEligibility
{
    public const string Age = "leeftijd";
    public const string Residence = "woonplaats";
    public const string Recognised = "erkende-opleiding";
    public const string Price = "prijs";
    public const string Window = "aanvraagvenster";

    /// <summary>The outcome, the age used and the gemeente as the region data spell it (when found).</summary>
    public sealed record Outcome(IReadOnlyList<EligibilityResult> Results, int Age, string Gemeente)
    {
        public bool Eligible => Results.All(r => r.Passed);
    }

    public static async Task<Outcome> EvaluateAsync(RegioFlowDbContext db, Scheme scheme, VoucherRequestInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var terms = scheme.VoucherTerms ?? throw new ConflictException($"De regeling '{scheme.Name}' heeft geen voucher-voorwaarden.");
        var today = DutchCalendar.LocalDate(now);
        var person = input.Person!;
        var training = input.Training!;
        var results = new List<EligibilityResult>();

        var age = AgeOn(person.DateOfBirth!.Value, today);
        results.Add(new EligibilityResult(Age, age >= terms.MinAge && age <= terms.MaxAge, age >= terms.MinAge && age <= terms.MaxAge
            ? $"U bent {age} jaar; deze regeling is voor {terms.MinAge} tot en met {terms.MaxAge} jaar."
            : $"U bent {age} jaar; deze regeling is voor {terms.MinAge} tot en met {terms.MaxAge} jaar. U voldoet niet aan de leeftijdsgrens."));

        var typed = person.Gemeente!.Trim();
        var gemeente = typed;
        if (scheme.RegionId is { } regionId)
        {
            var region = await db.Regions.AsNoTracking().Include(r => r.Gemeenten).SingleAsync(r => r.Id == regionId, cancellationToken);
            var match = region.Gemeenten.FirstOrDefault(g => string.Equals(g.Name, typed, StringComparison.OrdinalIgnoreCase));
            gemeente = match?.Name ?? typed;
            results.Add(new EligibilityResult(Residence, match is not null, match is not null
                ? $"U woont in {match.Name}, een gemeente van de arbeidsmarktregio {region.Name}."
                : $"De gemeente {typed} hoort niet bij de arbeidsmarktregio {region.Name}; deze regeling is alleen voor inwoners van {string.Join(", ", region.Gemeenten.Select(g => g.Name).Order(StringComparer.Ordinal))}."));
        }
        else
        {
            results.Add(new EligibilityResult(Residence, true, "Deze regeling stelt geen eis aan de woongemeente."));
        }

        var recognised = training.Recognised == true;
        results.Add(new EligibilityResult(Recognised, !terms.RecognisedTrainingOnly || recognised, !terms.RecognisedTrainingOnly
            ? "Deze regeling vraagt geen erkende opleiding."
            : recognised
                ? "De opleiding is erkend (OCW of NLQF), zoals deze regeling vraagt."
                : "Deze regeling vergoedt alleen opleidingen die door OCW erkend of in het NLQF ingeschaald zijn; deze opleiding is dat niet."));

        var price = training.Price!.Value;
        results.Add(new EligibilityResult(Price, price > 0, price > 0
            ? $"De opleiding kost {Money.Format(price)}."
            : "De prijs van de opleiding moet hoger zijn dan € 0."));

        var open = scheme.IsOpenOn(today);
        results.Add(new EligibilityResult(Window, open, open
            ? $"De regeling is open voor aanvragen (tot en met {scheme.WindowCloses:dd-MM-yyyy})."
            : $"De regeling is gesloten: aanvragen kan van {scheme.WindowOpens:dd-MM-yyyy} tot en met {scheme.WindowCloses:dd-MM-yyyy}."));

        return new Outcome(results, age, gemeente);
    }

    /// <summary>Full years on <paramref name="on"/>; someone born on 29 February turns a year older on 1 March in other years.</summary>
    public static int AgeOn(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        if (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day))
        {
            age--;
        }

        return Math.Max(age, 0);
    }
}
