using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Applications;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Vouchers;

/// <summary>Shared steps of the voucher tests: the two seeded voucher schemes, a request body, requesting and deciding.</summary>
public abstract class VoucherTest(AppFixture app) : ExecutionTest(app)
{
    protected Task<Guid> OpijverIdAsync() => App.QueryAsync(db => db.Schemes.Where(s => s.Name == DemoDataSeeder.OpijverName).Select(s => s.Id).SingleAsync(Cancellation));

    protected Task<Guid> RotterdamIdAsync() => App.QueryAsync(db => db.Schemes.Where(s => s.Name == DemoDataSeeder.RotterdamName).Select(s => s.Id).SingleAsync(Cancellation));

    protected Task<Scheme> SchemeNamedAsync(string name) => App.QueryAsync(db => db.Schemes.AsNoTracking().SingleAsync(s => s.Name == name, Cancellation));

    protected Task<Guid> ProviderIdAsync() => App.QueryAsync(db => db.Organisations.Where(o => o.Name == "Opleidingscentrum Techniek Oost").Select(o => o.Id).SingleAsync(Cancellation));

    /// <summary>A request of a 35-year-old employed resident of Doetinchem for a € 3,000 technical course.</summary>
    protected static object Body(Guid schemeId, Guid providerId, string name = "Jan de Groot", string dateOfBirth = "1990-05-01", string gemeente = "Doetinchem",
        string employmentStatus = "Werkend", bool recognised = false, decimal price = 3_000m, string training = "Vakopleiding Monteur Warmtepompen", string startDate = "2026-03-01") => new
    {
        schemeId,
        person = new { name, dateOfBirth, email = "jan@example.invalid", gemeente, employmentStatus, employerName = employmentStatus == "Werkend" ? "Installatiebedrijf Oost BV" : null },
        training = new { providerOrganisationId = providerId, name = training, recognised, startDate, price },
    };

    protected async Task<JsonElement> RequestAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/vouchers", body, Cancellation);
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/vouchers: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    protected Task<HttpResponseMessage> DecideAsync(HttpClient client, Guid id, string decision, string? motivation = null) =>
        client.PostAsJsonAsync($"/api/vouchers/{id}/decision", new { decision, motivation }, Cancellation);

    protected Task<string> VoucherStateAsync(Guid voucherId) => App.QueryAsync(db =>
        db.Vouchers.Where(v => v.Id == voucherId).Join(db.Cases, v => v.CaseId, c => c.Id, (v, c) => c.State).SingleAsync(Cancellation));

    /// <summary>A signed-in person with one role and, optionally, one organisation.</summary>
    protected async Task AddPersonAsync(string login, Role role, string? organisation = null) =>
        await App.QueryAsync(async db =>
        {
            var user = new UserAccount(login, $"Test {login}", $"{login}@test.regioflow.invalid", [role], isDemo: false, App.Clock.GetUtcNow());
            if (organisation is not null)
            {
                user.JoinOrganisation(await db.Organisations.SingleAsync(o => o.Name == organisation, Cancellation), "Testgebruiker");
            }

            db.Users.Add(user);
            return await db.SaveChangesAsync(Cancellation);
        });
}
