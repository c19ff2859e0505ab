using Microsoft.Extensions.Configuration;
using RegioFlow.Data;

namespace RegioFlow.Tests.Data;

public sealed class DatabaseSetupTests
{
    [Fact]
    public void The_defaults_are_a_usable_embedded_database() =>
        Assert.Empty(DatabaseSetup.FindConfigurationProblems(Config()));

    [Fact]
    public void Postgres_without_a_connection_string_is_explained() =>
        Assert.Contains("ConnectionStrings:RegioFlow is leeg", Assert.Single(DatabaseSetup.FindConfigurationProblems(Config(("Database:Provider", "Postgres")))));

    [Fact]
    public void An_unknown_provider_is_explained() =>
        Assert.Contains("'Sqlite' (standaard) of 'Postgres'", Assert.Single(DatabaseSetup.FindConfigurationProblems(Config(("Database:Provider", "Oracle")))));

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();
}
