using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using RegioFlow.Auth;

namespace RegioFlow.Tests.Auth;

public sealed class AuthModeResolverTests
{
    [Fact]
    public void Development_environment_without_entra_settings_uses_development_sign_in()
    {
        var (mode, problem) = AuthModeResolver.Resolve(Config(), Environment("Development"));

        Assert.Equal(AuthMode.Development, mode);
        Assert.Null(problem);
    }

    [Fact]
    public void Production_without_entra_settings_is_refused_with_what_to_configure()
    {
        var (mode, problem) = AuthModeResolver.Resolve(Config(), Environment("Production"));

        Assert.Null(mode);
        Assert.Contains("AzureAd:ClientId", problem);
        Assert.Contains("AzureAd:TenantId", problem);
        Assert.Contains("Auth:Mode=Development", problem);
    }

    [Fact]
    public void A_client_id_selects_entra_id_in_any_environment()
    {
        var (mode, _) = AuthModeResolver.Resolve(Config(("AzureAd:ClientId", "abc")), Environment("Development"));

        Assert.Equal(AuthMode.EntraId, mode);
    }

    [Fact]
    public void An_explicit_development_mode_is_honoured_in_production()
    {
        var (mode, _) = AuthModeResolver.Resolve(Config(("Auth:Mode", "development"), ("AzureAd:ClientId", "abc")), Environment("Production"));

        Assert.Equal(AuthMode.Development, mode);
    }

    [Theory]
    [InlineData("Kerberos", "onbekend")]
    [InlineData("EntraId", "AzureAd:ClientId is leeg")]
    public void A_mode_that_cannot_work_is_explained(string configured, string expected)
    {
        var (mode, problem) = AuthModeResolver.Resolve(Config(("Auth:Mode", configured)), Environment("Production"));

        Assert.Null(mode);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void A_development_signing_key_shorter_than_32_characters_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new DevelopmentTokenIssuer(new DevelopmentAuthOptions { SigningKey = "kort" }, TimeProvider.System));

        Assert.Contains("32", error.Message);
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    private static IHostEnvironment Environment(string name) => new TestHostEnvironment { EnvironmentName = name };

    private sealed class TestHostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "";

        public string ApplicationName { get; set; } = "RegioFlow";

        public string ContentRootPath { get; set; } = "";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
