using RegioFlow.Workflows;

namespace RegioFlow.Tests.Workflows;

/// <summary>One test per kind of definition error; each asserts the file and the exact line named in the message.</summary>
public sealed class WorkflowDefinitionLoaderTests
{
    private const string Path = "workflows/aanvraag/aanvraag.v1.yaml";

    private static readonly WorkflowNames Names = new(
        new HashSet<string> { "niet-opgeschort", "binnen-beslistermijn" },
        new HashSet<string> { "budget-vrijgeven" },
        new HashSet<string> { "herinnering-aanvulling", "escalatie-termijn" });

    // Line numbers below refer to this text (line 1 = "id: aanvraag").
    private const string Valid = """
        id: aanvraag
        version: 1
        status: gepubliceerd
        beginGeldigheid: 2026-01-01
        zaaktype:
          omschrijving: Subsidieaanvraag
          doorlooptijd: P8W
          servicenorm: P6W
          opschortingMogelijk: true
          verlengingMogelijk: true
          verlengingstermijn: P8W
        initialState: ingediend
        states:
          - id: ingediend
            label: Ingediend
            statustype: { volgnummer: 1, informeren: true }
            transitions:
              - trigger: aanvulling-vragen
                target: wacht-op-aanvulling
                roles: [behandelaar]
              - trigger: besluiten
                target: besloten
                guard: niet-opgeschort
                roles: [beslisser]
                parameters: [besluit]
          - id: wacht-op-aanvulling
            label: Wacht op aanvulling
            suspendsClocks: true
            transitions:
              - trigger: aanvullen
                target: ingediend
                roles: [initiator]
              - trigger: termijn-verlopen
                target: besloten
                roles: [systeem]
            timers:
              - id: herinnering
                after: P10D
                kind: reminder
                notification: herinnering-aanvulling
                recipientRole: initiator
                escalation: { after: P14D, notification: escalatie-termijn, recipientRole: behandelaar }
              - id: hersteltermijn
                after: P3W
                kind: timeout
                trigger: termijn-verlopen
          - id: besloten
            label: Besloten
            terminal: true
        """;

    [Fact]
    public void A_valid_definition_loads_into_the_model()
    {
        var (definition, errors) = WorkflowDefinitionLoader.Load(Path, Valid, Names);

        Assert.Empty(errors);
        Assert.NotNull(definition);
        Assert.Equal(("aanvraag", 1, DefinitionStatus.Gepubliceerd), (definition.Id, definition.Version, definition.Status));
        Assert.Equal(IsoDuration.Parse("P8W"), definition.CaseType.Doorlooptijd);
        var waiting = definition.State("wacht-op-aanvulling");
        Assert.True(waiting.SuspendsClocks);
        Assert.Equal(["aanvullen", "termijn-verlopen"], waiting.Transitions.Select(t => t.Trigger));
        var reminder = waiting.Timers[0];
        Assert.Equal((TimerKind.Reminder, "initiator", "behandelaar"), (reminder.Kind, reminder.RecipientRole, reminder.Escalation!.RecipientRole));
        Assert.Equal(22, definition.State("ingediend").Transitions[1].Line); // the line of its target
        Assert.Equal(64, definition.Sha256.Length);
    }

    [Fact]
    public void Reports_an_unknown_target_with_file_and_line() =>
        AssertError(Valid.Replace("target: besloten\n        guard", "target: toegekend\n        guard"), 22, "onbekende doeltoestand 'toegekend'");

    [Fact]
    public void Reports_a_duplicate_state() =>
        AssertError(Valid.Replace("  - id: besloten\n    label: Besloten", "  - id: ingediend\n    label: Besloten"), 47, "toestand 'ingediend' staat er twee keer in");

    [Fact]
    public void Reports_an_unreachable_state() =>
        AssertError(Valid + "\n  - id: vergeten\n    label: Vergeten\n    terminal: true", 50, "toestand 'vergeten' is onbereikbaar");

    [Fact]
    public void Reports_an_unknown_guard() =>
        AssertError(Valid.Replace("guard: niet-opgeschort", "guard: budget-beschikbaar"), 22, "onbekende guard 'budget-beschikbaar'");

    [Fact]
    public void Reports_two_unguarded_transitions_on_one_trigger() =>
        AssertError(Valid.Replace("        guard: niet-opgeschort\n", "").Replace("trigger: aanvulling-vragen", "trigger: besluiten"), 22,
            "trigger 'besluiten' heeft in toestand 'ingediend' meerdere transities zonder onderscheidende guard");

    [Fact]
    public void Reports_a_timer_firing_an_unknown_trigger() =>
        AssertError(Valid.Replace("trigger: termijn-verlopen\n  - id: besloten", "trigger: termijn-voorbij\n  - id: besloten"), 43,
            "timer 'hersteltermijn' vuurt onbekende trigger 'termijn-voorbij'");

    [Fact]
    public void Reports_a_bad_duration() =>
        AssertError(Valid.Replace("after: P3W", "after: P3X"), 44, "'P3X' is geen ISO 8601-duur");

    [Fact]
    public void Reports_a_yaml_syntax_error() =>
        AssertError(Valid.Replace("label: Ingediend", "label: Ingediend: en verder"), 15, "YAML-syntaxfout");

    /// <summary>YamlDotNet throws a position-less InvalidOperationException here; the loader still names the line.</summary>
    [Fact]
    public void Reports_an_unclosed_bracket_without_crashing() =>
        AssertError(Valid.Replace("label: Ingediend", "label: [Ingediend"), 15, "YAML-syntaxfout");

    [Fact]
    public void Reports_an_unknown_key() =>
        AssertError(Valid.Replace("roles: [initiator]", "rollen: [initiator]"), 32, "onbekende sleutel 'rollen'");

    [Fact]
    public void Reports_an_unknown_role() =>
        AssertError(Valid.Replace("roles: [beslisser]", "roles: [wethouder]"), 22, "onbekende rol 'wethouder'");

    [Fact]
    public void A_state_names_the_registered_effects_it_runs_on_entry()
    {
        var (definition, errors) = WorkflowDefinitionLoader.Load(Path, Valid + "\n    onEntry: [budget-vrijgeven]", Names);

        Assert.Empty(errors);
        Assert.Equal(["budget-vrijgeven"], definition!.State("besloten").OnEntry);
    }

    [Fact]
    public void Reports_an_unknown_effect_with_the_line_of_its_state() =>
        AssertError(Valid + "\n    onEntry: [geld-terug]", 47, "onbekend effect 'geld-terug' in toestand 'besloten'; bekend: budget-vrijgeven");

    [Fact]
    public void Reports_a_terminal_state_with_transitions() =>
        AssertError(Valid + "\n    transitions:\n      - trigger: heropenen\n        target: ingediend\n        roles: [beheerder]", 47,
            "eindtoestand 'besloten' mag geen transities of timers hebben");

    [Fact]
    public void Reports_an_escalation_that_comes_before_its_reminder() =>
        AssertError(Valid.Replace("escalation: { after: P14D", "escalation: { after: P7D"), 37, "moet later komen dan de herinnering");

    [Fact]
    public void Reports_overlapping_validity_of_two_published_versions_naming_both_files()
    {
        var root = Directory.CreateTempSubdirectory("regioflow-workflows-");
        try
        {
            var folder = Directory.CreateDirectory(System.IO.Path.Combine(root.FullName, "aanvraag"));
            File.WriteAllText(System.IO.Path.Combine(folder.FullName, "aanvraag.v1.yaml"), Valid);
            File.WriteAllText(System.IO.Path.Combine(folder.FullName, "aanvraag.v2.yaml"), Valid.Replace("version: 1", "version: 2").Replace("beginGeldigheid: 2026-01-01", "beginGeldigheid: 2026-06-01"));

            var (definitions, errors) = WorkflowDefinitionLoader.LoadFolder([root.FullName], Names, root.FullName);

            var error = Assert.Single(errors);
            Assert.Equal((System.IO.Path.Combine("aanvraag", "aanvraag.v2.yaml"), 1), (error.Path, error.Line));
            Assert.Contains("overlapt met gepubliceerde versie 1", error.Message);
            Assert.Contains("aanvraag.v1.yaml", error.Message);
            Assert.Single(definitions);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_version_that_ends_before_the_next_begins_does_not_overlap()
    {
        var root = Directory.CreateTempSubdirectory("regioflow-workflows-");
        try
        {
            var folder = Directory.CreateDirectory(System.IO.Path.Combine(root.FullName, "aanvraag"));
            File.WriteAllText(System.IO.Path.Combine(folder.FullName, "aanvraag.v1.yaml"), Valid.Replace("beginGeldigheid: 2026-01-01", "beginGeldigheid: 2026-01-01\neindeGeldigheid: 2026-05-31"));
            File.WriteAllText(System.IO.Path.Combine(folder.FullName, "aanvraag.v2.yaml"), Valid.Replace("version: 1", "version: 2").Replace("beginGeldigheid: 2026-01-01", "beginGeldigheid: 2026-06-01"));

            var (definitions, errors) = WorkflowDefinitionLoader.LoadFolder([root.FullName], Names, root.FullName);

            Assert.Empty(errors);
            Assert.Equal([1, 2], definitions.Select(d => d.Version));
            Assert.Equal(2, new WorkflowRegistry(definitions).ValidOn("aanvraag", new DateOnly(2026, 7, 1)).Version);
            Assert.Equal(1, new WorkflowRegistry(definitions).ValidOn("aanvraag", new DateOnly(2026, 5, 31)).Version);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void Reports_a_file_name_that_does_not_match_id_and_version()
    {
        var root = Directory.CreateTempSubdirectory("regioflow-workflows-");
        try
        {
            var folder = Directory.CreateDirectory(System.IO.Path.Combine(root.FullName, "aanvraag"));
            File.WriteAllText(System.IO.Path.Combine(folder.FullName, "aanvraag.v3.yaml"), Valid);

            var (_, errors) = WorkflowDefinitionLoader.LoadFolder([root.FullName], Names, root.FullName);

            var error = Assert.Single(errors);
            Assert.Contains("verwacht aanvraag", error.Message);
            Assert.Contains("aanvraag.v1.yaml", error.Message);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static void AssertError(string yaml, int line, string message)
    {
        var (definition, errors) = WorkflowDefinitionLoader.Load(Path, yaml, Names);

        Assert.True(errors.Any(e => e.Path == Path && e.Line == line && e.Message.Contains(message, StringComparison.Ordinal)),
            $"expected {Path}:{line}: …{message}…, got: {string.Join(" | ", errors)}");
        Assert.StartsWith($"{Path}:{errors[0].Line}: ", errors[0].ToString());
        Assert.Null(definition);
    }
}
