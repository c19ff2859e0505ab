using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Api;

public sealed class OpenApiTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_openapi_document_lists_every_api_endpoint()
    {
        var document = await App.AnonymousClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Cancellation);
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();

        var mapped = App.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Normalise(e.RoutePattern.RawText!)}"))
            .ToHashSet();

        Assert.NotEmpty(mapped);
        Assert.Contains("POST /api/organisations", mapped);
        Assert.Empty(mapped.Except(documented));
    }

    [Fact]
    public async Task The_api_reference_page_is_served_without_sign_in()
    {
        var response = await App.AnonymousClient().GetAsync("/api-docs/", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("RegioFlow API", await response.Content.ReadAsStringAsync(Cancellation));
    }

    /// <summary>"/api/regions/{id:int}" is documented as "/api/regions/{id}".</summary>
    private static string Normalise(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern.TrimEnd('/'), @"\{([^}:]+):[^}]+\}", "{$1}");
}
