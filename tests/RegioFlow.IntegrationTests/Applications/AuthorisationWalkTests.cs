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

    /// <summary>
    /// Routes under the walked prefixes that are not about a single application (lists, creation, the register's import and
    /// its "bestaat dit al?" check, whose roles ImportTests and SimilarityPairsTests walk).
    /// </summary>
    private static readonly HashSet<string> NotPerApplication =
        ["GET /api/applications", "POST /api/applications", "POST /api/initiatives/import", "POST /api/initiatives/similar"];

    /// <summary>Reads of the regional register: a submitted initiative is open to every signed-in user, its applications are not.</summary>
    private static readonly HashSet<string> RegisterReads = ["GET /api/initiatives/{id:guid}", "GET /api/initiatives/{id:guid}/similar"];

    /// <summary>The register's classification: any fund administrator describes any registered initiative, whatever its region.</summary>
    private const string RegisterWrite = "PUT /api/initiatives/{id:guid}/register";

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
        foreach (var (login, roles) in Strangers.Concat(new (string, Role[])[] { ("aanvrager", [Role.VoucherApplicant]), ("opleider", [Role.TrainingProvider]) }))
        {
            var client = await App.ClientAsAsync(login);
            foreach (var route in routes.Where(r => !RegisterReads.Contains(r) && !(r == RegisterWrite && roles.Contains(Role.FundAdministrator))))
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
            var inRegister = await client.GetFromJsonAsync<JsonElement>($"/api/initiatives/{subject.InitiativeId}", Cancellation);
            Assert.Empty(inRegister.GetProperty("applications").EnumerateArray());
        }
    }

    /// <summary>The demo users who each have a part in the seeded scheme's cases: the application's own people.</summary>
    private static readonly string[] People = ["initiatiefnemer", "fondsbeheerder", "tafellid", "tafelvoorzitter", "beslisser", "toezicht"];

    /// <summary>
    /// Who may use each write route of an application (a step of their own), from the case roles in the workflow and the
    /// feature handlers. A table member may add documents only while the table assesses: the walked application is
    /// granted, so they are refused here. Nobody fires the bezwaartermijn-verlopen step by hand: the timer does.
    /// Oversight (toezicht) writes nowhere.
    /// </summary>
    private static readonly Dictionary<string, string[]> Writers = new()
    {
        ["PUT /api/applications/{id:guid}"] = ["initiatiefnemer"],
        ["POST /api/applications/{id:guid}/submit"] = ["initiatiefnemer"],
        ["POST /api/applications/{id:guid}/decision"] = ["beslisser"],
        ["POST /api/applications/{id:guid}/payments/{paymentId:guid}/approve"] = ["fondsbeheerder"],
        ["POST /api/applications/{id:guid}/payments/{paymentId:guid}/paid"] = ["fondsbeheerder"],
        ["PUT /api/applications/{id:guid}/checklist/answers"] = ["tafellid", "tafelvoorzitter"],
        ["POST /api/applications/{id:guid}/checklist/advice"] = ["tafelvoorzitter"],
        ["POST /api/applications/{id:guid}/documents"] = ["initiatiefnemer", "fondsbeheerder"],
        ["POST /api/applications/{id:guid}/reports"] = ["initiatiefnemer"],
        ["POST /api/applications/{id:guid}/payments"] = ["initiatiefnemer", "fondsbeheerder"],
        ["POST /api/applications/{id:guid}/settlement"] = ["fondsbeheerder"],
        ["POST /api/applications/{id:guid}/borging"] = ["fondsbeheerder"],
        ["POST /api/cases/{id:guid}/triggers/{trigger}"] = [],
        ["POST /api/cases/{id:guid}/suspend"] = ["fondsbeheerder"],
        ["POST /api/cases/{id:guid}/resume"] = ["fondsbeheerder"],
        ["POST /api/cases/{id:guid}/extend"] = ["fondsbeheerder"],
        [RegisterWrite] = ["fondsbeheerder"],
    };

    /// <summary>
    /// Steps of the workflow that are open in one state only. On the granted application the engine refuses them for the
    /// state before it asks who fires them (409), which says nothing about who may take them; so they are walked on an
    /// application where the step is open: a draft, or one that awaits the Board's decision.
    /// </summary>
    private static readonly Dictionary<string, string> OpenOnlyIn = new()
    {
        ["PUT /api/applications/{id:guid}"] = "concept",
        ["POST /api/applications/{id:guid}/submit"] = "concept",
        ["POST /api/applications/{id:guid}/decision"] = "besluitvorming",
    };

    [Fact]
    public async Task Within_the_application_each_role_may_only_take_its_own_steps()
    {
        var subject = await WriteSubjectsAsync();
        var writes = PerApplicationRoutes().Where(IsWrite).ToList();
        Assert.NotEmpty(writes);
        Assert.True(writes.Order().SequenceEqual(Writers.Keys.Order()),
            $"The table of writers does not match the write routes. Without a row: {string.Join(", ", writes.Except(Writers.Keys))}; " +
            $"no such route: {string.Join(", ", Writers.Keys.Except(writes))}");

        var refusals = 0;
        var failures = new List<string>();
        foreach (var login in People)
        {
            var client = await App.ClientAsAsync(login);
            foreach (var route in writes.Where(r => !Writers[r].Contains(login)))
            {
                failures.AddRange(await RefusalAsync(client, login, route, subject) is { } failure ? [failure] : []);
                refusals++;
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        // Most routes have one or two writers, so most of the six people are refused on each: the walk cannot pass by skipping.
        Assert.True(refusals > writes.Count * 4, $"Only {refusals} refusals walked.");
    }

    [Fact]
    public async Task Oversight_reads_every_route_of_the_application_and_writes_on_none()
    {
        var subject = await WriteSubjectsAsync();
        var routes = PerApplicationRoutes();
        var oversight = await App.ClientAsAsync("toezicht");

        foreach (var route in routes.Where(r => r.StartsWith("GET ", StringComparison.Ordinal)))
        {
            using var request = Samples[route](subject(route));
            var response = await oversight.SendAsync(request, Cancellation);
            Assert.True(response.StatusCode == HttpStatusCode.OK,
                $"toezicht → {route}: expected 200, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancellation)}");
        }

        var granted = subject("GET /api/applications/{id:guid}");
        var application = await oversight.GetFromJsonAsync<JsonElement>($"/api/applications/{granted.ApplicationId}", Cancellation);
        Assert.Equal(60_000m, application.GetProperty("grantedAmount").GetDecimal());
        var download = await oversight.GetByteArrayAsync($"/api/applications/{granted.ApplicationId}/documents/{granted.DocumentId}", Cancellation);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(download));
        var list = await oversight.GetFromJsonAsync<JsonElement>("/api/applications", Cancellation);
        Assert.Contains(list.EnumerateArray(), a => a.GetProperty("id").GetGuid() == granted.ApplicationId);

        var failures = new List<string>();
        foreach (var route in routes.Where(IsWrite))
        {
            failures.AddRange(await RefusalAsync(oversight, "toezicht", route, subject) is { } failure ? [failure] : []);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static bool IsWrite(string route) => route.StartsWith("POST ", StringComparison.Ordinal) || route.StartsWith("PUT ", StringComparison.Ordinal);

    /// <summary>
    /// A person of the application who may not take this step is told so (403 ProblemDetails with a Dutch detail) and
    /// nothing is written: no audit or journal row, no change in the budget. Returns what went wrong, or null.
    /// </summary>
    private async Task<string?> RefusalAsync(HttpClient client, string login, string route, Func<string, Subject> subject)
    {
        var before = await FingerprintAsync();
        using var request = Samples[route](subject(route));
        var response = await client.SendAsync(request, Cancellation);

        var body = await response.Content.ReadAsStringAsync(Cancellation);
        var written = before != await FingerprintAsync() ? " and something was written" : "";
        if (response.StatusCode != HttpStatusCode.Forbidden || written.Length > 0)
        {
            return $"{login} → {route}: expected 403 and nothing written, got {(int)response.StatusCode}{written}: {body}";
        }

        var detail = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString() : null;
        return string.IsNullOrWhiteSpace(detail) ? $"{login} → {route}: 403 without a ProblemDetails detail: {body}" : null;
    }

    /// <summary>
    /// The application each route is walked on: the granted one (see <see cref="SubjectAsync"/>), or for a step open only
    /// in an earlier state (<see cref="OpenOnlyIn"/>) a second application of the same lead waiting in that state.
    /// </summary>
    private async Task<Func<string, Subject>> WriteSubjectsAsync()
    {
        var granted = await SubjectAsync();
        var draft = await OpenSubjectAsync(Id(await CreateAsync(await App.ClientAsAsync("initiatiefnemer"), 40_000m)));
        var awaitingDecision = await OpenSubjectAsync(await ReadyForDecisionAsync(30_000m));
        Assert.Equal("concept", await StateAsync(draft.CaseId));
        Assert.Equal("besluitvorming", await StateAsync(awaitingDecision.CaseId));
        return route => OpenOnlyIn.GetValueOrDefault(route) switch
        {
            "concept" => draft,
            "besluitvorming" => awaitingDecision,
            _ => granted,
        };
    }

    private Task<string> StateAsync(Guid caseId) => App.QueryAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.State).SingleAsync(Cancellation));

    /// <summary>An application still in an early state: no payment or document yet, which the routes walked on it do not need.</summary>
    private Task<Subject> OpenSubjectAsync(Guid id) => App.QueryAsync(async db =>
    {
        var application = await db.FundingApplications.AsNoTracking().SingleAsync(a => a.Id == id, Cancellation);
        return new Subject(id, application.CaseId, application.InitiativeId, Guid.Empty, application.SchemeId, Guid.Empty);
    });

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
        [RegisterWrite] = Json(HttpMethod.Put, s => $"/api/initiatives/{s.InitiativeId}/register",
            new { activity = "Omscholing tot monteur", type = "zij-instroom", ageBand = "23+ (volwassenen)", gemeenten = Array.Empty<string>(), status = "lopend" }),
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

        var regioDeal = await db.Schemes.AsNoTracking().SingleAsync(s => s.Name == RegioFlow.Data.DemoDataSeeder.RegioDealName, Cancellation);
        db.Schemes.Add(new Scheme("Scholingsimpuls Rijnmond", SchemeKind.Subsidie, "Gemeente Rotterdam", rijnmond, gemeente.Id,
            new SchemeTerms(500_000m, regioDeal.BudgetPeriodStart, regioDeal.BudgetPeriodEnd, regioDeal.WindowOpens, regioDeal.WindowCloses, 100_000m,
                25, true, 50, 2, 6, 13, regioDeal.ChecklistId, regioDeal.ChecklistVersion, 2, table.Id, board.Id, "subsidie-aanvraag"), now));
        return await db.SaveChangesAsync(Cancellation);
    });
}
