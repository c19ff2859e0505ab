using Stateless;
using Stateless.Graph;

namespace RegioFlow.Workflows;

/// <summary>
/// Builds a fresh Stateless machine for one command from a definition, with the case's state as external storage.
/// Only transitions and guards live in the machine; what entering or leaving a state means (journal, deadlines,
/// clocks) is recorded by <see cref="CaseService"/>, so nothing happens outside the one SaveChanges.
/// </summary>
internal static class CaseMachine
{
    public static StateMachine<string, string> Build(WorkflowDefinition definition, Func<string> state, Action<string> setState, Func<string, (bool Met, string Description)> guard)
    {
        var machine = new StateMachine<string, string>(state, setState);
        foreach (var stateDefinition in definition.States)
        {
            var configuration = machine.Configure(stateDefinition.Id);
            foreach (var transition in stateDefinition.Transitions)
            {
                if (transition.Guard is { } name)
                {
                    var description = guard(name).Description;
                    if (transition.Target == stateDefinition.Id)
                    {
                        configuration.PermitReentryIf(transition.Trigger, () => guard(name).Met, description);
                    }
                    else
                    {
                        configuration.PermitIf(transition.Trigger, transition.Target, () => guard(name).Met, description);
                    }
                }
                else if (transition.Target == stateDefinition.Id)
                {
                    configuration.PermitReentry(transition.Trigger);
                }
                else
                {
                    configuration.Permit(transition.Trigger, transition.Target);
                }
            }
        }

        return machine;
    }

    /// <summary>The definition as a Mermaid state diagram (checked in beside each definition as .mmd).</summary>
    public static string Mermaid(WorkflowDefinition definition, IReadOnlyDictionary<string, IWorkflowGuard> guards)
    {
        var state = definition.InitialState;
        var machine = Build(definition, () => state, s => state = s, name => (true, guards.TryGetValue(name, out var g) ? g.Description : name));
        return MermaidGraph.Format(machine.GetInfo()).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>The definition in Graphviz dot.</summary>
    public static string Dot(WorkflowDefinition definition, IReadOnlyDictionary<string, IWorkflowGuard> guards)
    {
        var state = definition.InitialState;
        var machine = Build(definition, () => state, s => state = s, name => (true, guards.TryGetValue(name, out var g) ? g.Description : name));
        return UmlDotGraph.Format(machine.GetInfo()).Replace("\r\n", "\n");
    }
}
