using RegioFlow.Data;

namespace RegioFlow.Tests.Data;

public sealed class ReferenceDataSeederTests
{
    [Fact]
    public void The_embedded_seed_file_holds_ten_regions_with_ninety_gemeenten()
    {
        var regions = ReferenceDataSeeder.ReadRegions();

        Assert.Equal(10, regions.Count);
        Assert.Equal(90, regions.Sum(r => r.Gemeenten.Count));
        var achterhoek = Assert.Single(regions, r => r.Code == "achterhoek");
        Assert.Equal(("Gelderland", "Doetinchem"), (achterhoek.Province, achterhoek.Centrumgemeente));
        Assert.Contains("Oude IJsselstreek", achterhoek.Gemeenten);
    }

    [Fact]
    public void Rows_that_are_incomplete_are_left_out()
    {
        var regions = ReferenceDataSeeder.ParseRegions("arbeidsmarktregio,province,centrumgemeente,gemeente\nA,B,C,D\nA,B,C\n,B,C,E\nA,B,C,D\n");

        var region = Assert.Single(regions);
        Assert.Equal(["D"], region.Gemeenten);
    }

    [Theory]
    [InlineData("Zuid-Holland Centraal", "zuid-holland-centraal")]
    [InlineData("Holland-Rijnland", "holland-rijnland")]
    [InlineData("Súdwest-Fryslân", "sudwest-fryslan")]
    public void Region_codes_are_lower_case_slugs_without_diacritics(string name, string code) =>
        Assert.Equal(code, ReferenceDataSeeder.Slug(name));
}
