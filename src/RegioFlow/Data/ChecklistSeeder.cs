using Microsoft.EntityFrameworkCore;
using RegioFlow.Domain;
using YamlDotNet.RepresentationModel;

namespace RegioFlow.Data;

/// <summary>
/// Loads the toetsingskader Achterhoek (embedded copy of shared/domain/data/toetsingskader-achterhoek.yaml) as checklist
/// version 1: the nine questions verbatim, a borging check up front, and the three dimensions every proposal is weighed
/// on. Questions that only apply in some cases (TK-03: "wanneer het project niet direct aansluit", TK-08: "wanneer er in
/// het verleden een vergelijkbaar project gelopen heeft") are optional; the rest are mandatory. Idempotent: a published
/// version is never changed.
/// </summary>
internal static class ChecklistSeeder
{
    internal const string Resource = "RegioFlow.Data.Seed.toetsingskader-achterhoek.yaml";
    internal const string AchterhoekId = "toetsingskader-achterhoek";

    private static readonly HashSet<string> Optional = ["TK-03", "TK-08"];

    private static readonly Dictionary<string, (string Nl, string En)> Dimensions = new()
    {
        ["uitvoerbaarheid"] = ("Uitvoerbaarheid: is het plan met deze partners, dit budget en deze planning uit te voeren?", "Feasibility"),
        ["omvang"] = ("Omvang: hoeveel mensen, werkgevers of opleidingen bereikt het initiatief?", "Scale"),
        ["impact"] = ("Impact: wat verandert er blijvend op de regionale arbeidsmarkt?", "Impact"),
    };

    public static async Task SeedAsync(RegioFlowDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var checklist = Read(clock.GetUtcNow());
        if (!await db.Checklists.AnyAsync(c => c.Id == checklist.Id && c.Version == checklist.Version, cancellationToken))
        {
            db.Checklists.Add(checklist);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public static Checklist Read(DateTimeOffset now)
    {
        using var stream = typeof(ChecklistSeeder).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Seed resource {Resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!.Trim();

        List<ChecklistItem> items =
        [
            new("BORG", "Borging: is vooraf duidelijk wie het initiatief na de financiering draagt, hoe het dan betaald wordt en bij welke bestaande dienstverlening het aansluit?",
                "Sustainment: is it clear up front who carries the initiative after the funding, how it is paid for then and which existing services it joins?", true, ChecklistItemKind.Vraag),
        ];
        foreach (var item in ((YamlSequenceNode)root.Children[new YamlScalarNode("items")]).Children.Cast<YamlMappingNode>())
        {
            var code = Scalar(item, "code");
            items.Add(new ChecklistItem(code, Scalar(item, "nl"), Scalar(item, "en"), !Optional.Contains(code), ChecklistItemKind.Vraag));
        }

        foreach (var dimension in ((YamlSequenceNode)root.Children[new YamlScalarNode("dimensions")]).Children.Cast<YamlScalarNode>())
        {
            var (nl, en) = Dimensions[dimension.Value!];
            items.Add(new ChecklistItem($"D-{dimension.Value!.ToUpperInvariant()}", nl, en, true, ChecklistItemKind.Dimensie));
        }

        return new Checklist(Scalar(root, "id"), int.Parse(Scalar(root, "version"), System.Globalization.CultureInfo.InvariantCulture),
            "Toetsingskader Achterhoek", Scalar(root, "owner"), items, now);
    }
}
