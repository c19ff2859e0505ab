using RegioFlow.Features.Organisations;

namespace RegioFlow.Tests.Features.Organisations;

public sealed class CreateOrganisationTests
{
    [Theory]
    [InlineData("Gemeente", true)]
    [InlineData("mboschool", true)]
    [InlineData("OenOFonds", true)]
    [InlineData("3", false)]
    [InlineData("Bakkerij", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_named_organisation_kinds_are_accepted(string? kind, bool accepted) =>
        Assert.Equal(accepted, CreateOrganisation.Validator.BeAKnownKind(kind));
}
