using RegioFlow.Workflows;

namespace RegioFlow.Tests.Workflows;

/// <summary>
/// Every definition in workflows/ (and the integration tests' definitions) loads without errors, and the Mermaid diagram
/// checked in beside it is current. REGIOFLOW_UPDATE_DIAGRAMS=1 rewrites the .mmd files instead of failing.
/// </summary>
public sealed class WorkflowFilesTests
{
    private static readonly string Root = FindRoot();

    private static readonly string[] Folders =
    [
        Path.Combine(Root, "workflows"),
        Path.Combine(Root, "tests", "RegioFlow.IntegrationTests", "Workflows", "Definitions"),
    ];

    [Fact]
    public void Every_definition_file_loads_without_errors()
    {
        var (definitions, errors) = WorkflowDefinitionLoader.LoadFolder(Folders, WorkflowSetup.Names, Root);

        Assert.Empty(errors.Select(e => e.ToString()));
        Assert.Contains(definitions, d => d.Id == "test-zaak");
    }

    [Fact]
    public void Every_definition_has_a_current_diagram_beside_it()
    {
        var (definitions, _) = WorkflowDefinitionLoader.LoadFolder(Folders, WorkflowSetup.Names, Root);
        var guards = WorkflowSetup.Guards.ToDictionary(g => g.Name);
        var update = Environment.GetEnvironmentVariable("REGIOFLOW_UPDATE_DIAGRAMS") == "1";
        var stale = new List<string>();
        foreach (var definition in definitions)
        {
            var path = Path.ChangeExtension(Path.Combine(Root, definition.SourcePath), ".mmd");
            var expected = CaseMachine.Mermaid(definition, guards);
            if (File.Exists(path) && File.ReadAllText(path) == expected)
            {
                continue;
            }

            if (update)
            {
                File.WriteAllText(path, expected);
            }
            else
            {
                stale.Add(Path.GetRelativePath(Root, path));
            }
        }

        Assert.True(stale.Count == 0, $"Stale or missing diagrams: {string.Join(", ", stale)}. Run `REGIOFLOW_UPDATE_DIAGRAMS=1 dotnet test --project tests/RegioFlow.Tests` and commit the .mmd files.");
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RegioFlow.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("RegioFlow.sln not found");
    }
}
