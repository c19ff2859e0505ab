using Mediator;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Workflows;

/// <summary>The loaded workflow definitions, for people and integrations (read-only: definitions are files).</summary>
public static class WorkflowQueries
{
    public sealed record ListQuery : IQuery<IReadOnlyList<WorkflowSummary>>;

    public sealed record VersionQuery(string Id, int Version) : IQuery<WorkflowVersionDto>;

    public sealed record DiagramQuery(string Id, int Version, string? Format) : IQuery<Diagram>;

    public sealed record WorkflowSummary(string Id, int Version, string Status, string Omschrijving, DateOnly BeginGeldigheid, DateOnly? EindeGeldigheid, int States);

    public sealed record WorkflowVersionDto(
        string Id, int Version, string Status, DateOnly BeginGeldigheid, DateOnly? EindeGeldigheid,
        CaseTypeDto Zaaktype, IReadOnlyList<ResultTypeDefinition> Resultaattypen, string InitialState, IReadOnlyList<StateDto> States, string Sha256);

    public sealed record CaseTypeDto(string Omschrijving, string Doorlooptijd, string? Servicenorm, bool OpschortingMogelijk, bool VerlengingMogelijk, string? Verlengingstermijn);

    public sealed record StateDto(string Id, string Label, int? Volgnummer, bool Informeren, bool Terminal, bool SuspendsClocks, string? Checklist,
        IReadOnlyList<TransitionDto> Transitions, IReadOnlyList<TimerDto> Timers, IReadOnlyList<string> Roles);

    public sealed record TransitionDto(string Trigger, string Target, string? Guard, string? GuardDescription, IReadOnlyList<string> Roles, IReadOnlyList<string> Parameters);

    public sealed record TimerDto(string Id, string After, string Kind, string? Trigger, string? Notification, string? RecipientRole, string? EscalationAfter, string? EscalationRecipientRole);

    public sealed record Diagram(string Format, string ContentType, string Text);

    internal sealed class Handler(WorkflowRegistry registry, IEnumerable<IWorkflowGuard> guards)
        : IQueryHandler<ListQuery, IReadOnlyList<WorkflowSummary>>, IQueryHandler<VersionQuery, WorkflowVersionDto>, IQueryHandler<DiagramQuery, Diagram>
    {
        private readonly Dictionary<string, IWorkflowGuard> _guards = guards.ToDictionary(g => g.Name);

        public ValueTask<IReadOnlyList<WorkflowSummary>> Handle(ListQuery query, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<WorkflowSummary>>([.. registry.All.Select(d => new WorkflowSummary(
                d.Id, d.Version, Status(d), d.CaseType.Omschrijving, d.BeginGeldigheid, d.EindeGeldigheid, d.States.Count))]);

        public ValueTask<WorkflowVersionDto> Handle(VersionQuery query, CancellationToken cancellationToken)
        {
            var d = registry.Get(query.Id, query.Version);
            var type = d.CaseType;
            return ValueTask.FromResult(new WorkflowVersionDto(
                d.Id, d.Version, Status(d), d.BeginGeldigheid, d.EindeGeldigheid,
                new CaseTypeDto(type.Omschrijving, type.Doorlooptijd.ToString(), type.Servicenorm?.ToString(), type.OpschortingMogelijk, type.VerlengingMogelijk, type.Verlengingstermijn?.ToString()),
                d.ResultTypes, d.InitialState,
                [.. d.States.Select(s => new StateDto(
                    s.Id, s.Label, s.StatusType?.Volgnummer, s.StatusType?.Informeren ?? false, s.Terminal, s.SuspendsClocks, s.Checklist,
                    [.. s.Transitions.Select(t => new TransitionDto(t.Trigger, t.Target, t.Guard, t.Guard is null ? null : _guards[t.Guard].Description, t.Roles, t.Parameters))],
                    [.. s.Timers.Select(t => new TimerDto(t.Id, t.After.ToString(), t.Kind.ToString().ToLowerInvariant(), t.Trigger, t.Notification, t.RecipientRole,
                        t.Escalation?.After.ToString(), t.Escalation?.RecipientRole))],
                    [.. s.Transitions.SelectMany(t => t.Roles).Distinct().Order()]))],
                d.Sha256));
        }

        public ValueTask<Diagram> Handle(DiagramQuery query, CancellationToken cancellationToken)
        {
            var definition = registry.Get(query.Id, query.Version);
            return (query.Format ?? "mermaid").ToLowerInvariant() switch
            {
                "mermaid" => ValueTask.FromResult(new Diagram("mermaid", "text/vnd.mermaid; charset=utf-8", CaseMachine.Mermaid(definition, _guards))),
                "dot" => ValueTask.FromResult(new Diagram("dot", "text/vnd.graphviz; charset=utf-8", CaseMachine.Dot(definition, _guards))),
                var other => throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("format", $"Onbekend formaat '{other}'; kies 'mermaid' of 'dot'.")]),
            };
        }

        private static string Status(WorkflowDefinition d) => d.Status == DefinitionStatus.Gepubliceerd ? "gepubliceerd" : "concept";
    }
}
