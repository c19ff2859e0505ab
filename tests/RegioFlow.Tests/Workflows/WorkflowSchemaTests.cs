using System.Globalization;
using System.Text.Json.Nodes;
using NJsonSchema;
using RegioFlow.Workflows;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RegioFlow.Tests.Workflows;

/// <summary>
/// workflows/schema/workflow.schema.json describes the format for people and editors; the loader enforces the same
/// structure in code (with exact lines). These tests keep the two in step: what one accepts, the other accepts.
/// </summary>
public sealed class WorkflowSchemaTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public async Task Every_definition_file_is_valid_against_the_schema()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(Root, "workflows", "schema", "workflow.schema.json"), TestContext.Current.CancellationToken);
        var files = new[] { "workflows", Path.Combine("tests", "RegioFlow.IntegrationTests", "Workflows", "Definitions") }
            .Select(folder => Path.Combine(Root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories))
            .ToList();

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.Empty(schema.Validate(ToJson(File.ReadAllText(file))).Select(e => $"{file}: {e}")));
    }

    [Theory]
    [InlineData("roles: [behandelaar]", "rollen: [behandelaar]")]   // unknown key
    [InlineData("kind: timeout", "kind: later")]                   // not an allowed kind
    [InlineData("after: PT4S", "after: 4 seconden")]               // not a duration
    [InlineData("roles: [behandelaar]", "roles: [wethouder]")]      // not a case role
    [InlineData("version: 1", "version: een")]                     // not an integer
    [InlineData("terminal: true", "terminal: true\n    onEntry: [Geld terug]")] // an effect name that is not kebab-case
    public async Task The_schema_and_the_loader_both_reject_a_structural_error(string from, string to)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(Root, "workflows", "schema", "workflow.schema.json"), TestContext.Current.CancellationToken);
        var valid = File.ReadAllText(Path.Combine(Root, "tests", "RegioFlow.IntegrationTests", "Workflows", "Definitions", "test-zaak", "test-zaak.v1.yaml"));
        var broken = valid.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(valid, broken);

        var (definition, errors) = WorkflowDefinitionLoader.Load("test.yaml", broken, WorkflowSetup.Names);

        Assert.NotEmpty(schema.Validate(ToJson(broken)));
        Assert.Null(definition);
        Assert.NotEmpty(errors);
    }

    /// <summary>YAML to JSON with YAML 1.2 core scalars: integers, true/false and null are typed; the rest is text.</summary>
    private static string ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode)!.ToJsonString();
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" or "~" or "" } => null,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } scalar => JsonValue.Create(scalar.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType}"),
    };

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
