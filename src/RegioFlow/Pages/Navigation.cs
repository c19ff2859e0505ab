using RegioFlow.Domain;

namespace RegioFlow.Pages;

/// <summary>The main navigation per role: every item is a page that exists and that the user may open.</summary>
public static class Navigation
{
    public sealed record Item(string Label, string Href);

    /// <summary>The roles that take part in a subsidy case (or watch over it); voucher applicants and training providers do not.</summary>
    private static readonly Role[] SubsidyRoles =
        [Role.InitiativeLead, Role.TableMember, Role.TableChair, Role.DecisionBodyMember, Role.FundAdministrator, Role.Oversight, Role.Admin];

    /// <summary>The roles that request, redeem, manage or watch over training vouchers.</summary>
    private static readonly Role[] VoucherRoles =
        [Role.VoucherApplicant, Role.TrainingProvider, Role.FundAdministrator, Role.Oversight, Role.Admin];

    public static IReadOnlyList<Item> For(bool signedIn, IReadOnlySet<Role> roles)
    {
        if (!signedIn)
        {
            return [new("Start", "/")];
        }

        List<Item> items =
        [
            new("Start", "/"),
            new("Regio's", "/regios"),
            new("Organisaties", "/organisaties"),
            new("Initiatieven", "/initiatieven"),
        ];
        if (SubsidyRoles.Any(roles.Contains))
        {
            items.Add(new("Aanvragen", "/aanvragen"));
        }

        if (VoucherRoles.Any(roles.Contains))
        {
            items.Add(new("Vouchers", "/vouchers"));
        }

        if (roles.Contains(Role.TableMember) || roles.Contains(Role.TableChair))
        {
            items.Add(new("Beoordelen", "/beoordelen"));
        }

        if (roles.Overlaps([Role.FundAdministrator, Role.DecisionBodyMember, Role.Oversight, Role.Admin]))
        {
            items.Add(new("Regelingen", "/regelingen"));
            items.Add(new("Dashboard", "/dashboard"));
        }

        if (roles.Contains(Role.Admin) || roles.Contains(Role.FundAdministrator))
        {
            items.Add(new("Workflows", "/workflows"));
            items.Add(new("Inventarisatie importeren", "/initiatieven/importeren"));
        }

        if (roles.Contains(Role.Admin))
        {
            items.Add(new("Achtergrondtaken", "/jobs"));
        }

        items.Add(new("Agenda", "/agenda"));
        items.Add(new("API", "/api-docs"));
        return items;
    }

    /// <summary>What each role does in RegioFlow, shown on the home page.</summary>
    public static string Describe(Role role) => role switch
    {
        Role.InitiativeLead => "U dient subsidieaanvragen in voor initiatieven, kijkt in het register wat er al bestaat, beantwoordt vragen, rapporteert voortgang en legt de borging vast.",
        Role.VoucherApplicant => "U vraagt een scholingsvoucher aan voor om-, bij- of herscholing en volgt de status van uw aanvraag.",
        Role.TrainingProvider => "U verzilvert scholingsvouchers van deelnemers en dient declaraties in.",
        Role.TableMember => "U beoordeelt aanvragen die aan uw thematafel zijn toegewezen met het toetsingskader.",
        Role.TableChair => "U wijst beoordelaars toe en stelt het advies van de thematafel vast.",
        Role.DecisionBodyMember => "U besluit over aanvragen: toekennen, afwijzen of aanhouden, met voorwaarden.",
        Role.FundAdministrator => "U beheert regelingen, budgetten, verplichtingen, betalingen, vaststellingen en vouchers, en houdt het register van initiatieven bij.",
        Role.Oversight => "U volgt de voortgang van de regio met het register, dashboards en exports.",
        Role.Admin => "U beheert organisaties, gebruikers, workflowversies en achtergrondtaken.",
        _ => "",
    };
}
