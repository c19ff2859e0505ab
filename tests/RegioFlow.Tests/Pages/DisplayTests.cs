using RegioFlow.Common;
using RegioFlow.Pages.Applications;

namespace RegioFlow.Tests.Pages;

public sealed class DisplayTests
{
    [Fact]
    public void A_granted_amount_on_the_timeline_reads_as_money_not_as_an_invariant_number() =>
        Assert.Equal($"bedrag: {Money.Format(120_000m)}", Display.Parameters("""{"bedrag":"120000.00"}"""));

    [Fact]
    public void Other_parameters_stay_as_they_were_given() =>
        Assert.Equal("advies: positief; motivering: Goed plan, 120000.00 is genoeg.",
            Display.Parameters("""{"advies":"positief","motivering":"Goed plan, 120000.00 is genoeg."}"""));

    [Theory]
    [InlineData("positief", "Positief")]
    [InlineData("negatief", "Negatief")]
    [InlineData("aanhouden", "Aanhouden")]
    public void The_advice_is_written_as_on_the_toetsing_page(string advice, string shown) => Assert.Equal(shown, Display.Advice(advice));
}
