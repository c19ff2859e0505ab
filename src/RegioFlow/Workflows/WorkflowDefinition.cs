namespace RegioFlow.Workflows;

/// <summary>
/// One published (or concept) version of a workflow, loaded from <c>workflows/&lt;id&gt;/&lt;id&gt;.vN.yaml</c>. Vocabulary
/// follows the VNG case standard (ZGW): the definition is a zaaktype, states are statustypen, outcomes resultaattypen.
/// </summary>
public sealed record WorkflowDefinition(
    string Id,
    int Version,
    DefinitionStatus Status,
    DateOnly BeginGeldigheid,
    DateOnly? EindeGeldigheid,
    CaseTypeDefinition CaseType,
    IReadOnlyList<ResultTypeDefinition> ResultTypes,
    string InitialState,
    IReadOnlyList<StateDefinition> States,
    string SourcePath,
    string Sha256)
{
    public StateDefinition State(string id) =>
        States.FirstOrDefault(s => s.Id == id) ?? throw new InvalidOperationException($"Workflow {Id} v{Version} has no state '{id}'.");

    /// <summary>Valid on <paramref name="date"/>: begin ≤ date and (no end or date ≤ end).</summary>
    public bool IsValidOn(DateOnly date) => BeginGeldigheid <= date && (EindeGeldigheid is null || date <= EindeGeldigheid);

    public override string ToString() => $"{Id} v{Version}";
}

public enum DefinitionStatus
{
    Concept,
    Gepubliceerd,
}

/// <param name="Doorlooptijd">Legal decision term (Awb beslistermijn): uiterlijke einddatum afdoening = start + doorlooptijd.</param>
/// <param name="Servicenorm">Service term: einddatum gepland = start + servicenorm.</param>
/// <param name="Verlengingstermijn">How far one verlenging (Awb 4:14) may move the legal term.</param>
public sealed record CaseTypeDefinition(
    string Omschrijving,
    IsoDuration Doorlooptijd,
    IsoDuration? Servicenorm,
    bool OpschortingMogelijk,
    bool VerlengingMogelijk,
    IsoDuration? Verlengingstermijn);

public sealed record ResultTypeDefinition(string Id, string Omschrijving);

/// <param name="OnEntry">Names of registered effects (<see cref="ICaseEffect"/>) run in the step's transaction when the state is entered, also when a timer fired the step.</param>
public sealed record StateDefinition(
    string Id,
    string Label,
    StatusTypeDefinition? StatusType,
    bool Terminal,
    bool SuspendsClocks,
    string? Checklist,
    IReadOnlyList<string> OnEntry,
    IReadOnlyList<TransitionDefinition> Transitions,
    IReadOnlyList<TimerDefinition> Timers,
    int Line);

public sealed record StatusTypeDefinition(int Volgnummer, bool Informeren);

/// <param name="Guard">Name of a registered guard; null = always allowed.</param>
/// <param name="Roles">Case roles (<see cref="CaseRoles"/>) that may fire this transition.</param>
/// <param name="Parameters">Names of parameters the caller must supply (e.g. "motivering").</param>
public sealed record TransitionDefinition(
    string Trigger,
    string Target,
    string? Guard,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Parameters,
    int Line);

/// <summary>
/// A timer starts when its state is entered. A timeout fires <see cref="Trigger"/> as the system; a reminder sends
/// <see cref="Notification"/> to <see cref="RecipientRole"/> and may escalate to another role later.
/// </summary>
public sealed record TimerDefinition(
    string Id,
    IsoDuration After,
    TimerKind Kind,
    string? Trigger,
    string? Notification,
    string? RecipientRole,
    EscalationDefinition? Escalation,
    int Line);

public enum TimerKind
{
    Timeout,
    Reminder,
}

/// <param name="After">Measured from the state's entry, like the timer itself.</param>
public sealed record EscalationDefinition(IsoDuration After, string Notification, string RecipientRole);

/// <summary>The roles a person can have on a case (ZGW roltypen plus RegioFlow's table chair and the system).</summary>
public static class CaseRoles
{
    public const string Initiator = "initiator";
    public const string Behandelaar = "behandelaar";
    public const string Adviseur = "adviseur";
    public const string Voorzitter = "voorzitter";
    public const string Beslisser = "beslisser";
    public const string Beheerder = "beheerder";

    /// <summary>The training provider that redeems and claims a voucher.</summary>
    public const string Opleider = "opleider";

    /// <summary>Timers fire as the system; no person holds this role.</summary>
    public const string Systeem = "systeem";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Initiator, Behandelaar, Adviseur, Voorzitter, Beslisser, Beheerder, Opleider, Systeem };
}
