using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RegioFlow.Auth;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Jobs;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Browser;

/// <summary>
/// The app on Kestrel at 127.0.0.1 (own database of this run's provider) and Debian's headless Chromium driven by
/// Playwright. Chromium runs with background networking off: this machine has no network beyond loopback.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private TestDatabase _database = null!;
    private RegioFlowAppFactory _factory = null!;
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseAddress { get; private set; } = "";

    public static async Task<BrowserSession> StartAsync()
    {
        TestEnvironment.RequireChromium();
        var session = new BrowserSession { _database = await TestDatabase.CreateAsync() };
        session._factory = new RegioFlowAppFactory(session._database);
        session._factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        session._factory.StartServer();
        session.BaseAddress = session._factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        session._playwright = await Playwright.CreateAsync();
        session.Browser = await session._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return session;
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress, Locale = "nl-NL" });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// An API client for a seeded demo user against the same app (bearer token from the app's development issuer), to
    /// bring a case to the step the browser test is about without clicking through pages other tests cover.
    /// </summary>
    public async Task<HttpClient> ApiClientAsAsync(string login)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<RegioFlowDbContext>().Users.AsNoTracking().SingleAsync(u => u.ExternalId == login);
        var (token, _) = _factory.Services.GetRequiredService<DevelopmentTokenIssuer>().Issue(user);
        var client = new HttpClient { BaseAddress = new Uri(BaseAddress) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Lets an application's planned deadline fall due now and fires it as Hangfire would once its time came: this app
    /// runs on the real clock, so a six-week bezwaartermijn cannot be waited out.
    /// </summary>
    public async Task FireDeadlineNowAsync(Guid applicationId, string timerId)
    {
        Guid deadlineId;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegioFlowDbContext>();
            var caseId = await db.FundingApplications.Where(a => a.Id == applicationId).Select(a => a.CaseId).SingleAsync();
            deadlineId = await db.CaseDeadlines.Where(d => d.CaseId == caseId && d.TimerId == timerId && d.Status == DeadlineStatus.Planned).Select(d => d.Id).SingleAsync();
            await db.CaseDeadlines.Where(d => d.Id == deadlineId).ExecuteUpdateAsync(u => u.SetProperty(d => d.DueAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        await using var jobScope = _factory.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<FireDeadlineJob>(jobScope.ServiceProvider).RunAsync(deadlineId, null, CancellationToken.None);
    }

    /// <summary>Screenshots land beside the test binaries (TestResults/screenshots) for a person to look at.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
