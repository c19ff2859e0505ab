using RegioFlow.Data;
using RegioFlow.Domain;

namespace RegioFlow.Tests.Data;

public sealed class ChecklistSeederTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_toetsingskader_achterhoek_has_the_borging_check_nine_questions_and_three_dimensions()
    {
        var checklist = ChecklistSeeder.Read(Now);

        Assert.Equal(("toetsingskader-achterhoek", 1), (checklist.Id, checklist.Version));
        Assert.Equal(
            ["BORG", "TK-01", "TK-02", "TK-03", "TK-04", "TK-05", "TK-06", "TK-07", "TK-08", "TK-09", "D-UITVOERBAARHEID", "D-OMVANG", "D-IMPACT"],
            checklist.Items.Select(i => i.Code));
        Assert.Equal(3, checklist.Items.Count(i => i.Kind == ChecklistItemKind.Dimensie));
        Assert.All(checklist.Items.Where(i => i.Code.StartsWith("TK-", StringComparison.Ordinal) || i.Code == "BORG"), i => Assert.Equal(ChecklistItemKind.Vraag, i.Kind));
    }

    [Fact]
    public void Only_TK_03_and_TK_08_are_optional()
    {
        var checklist = ChecklistSeeder.Read(Now);

        Assert.Equal(["TK-03", "TK-08"], checklist.Items.Where(i => !i.Mandatory).Select(i => i.Code));
    }

    [Fact]
    public void The_questions_are_in_Dutch_verbatim_with_an_English_translation()
    {
        var items = ChecklistSeeder.Read(Now).Items.ToDictionary(i => i.Code);

        Assert.Equal("Welk \"probleem\" beoogt dit project op te lossen?", items["TK-01"].Text);
        Assert.StartsWith("Lopen er vergelijkbare projecten", items["TK-06"].Text);
        Assert.Equal("Cost-benefit analysis: are the requested resources proportionate to the potential impact?", items["TK-09"].TextEn);
        Assert.All(items.Values, i => Assert.False(string.IsNullOrWhiteSpace(i.TextEn)));
    }
}
