using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegioFlow.Auth;
using RegioFlow.Data;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Applications;

/// <summary>
/// The upload route's request size limit on the real server. The test server has no request-size feature, so this
/// starts the app on Kestrel at 127.0.0.1 with a database of its own.
/// </summary>
public sealed class DocumentUploadLimitTests
{
    [Fact]
    public async Task An_upload_far_over_20_MB_is_refused_by_the_route_limit_with_413_in_Dutch_and_nothing_is_stored()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new RegioFlowAppFactory(database);
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        using var client = new HttpClient { BaseAddress = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegioFlowDbContext>();
            var lead = await db.Users.AsNoTracking().SingleAsync(u => u.ExternalId == "initiatiefnemer", cancellation);
            var (token, _) = scope.ServiceProvider.GetRequiredService<DevelopmentTokenIssuer>().Issue(lead);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            client.DefaultRequestHeaders.ExpectContinue = true; // a well-behaved client waits, so it reads the refusal instead of a reset
            var schemeId = await db.Schemes.Where(s => s.Name == RegioFlow.Data.DemoDataSeeder.RegioDealName).Select(s => s.Id).SingleAsync(cancellation);
            var created = await client.PostAsJsonAsync("/api/applications", ExecutionTest.DraftFor(schemeId, 50_000m), cancellation);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("id").GetGuid();
            var content = new byte[24 * 1024 * 1024];
            "%PDF-1.7\n"u8.CopyTo(content);
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");

            var response = await client.PostAsync($"/api/applications/{id}/documents", new MultipartFormDataContent { { file, "file", "scan.pdf" } }, cancellation);

            var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
            Assert.Contains("hoogstens 20 MB", problem.GetProperty("detail").GetString());
            Assert.Equal(0, await db.Documents.CountAsync(cancellation));
        }
    }
}
