using RegioFlow.Common;

namespace RegioFlow.Workflows;

/// <summary>The workflow definitions loaded and validated at startup; immutable while the app runs.</summary>
public sealed class WorkflowRegistry(IReadOnlyList<WorkflowDefinition> definitions)
{
    public IReadOnlyList<WorkflowDefinition> All { get; } = definitions;

    public WorkflowDefinition Get(string id, int version) =>
        All.FirstOrDefault(d => d.Id == id && d.Version == version)
        ?? throw new NotFoundException($"Er is geen workflow '{id}' versie {version}.");

    /// <summary>The published version a new case registered on <paramref name="date"/> takes (validity never overlaps).</summary>
    public WorkflowDefinition ValidOn(string id, DateOnly date) =>
        All.Where(d => d.Id == id && d.Status == DefinitionStatus.Gepubliceerd && d.IsValidOn(date)).MaxBy(d => d.Version)
        ?? throw new ConflictException(All.Any(d => d.Id == id)
            ? $"Workflow '{id}' heeft geen gepubliceerde versie die geldig is op {date:dd-MM-yyyy}."
            : $"Er is geen workflow '{id}'.");
}
