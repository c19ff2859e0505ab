using RegioFlow.Domain;

namespace RegioFlow.Workflows;

/// <summary>What a guard may look at: the case, its definition, the trigger's parameters and the time.</summary>
public sealed record GuardContext(Case Case, WorkflowDefinition Definition, IReadOnlyDictionary<string, string> Parameters, DateTimeOffset Now);

/// <summary>
/// A named condition on a transition, referenced by name from YAML. Guards are synchronous over preloaded data, because
/// Stateless leaves asynchronous guards out of CanFire and diagrams (ARCHITECTURE.md §3).
/// </summary>
public interface IWorkflowGuard
{
    string Name { get; }

    /// <summary>Dutch sentence shown when the guard is not met, e.g. "De zaak is opgeschort."</summary>
    string Description { get; }

    bool IsMet(GuardContext context);
}

/// <summary>Nothing may happen to a case while it is suspended by request (opschorting).</summary>
internal sealed class NotSuspendedGuard : IWorkflowGuard
{
    public string Name => "niet-opgeschort";

    public string Description => "De zaak mag niet opgeschort zijn.";

    public bool IsMet(GuardContext context) => !context.Case.IsSuspended;
}

/// <summary>True until the legal decision term (after opschorting and verlenging) has passed.</summary>
internal sealed class WithinLegalTermGuard : IWorkflowGuard
{
    public string Name => "binnen-beslistermijn";

    public string Description => "De beslistermijn mag niet verstreken zijn.";

    public bool IsMet(GuardContext context) =>
        DutchCalendar.LocalDate(context.Now) <= context.Case.Clocks(context.Definition).LegalDeadline;
}

/// <summary>Notifications a reminder may send; their texts are delivered through the outbox.</summary>
public static class WorkflowNotifications
{
    public static readonly IReadOnlyDictionary<string, string> Subjects = new Dictionary<string, string>
    {
        ["herinnering-termijn"] = "Herinnering: een termijn loopt af",
        ["escalatie-termijn"] = "Escalatie: een termijn is verlopen zonder actie",
        ["herinnering-aanvulling"] = "Herinnering: vul uw aanvraag aan",
        ["herinnering-beoordeling"] = "Herinnering: uw beoordeling wordt verwacht",
        ["herinnering-rapportage"] = "Herinnering: een voortgangsrapportage is nodig",
        ["herinnering-borging"] = "Herinnering: leg de borgingscheck van een afgerond initiatief vast",
        ["herinnering-verloop"] = "Herinnering: uw scholingsvoucher verloopt binnenkort",
        ["voucher-uitgegeven"] = "Uw scholingsvoucher is uitgegeven",
    };
}
