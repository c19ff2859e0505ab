namespace RegioFlow.Domain;

/// <summary>The roles of DOMAIN.md. Names are stable identifiers (claims, Entra app roles); labels are Dutch.</summary>
public enum Role
{
    InitiativeLead,
    VoucherApplicant,
    TrainingProvider,
    TableMember,
    TableChair,
    DecisionBodyMember,
    FundAdministrator,
    Oversight,
    Admin,
}

public static class RoleLabels
{
    public static string Label(this Role role) => role switch
    {
        Role.InitiativeLead => "Initiatiefnemer",
        Role.VoucherApplicant => "Aanvrager scholingsvoucher",
        Role.TrainingProvider => "Opleider",
        Role.TableMember => "Thematafel-lid",
        Role.TableChair => "Thematafel-voorzitter",
        Role.DecisionBodyMember => "Beslisser",
        Role.FundAdministrator => "Fondsbeheerder",
        Role.Oversight => "Toezicht",
        Role.Admin => "Beheerder",
        _ => role.ToString(),
    };
}
