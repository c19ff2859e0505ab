using RegioFlow.Domain;

namespace RegioFlow.Tests.Domain;

public sealed class InitiativeTests
{
    [Fact]
    public void Kpi_actuals_update_the_matching_kpis_and_an_unknown_indicator_changes_nothing()
    {
        var initiative = new Initiative(Guid.NewGuid(), new InitiativeContent("Zij-instroom", "", "", [], [], null, null, null, [], [], [],
            [new Kpi("zij-instromers in dienst", 60m, null), new Kpi("werkgevers betrokken", 20m, 4m)], null), DateTimeOffset.UnixEpoch);

        Assert.Equal(["tevredenheid"], initiative.UnknownIndicators([new KpiActual("Zij-instromers in dienst", 1m), new KpiActual("tevredenheid", 8m)]));
        Assert.Throws<InvalidOperationException>(() => initiative.RecordKpiActuals([new KpiActual("zij-instromers in dienst", 1m), new KpiActual("tevredenheid", 8m)]));
        initiative.RecordKpiActuals([new KpiActual("Zij-instromers in dienst", 12m)]);

        Assert.Equal([12m, 4m], initiative.Kpis.Select(k => k.Actual));
    }
}
