using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Applications;

/// <summary>
/// Walks every API route that names an application, its case or its initiative with every role, played by people who
/// hold that role elsewhere (another organisation, another table, another board, another fund). None of them may see or
/// change anything. The routes come from the app's own endpoint list, so a new route without a sample request here
/// fails the walk instead of going unchecked.
/// </summary>
public sealed class AuthorisationWalkTests(AppFixture app) : SubsidyTest(app)
{
    /// <summary>One person per role, each a member of Rijnmond organisations and bodies only.</summary>
    private static readonly (string Login, Role[] Roles)[] Strangers =
    [
        ("rijnmond-initiatiefnemer", [Role.InitiativeLead]),
        ("rijnmond-aanvrager", [Role.VoucherApplicant]),
        ("rijnmond-opleider", [Role.TrainingProvider]),
        ("rijnmond-tafellid", [Role.TableMember]),
        ("rijnmond-tafelvoorzitter", [Role.TableChair, Role.TableMember]),
        ("rijnmond-beslisser", [Role.DecisionBodyMember]),
        ("rijnmond-fondsbeheerder", [Role.FundAdministrator]),
    ];

    /// <summary>Routes about one application that are not about a single application (lists, creation).</summary>
    private static readonly HashSet<string> NotPerApplication = ["GET /api/applications", "POST /api/applications"];

    [Fact]
    public async Task No_role_sees_or_changes_an_application_that_is_not_theirs_on_any_route()
    {
        var subject = await SubjectAsync();
        await SeedRijnmondAsync();
        var routes = PerApplicationRoutes();
        Assert.NotEmpty(routes);
        var unknown = routes.Where(r => !Samples.ContainsKey(r)).ToList();
        Assert.True(unknown.Count == 0, $"Routes without a sample request in this walk: {string.Join(", ", unknown)}");

        // The demo voucher applicant and training provider have no part in any subsidy either.
        foreach (var login in Strangers.Select(s => s.Login).Concat(["aanvrager", "opleider"]))
        {
            var client = await App.ClientAsAsync(login);
            foreach (var route in routes)
            {
                var before = await FingerprintAsync();
                using var request = Samples[route](subject);
                var response = await client.SendAsync(request, Cancellation);

                var body = await response.Content.ReadAsStringAsync(Cancellation);
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
                    $"{login} → {route}: expected 403 or 404, got {(int)response.StatusCode} {body}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal(before, await FingerprintAsync());
            }

            var list = await client.GetFromJsonAsync<JsonElement>("/api/applications", Cancellation);
            Assert.DoesNotContain(list.EnumerateArray(), a => a.GetProperty("id").GetGuid() == subject.ApplicationId);
            var initiatives = await client.GetFromJsonAsync<JsonElement>("/api/initiatives", Cancellation);
            Assert.DoesNotContain(initiatives.EnumerateArray(), i => i.GetProperty("id").GetGuid() == subject.InitiativeId);
        }
    }

    /// <summary>The application walked over, with the ids its routes need.</summary>
    private sealed record Subject(Guid ApplicationId, Guid CaseId, Guid InitiativeId, Guid PaymentId, Guid SchemeId, Guid DocumentId);

    private static Func<Subject, HttpRequestMessage> Json(HttpMethod method, Func<Subject, string> url, object? body = null) =>
        s => new HttpRequestMessage(method, url(s)) { Content = JsonContent.Create(body ?? new { }) };

    private static MultipartFormDataContent Pdf(string name) => new()
    {
        { new ByteArrayContent("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray()), "file", name },
        { new StringContent("Projectplan"), "description" },
    };

    private static Func<Subject, HttpRequestMessage> Get(Func<Subject, string> url) => s => new HttpRequestMessage(HttpMethod.Get, url(s));

    /// <summary>A valid request for every route, so a refusal is about who asks, not about what they send.</summary>
    private static readonly Dictionary<string, Func<Subject, HttpRequestMessage>> Samples = new()
    {
        ["GET /api/applications/{id:guid}"] = Get(s => $"/api/applications/{s.ApplicationId}"),
        ["PUT /api/applications/{id:guid}"] = s => new HttpRequestMessage(HttpMethod.Put, $"/api/applications/{s.ApplicationId}") { Content = JsonContent.Create(Draft(s.SchemeId, 10_000m)) },
        ["POST /api/applications/{id:guid}/submit"] = Json(HttpMethod.Post, s => $"/api/applications/{s.ApplicationId}/submit"),
        ["POST /api/applications/{id:guid}/decision"] = Json(HttpMethod.Post, s => $"/api/applications/{s.ApplicationId}/decision",
            new { decision = "afwijzen", motivation = "Past niet bij de speerpunten." }),
        ["GET /api/applications/{id:guid}/payments"] = Get(s => $"/api/applications/{s.ApplicationId}/payments"),
        ["POST /api/applications/{id:guid}/payments/{paymentId:guid}/approve"] = Json(HttpMethod.Post, s => $"/api/applications/{s.ApplicationId}/payments/{s.PaymentId}/approve"),
        ["POST /api/applications/{id:guid}/payments/{paymentId:guid}/paid"] = Json(HttpMethod.Post, s => $"/api/applications/{s.ApplicationId}/payments/{s.PaymentId}/paid",
            new { paidOn = "2026-01-05", reference = "BETAAL-1" }),
        ["GET /api/applications/{id:guid}/checklist"] = Get(s => $"/api/applications/{s.ApplicationId}/checklist"),
        ["PUT /api/applications/{id:guid}/checklist/answers"] = Json(HttpMethod.Put, s => $"/api/applications/{s.ApplicationId}/checklist/answers",
            new { answers = new[] { new { itemCode = "TK-01", score = 4, motivation = "Helder probleem." } }, submit = false }),
        ["POST /api/applications/{id:guid}/checklist/advice"] = Json(HttpMethod.Post, s => $"/api/applications/{s.ApplicationId}/checklist/advice",
            new { advice = "positief", motivation = "Goed plan." }),
        ["GET /api/initiatives/{id:guid}"] = Get(s => $"/api/initiatives/{s.InitiativeId}"),
        ["GET /api/initiatives/{id:guid}/similar"] = Get(s => $"/api/initiatives/{s.InitiativeId}/similar"),
        ["GET /api/applications/{id:guid}/documents"] = Get(s => $"/api/applications/{s.ApplicationId}/documents"),
        ["GET /api/applications/{id:guid}/documents/{documentId:guid}"] = Get(s => $"/api/applications/{s.ApplicationId}/documents/{s.DocumentId}"),
        ["POST /api/applications/{id:guid}/documents"] = s => new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{s.ApplicationId}/documents") { Content = Pdf("plan.pdf") },
        ["GET /api/applications/{id:guid}/reports"] = Get(s => $"/api/applications/{s.ApplicationId}/reports"),
        ["POST /api/applications/{id:guid}/reports"] = Json(HttpMethod.Post, s => $"/api/applications/{s.ApplicationId}/reports",
            new { kind = "voortgang", summary = "Twintig deelnemers gestart.", spentToDate = 20_000m, kpiActuals = new[] { new { indicator = "zij-instromers in dienst", actual = 12m } } }),
        ["POST /api/applications/{id:guid}/payments"] = Json(HttpMethod.Post, s => $"/api/applications/{s.ApplicationId}/payments", new { amount = 10_000m, description = "Tranche 1" }),
        ["POST /api/applications/{id:guid}/settlement"] = Json(HttpMethod.Post, s => $"/api/applications/{s.ApplicationId}/settlement",
            new { amount = 50_000m, motivation = "Lagere kosten dan begroot." }),
        ["GET /api/applications/{id:guid}/borging"] = Get(s => $"/api/applications/{s.ApplicationId}/borging"),
        ["POST /api/applications/{id:guid}/borging"] = Json(HttpMethod.Post, s => $"/api/applications/{s.ApplicationId}/borging",
            new { outcome = nameof(BorgingOutcome.Bijdragemodel), notes = "De werkgevers betalen mee." }),
        ["GET /api/cases/{id:guid}"] = Get(s => $"/api/cases/{s.CaseId}"),
        ["POST /api/cases/{id:guid}/triggers/{trigger}"] = Json(HttpMethod.Post, s => $"/api/cases/{s.CaseId}/triggers/bezwaartermijn-verlopen"),
        ["POST /api/cases/{id:guid}/suspend"] = Json(HttpMethod.Post, s => $"/api/cases/{s.CaseId}/suspend", new { reason = "Nader onderzoek" }),
        ["POST /api/cases/{id:guid}/resume"] = Json(HttpMethod.Post, s => $"/api/cases/{s.CaseId}/resume"),
        ["POST /api/cases/{id:guid}/extend"] = Json(HttpMethod.Post, s => $"/api/cases/{s.CaseId}/extend", new { duration = "P2W", reason = "Advies van derden nodig" }),
        ["GET /api/cases/{id:guid}/journal"] = Get(s => $"/api/cases/{s.CaseId}/journal"),
        ["GET /api/cases/{id:guid}/audit"] = Get(s => $"/api/cases/{s.CaseId}/audit"),
    };

    /// <summary>"METHOD pattern" of every API route that takes an application, case or initiative id.</summary>
    private List<string> PerApplicationRoutes() =>
        [.. App.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.Trim('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Pattern.StartsWith("/api/applications", StringComparison.Ordinal)
                || e.Pattern.StartsWith("/api/cases/", StringComparison.Ordinal)
                || e.Pattern.StartsWith("/api/initiatives/", StringComparison.Ordinal))
            .SelectMany(e => e.Methods.Select(m => $"{m} {e.Pattern}"))
            .Where(r => !NotPerApplication.Contains(r))
            .Distinct()
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// Every data change leaves an audit row (the interceptor, and the budget ledger for its own updates) and every step
    /// a journal row; with the budget figures this tells whether anything at all was written.
    /// </summary>
    private Task<string> FingerprintAsync() => App.QueryAsync(async db =>
    {
        var audit = await db.AuditTrail.CountAsync(Cancellation);
        var journal = await db.CaseJournal.CountAsync(Cancellation);
        var budget = await db.Schemes.Select(s => new { s.Committed, s.Paid }).ToListAsync(Cancellation);
        return $"{audit}/{journal}/{string.Join(";", budget.Select(b => $"{b.Committed}:{b.Paid}"))}";
    });

    /// <summary>A granted application of the Graafschap College with its advance planned: every route has something to act on.</summary>
    private async Task<Subject> SubjectAsync()
    {
        var id = await ReadyForDecisionAsync(60_000m);
        var board = await App.ClientAsAsync("beslisser");
        await SendAsync(board, $"/api/applications/{id}/decision", new { decision = "toekennen", amount = 60_000m });
        var upload = await (await App.ClientAsAsync("initiatiefnemer")).PostAsync($"/api/applications/{id}/documents", Pdf("projectplan.pdf"), Cancellation);
        Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync(Cancellation));
        return await App.QueryAsync(async db =>
        {
            var application = await db.FundingApplications.SingleAsync(a => a.Id == id, Cancellation);
            var payment = await db.Payments.Where(p => p.ApplicationId == id).Select(p => p.Id).FirstAsync(Cancellation);
            var document = await db.Documents.Where(d => d.ApplicationId == id).Select(d => d.Id).SingleAsync(Cancellation);
            return new Subject(id, application.CaseId, application.InitiativeId, payment, application.SchemeId, document);
        });
    }

    /// <summary>Rijnmond people with every role: their own organisations, table, board and a scheme of their own fund.</summary>
    private Task SeedRijnmondAsync() => App.QueryAsync(async db =>
    {
        var now = App.Clock.GetUtcNow();
        var rijnmond = await db.Regions.Where(r => r.Code == "rijnmond").Select(r => r.Id).SingleAsync(Cancellation);
        var gemeente = await db.Organisations.SingleAsync(o => o.Name == "Gemeente Rotterdam", Cancellation);
        var table = new Body("Thematafel Zorg Rijnmond", BodyKind.Thematafel, rijnmond, ["Zorg"], now);
        table.AddMember("rijnmond-tafelvoorzitter", BodyRole.Voorzitter);
        table.AddMember("rijnmond-tafellid", BodyRole.Lid);
        var board = new Body("Stuurgroep Rijnmond", BodyKind.Besluitorgaan, rijnmond, [], now);
        board.AddMember("rijnmond-beslisser", BodyRole.Lid);
        db.Bodies.AddRange(table, board);
        foreach (var (login, roles) in Strangers)
        {
            var user = new UserAccount(login, $"Rijnmond {login}", $"{login}@test.invalid", roles, isDemo: false, now);
            user.JoinOrganisation(gemeente, null);
            db.Users.Add(user);
        }

        var regioDeal = await db.Schemes.AsNoTracking().SingleAsync(Cancellation);
        db.Schemes.Add(new Scheme("Scholingsimpuls Rijnmond", SchemeKind.Subsidie, "Gemeente Rotterdam", rijnmond, gemeente.Id,
            new SchemeTerms(500_000m, regioDeal.BudgetPeriodStart, regioDeal.BudgetPeriodEnd, regioDeal.WindowOpens, regioDeal.WindowCloses, 100_000m,
                25, true, 50, 2, 6, 13, regioDeal.ChecklistId, regioDeal.ChecklistVersion, 2, table.Id, board.Id, "subsidie-aanvraag"), now));
        return await db.SaveChangesAsync(Cancellation);
    });
}
