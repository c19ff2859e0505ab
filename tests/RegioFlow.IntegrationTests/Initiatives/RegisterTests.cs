using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Features.Initiatives;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Initiatives;

/// <summary>
/// The regional register: GET /api/initiatives (search, filters, paging, visibility), PUT /api/initiatives/{id}/register
/// and the pages /initiatieven and /initiatieven/{id}. Initiatives are stored through the domain, as an inventory import does.
/// </summary>
public sealed class RegisterTests(AppFixture app) : IntegrationTest(app)
{
    private int _sequence;

    [Fact]
    public async Task Search_matches_every_word_in_any_case_and_takes_percent_and_underscore_literally()
    {
        var monteur = await AddAsync("Omscholing tot Monteur", activity: "Zij-instromers leren installeren bij werkgevers in de regio.");
        var zorg = await AddAsync("Zorgbanen voor herintreders", activity: "Herintreders terug in de zorg, met 100% begeleiding.");
        await AddAsync("Techniekdagen basisschool", activity: "Leerlingen bouwen een robot_arm.");
        var client = await App.ClientAsAsync("initiatiefnemer");

        Assert.Equal([monteur], await IdsAsync(client, "search=MONTEUR%20installeren"));
        Assert.Empty(await IdsAsync(client, "search=monteur%20zorg"));
        Assert.Equal([zorg], await IdsAsync(client, "search=100%25"));
        // "%" and "_" are no wildcards: "0_b" does not match "00% b", "t_arm" does not match "robot_arm"'s neighbours.
        Assert.Empty(await IdsAsync(client, "search=0_b"));
        Assert.Empty(await IdsAsync(client, "search=robot%25arm"));
        Assert.Equal(1, (await GetAsync(client, "search=robot_arm")).GetProperty("total").GetInt32());
        Assert.Equal(3, (await GetAsync(client, "search=%20%20")).GetProperty("total").GetInt32());
        // Words shorter than the search index's three-character trigrams are still found.
        Assert.Equal([zorg], await IdsAsync(client, "search=10"));
        Assert.Equal([zorg], await IdsAsync(client, "search=0%25"));
    }

    [Fact]
    public async Task Each_filter_narrows_the_register_and_filters_combine()
    {
        var a = await AddAsync("A techniek achterhoek", region: "achterhoek", sectors: ["techniek", "ICT"], groups: ["zij-instromers"], type: InitiativeType.ZijInstroom, status: InitiativeStatus.Lopend);
        var b = await AddAsync("B zorg achterhoek", region: "achterhoek", sectors: ["zorg en welzijn"], groups: ["herintreders"], type: InitiativeType.Werkgeversperspectief, status: InitiativeStatus.Nieuw);
        var c = await AddAsync("C techniek rijnland", region: "holland-rijnland", sectors: ["techniek"], groups: ["scholieren"], type: InitiativeType.Techniekpromotie, status: InitiativeStatus.Lopend);
        var d = await AddAsync("D ICT rijnland", region: "holland-rijnland", sectors: ["ICT"], groups: ["zij-instromers", "werkzoekenden"], type: InitiativeType.ZijInstroom, status: InitiativeStatus.Geborgd);
        var client = await App.ClientAsAsync("tafellid");

        Assert.Equal(Set(a, b), Set(await IdsAsync(client, "region=achterhoek")));
        Assert.Equal(Set(a, b), Set(await IdsAsync(client, "region=ACHTERHOEK")));
        Assert.Equal(Set(a, c), Set(await IdsAsync(client, "sector=techniek")));
        Assert.Equal(Set(a, d), Set(await IdsAsync(client, "sector=ict")));
        Assert.Equal(Set(a, d), Set(await IdsAsync(client, "targetGroup=Zij-instromers")));
        Assert.Equal(Set(d), Set(await IdsAsync(client, "targetGroup=werkzoekenden")));
        Assert.Equal(Set(a, d), Set(await IdsAsync(client, "type=zij-instroom")));
        Assert.Equal(Set(a, d), Set(await IdsAsync(client, "type=ZijInstroom")));
        Assert.Equal(Set(c), Set(await IdsAsync(client, "type=techniekpromotie")));
        Assert.Equal(Set(a, c), Set(await IdsAsync(client, "status=lopend")));
        Assert.Equal(Set(d), Set(await IdsAsync(client, "status=geborgd")));
        Assert.Equal(Set(c), Set(await IdsAsync(client, "region=holland-rijnland&sector=techniek&status=lopend")));
        Assert.Equal(Set(d), Set(await IdsAsync(client, "region=holland-rijnland&targetGroup=zij-instromers&type=zij-instroom&search=ict")));
        Assert.Empty(await IdsAsync(client, "region=achterhoek&status=geborgd"));

        var item = (await GetAsync(client, "search=ict%20rijnland")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("D ICT rijnland", "zij-instroom", "geborgd"), (item.GetProperty("title").GetString(), item.GetProperty("type").GetString(), item.GetProperty("status").GetString()));
        Assert.Equal("holland-rijnland", item.GetProperty("region").GetProperty("code").GetString());
        Assert.Equal("Holland-Rijnland", item.GetProperty("region").GetProperty("name").GetString());
        Assert.Equal(["zij-instromers", "werkzoekenden"], item.GetProperty("targetGroups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(["Provincie"], item.GetProperty("fundingSources").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(("deelnemers", 40m), (item.GetProperty("kpis")[0].GetProperty("indicator").GetString(), item.GetProperty("kpis")[0].GetProperty("target").GetDecimal()));
        Assert.Equal("", item.GetProperty("organisation").GetString());
        Assert.Equal("test", item.GetProperty("source").GetString());
    }

    [Theory]
    [InlineData("bouw", null, null, null)]
    [InlineData("bouw leiden", null, null, null)]
    [InlineData("", "techniek", null, "lopend")]
    [InlineData("zorg", null, "herintreders", null)]
    [InlineData("robot_arm", null, null, null)]
    [InlineData("onbekendwoord", null, null, null)]
    public async Task A_page_found_through_the_search_index_is_the_page_walked_row_by_row(string search, string? sector, string? group, string? status)
    {
        // A register page of a search is walked row by row when the counts say that meets the page soon, and found through
        // the search index otherwise (ListInitiatives.WalkLimit): both must give the same rows in the same order.
        await AddAsync("Bedrijfstakschool bouw Leiden", activity: "Zij-instromers leren bouwen.", sectors: ["bouw"], status: InitiativeStatus.Lopend);
        await AddAsync("Bouwplaats Leiden open", sectors: ["bouw", "techniek"], status: InitiativeStatus.Lopend);
        await AddAsync("Techniek op de bouw", activity: "Leerlingen bouwen een robot_arm.", sectors: ["techniek"], status: InitiativeStatus.Lopend);
        await AddAsync("Techniekdagen", sectors: ["techniek"], status: InitiativeStatus.Afgerond);
        await AddAsync("Zorgbanen", activity: "Terug in de zorg.", sectors: ["zorg en welzijn"], groups: ["herintreders"]);
        await AddAsync("Zorg en bouw samen", sectors: ["zorg en welzijn", "bouw"], groups: ["herintreders", "scholieren"]);
        for (var n = 0; n < 6; n++)
        {
            await AddAsync($"Bouw {n}", activity: n % 2 == 0 ? "in Leiden" : "in Delft", sectors: ["bouw"], status: InitiativeStatus.Lopend);
        }

        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegioFlowDbContext>();
        var filter = await RegisterFilter.ParseAsync(new(search, null, sector, group, null, status), db, Cancellation);
        // SQLite keeps a separate trigram index; PostgreSQL's trigram indexes are on the initiatives themselves.
        Assert.Equal(!App.Database.IsPostgres && search != "robot_arm", filter.UsesSearchIndex);

        IQueryable<Guid> Page(RegisterFilter f, int skip, int take) => f.Apply(db.Initiatives.AsNoTracking().Where(i => i.RegisteredAt != null))
            .OrderByDescending(i => i.RegisteredAt).ThenBy(i => i.Title).ThenBy(i => i.Id).Select(i => i.Id).Skip(skip).Take(take);
        var expected = (await db.Initiatives.AsNoTracking().Where(i => i.RegisteredAt != null).OrderByDescending(i => i.RegisteredAt).ThenBy(i => i.Title)
                .Select(i => new { i.Id, i.SearchText, i.SectorKeys, i.TargetGroupKeys, i.Status }).ToListAsync(Cancellation))
            .Where(i => search.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => i.SearchText.Contains(w, StringComparison.Ordinal)))
            .Where(i => sector is null || i.SectorKeys.Contains($"|{sector}|", StringComparison.Ordinal))
            .Where(i => group is null || i.TargetGroupKeys.Contains($"|{group}|", StringComparison.Ordinal))
            .Where(i => status is null || i.Status.Label() == status)
            .Select(i => i.Id).ToList();
        Assert.Equal(expected, await Page(filter, 0, 100).ToListAsync(Cancellation));
        Assert.Equal(expected, await Page(filter.RowByRow, 0, 100).ToListAsync(Cancellation));
        Assert.Equal(expected.Skip(2).Take(3), await Page(filter, 2, 3).ToListAsync(Cancellation));
        Assert.Equal(expected.Skip(2).Take(3), await Page(filter.RowByRow, 2, 3).ToListAsync(Cancellation));
    }

    [Theory]
    [InlineData(25, 20_000, 100_000, 125)]
    [InlineData(525, 20_000, 100_000, 2_625)]
    [InlineData(25, 30, 100_000, 83_334)]
    [InlineData(25, 25, 100_000, 100_000)]
    [InlineData(25, 0, 5_000, 5_000)]
    public void A_walk_in_order_is_estimated_from_the_share_of_rows_that_match(int needed, int matches, int rows, long expected) =>
        Assert.Equal(expected, Features.Initiatives.ListInitiatives.Handler.RowsToWalk(needed, matches, rows));

    [Fact]
    public async Task Pages_split_the_register_newest_first_with_exact_totals()
    {
        var stored = new List<Guid>();
        for (var n = 0; n < 23; n++)
        {
            stored.Add(await AddAsync($"Initiatief {n:00}"));
        }

        var newestFirst = Enumerable.Reverse(stored).ToList();
        var client = await App.ClientAsAsync("beslisser");
        var seen = new List<Guid>();
        for (var page = 1; page <= 3; page++)
        {
            var result = await GetAsync(client, $"page={page}&pageSize=10");
            Assert.Equal((23, page, 10), (result.GetProperty("total").GetInt32(), result.GetProperty("page").GetInt32(), result.GetProperty("pageSize").GetInt32()));
            Assert.Equal(page < 3 ? 10 : 3, result.GetProperty("items").GetArrayLength());
            seen.AddRange(result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        }

        Assert.Equal(newestFirst, seen);
        var beyond = await GetAsync(client, "page=4&pageSize=10");
        Assert.Equal((23, 0), (beyond.GetProperty("total").GetInt32(), beyond.GetProperty("items").GetArrayLength()));
        var defaults = await GetAsync(client, "");
        Assert.Equal((1, 25, 23), (defaults.GetProperty("page").GetInt32(), defaults.GetProperty("pageSize").GetInt32(), defaults.GetProperty("items").GetArrayLength()));
        Assert.Equal(newestFirst.Take(5), await IdsAsync(client, "pageSize=5&search=initiatief"));
    }

    [Fact]
    public async Task Another_organisations_draft_never_appears_while_registered_ones_and_the_own_draft_do()
    {
        var registered = await AddAsync("Geregistreerd initiatief zorg");
        var otherDraft = await AddDraftAsync("Concept van een andere organisatie zorg", "Metaalunie Oost");
        var ownDraft = await AddDraftAsync("Concept van het Graafschap College zorg", "Graafschap College");

        var lead = await App.ClientAsAsync("initiatiefnemer");
        Assert.Equal(Set(registered, ownDraft), Set(await IdsAsync(lead, "")));
        Assert.Equal(Set(registered, ownDraft), Set(await IdsAsync(lead, "search=zorg")));
        Assert.Equal(2, (await GetAsync(lead, "search=concept%20zorg&pageSize=1")).GetProperty("total").GetInt32() + 1);
        Assert.Equal(Set(registered), Set(await IdsAsync(await App.ClientAsAsync("tafellid"), "")));
        Assert.Equal(Set(registered), Set(await IdsAsync(await App.ClientAsAsync("fondsbeheerder"), "")));
        Assert.Equal(Set(registered, otherDraft, ownDraft), Set(await IdsAsync(await App.ClientAsAsync("toezicht"), "")));
        Assert.Equal(Set(registered, otherDraft, ownDraft), Set(await IdsAsync(await App.ClientAsAsync("beheerder"), "")));
        await (await App.AnonymousClient().GetAsync("/api/initiatives", Cancellation)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_draft_behind_an_application_shows_to_the_schemes_fund_administrator_and_no_other_party()
    {
        var registered = await AddAsync("Geregistreerd initiatief zorg");
        var schemeId = await App.QueryAsync(db => db.Schemes.Where(s => s.Name == RegioFlow.Data.DemoDataSeeder.RegioDealName).Select(s => s.Id).SingleAsync(Cancellation));
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var created = await lead.PostAsJsonAsync("/api/applications", new
        {
            schemeId,
            requestedAmount = 50_000m,
            initiative = new
            {
                title = "Concept zij-instroom techniek",
                problem = "Installatiebedrijven vinden geen monteurs.",
                goals = "Twintig zij-instromers in dienst.",
                targetGroups = new[] { "zij-instromers" },
                sectors = new[] { "techniek" },
                startDate = "2026-03-01",
                endDate = "2027-12-31",
            },
        }, Cancellation);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Cancellation));
        var application = await created.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        var draft = await App.QueryAsync(db => db.FundingApplications.Where(a => a.Id == application.GetProperty("id").GetGuid()).Select(a => a.InitiativeId).SingleAsync(Cancellation));
        Assert.Null(await StoredAsync(draft, i => i.RegisteredAt));

        // The lead's organisation's draft, and through the draft application the fund administrator of its scheme.
        Assert.Equal([draft, registered], await IdsAsync(lead, ""));
        var fund = await App.ClientAsAsync("fondsbeheerder");
        Assert.Equal([draft, registered], await IdsAsync(fund, ""));
        Assert.Equal([draft], await IdsAsync(fund, "search=concept%20techniek"));
        Assert.Equal(2, (await GetAsync(fund, "pageSize=1")).GetProperty("total").GetInt32());
        Assert.Equal([registered], await IdsAsync(fund, "page=2&pageSize=1"));
        // The table sees an application only once submitted.
        Assert.Equal([registered], await IdsAsync(await App.ClientAsAsync("tafellid"), ""));
    }

    [Theory]
    [InlineData("region=nergens", "region", "Onbekende regio 'nergens'.")]
    [InlineData("type=omscholing", "type", "Onbekend type 'omscholing'. Kies uit: techniekpromotie, zij-instroom, werkgeversperspectief, instrumentarium.")]
    [InlineData("status=klaar", "status", "Onbekende status 'klaar'. Kies uit: nieuw, lopend, afgerond, geborgd.")]
    [InlineData("page=0", "page", "Het paginanummer moet een geheel getal van 1")]
    [InlineData("page=abc", "page", "Het paginanummer moet een geheel getal van 1")]
    [InlineData("page=-1", "page", "Het paginanummer moet een geheel getal van 1")]
    [InlineData("pageSize=0", "pageSize", "Het aantal per pagina moet een geheel getal van 1 tot en met 100 zijn")]
    [InlineData("pageSize=101", "pageSize", "Het aantal per pagina moet een geheel getal van 1 tot en met 100 zijn")]
    [InlineData("pageSize=99999999999999999999", "pageSize", "Het aantal per pagina moet een geheel getal van 1 tot en met 100 zijn")]
    [InlineData("sector=a%7Cb", "sector", "is geen geldige waarde voor de sector")]
    public async Task A_bad_parameter_is_a_400_that_says_in_Dutch_what_is_wrong(string query, string field, string message)
    {
        var client = await App.ClientAsAsync("initiatiefnemer");
        var problem = await (await client.GetAsync($"/api/initiatives?{query}", Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("errors").GetProperty(field).EnumerateArray(), e => e.GetString()!.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_search_longer_than_200_characters_is_refused()
    {
        var client = await App.ClientAsAsync("initiatiefnemer");
        Assert.Equal(0, (await GetAsync(client, $"search={new string('a', 200)}")).GetProperty("total").GetInt32());
        var problem = await (await client.GetAsync($"/api/initiatives?search={new string('a', 201)}", Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("De zoektekst is te lang: hoogstens 200 tekens.", problem.GetProperty("errors").GetProperty("search")[0].GetString());
    }

    [Fact]
    public async Task A_fund_administrator_or_admin_describes_a_registered_initiative_and_nobody_else_may()
    {
        var id = await AddAsync("Zij-instroom techniek", type: null, status: InitiativeStatus.Nieuw);
        var body = new { activity = "Omscholing tot installatiemonteur", type = "zij-instroom", ageBand = "23+ (volwassenen)", gemeenten = new[] { "winterswijk", "Aalten" }, status = "lopend" };

        foreach (var login in new[] { "initiatiefnemer", "tafellid", "tafelvoorzitter", "beslisser", "toezicht", "aanvrager", "opleider" })
        {
            var refused = await (await (await App.ClientAsAsync(login)).PutAsJsonAsync($"/api/initiatives/{id}/register", body, Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.False(string.IsNullOrWhiteSpace(refused.GetProperty("detail").GetString()));
        }

        Assert.Null(await StoredAsync(id, i => i.Type));

        var fund = await App.ClientAsAsync("fondsbeheerder");
        var response = await fund.PutAsJsonAsync($"/api/initiatives/{id}/register", body, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dto = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(("zij-instroom", "lopend"), (dto.GetProperty("type").GetString(), dto.GetProperty("status").GetString()));
        var stored = await App.QueryAsync(db => db.Initiatives.AsNoTracking().SingleAsync(i => i.Id == id, Cancellation));
        Assert.Equal(("Omscholing tot installatiemonteur", InitiativeType.ZijInstroom, "23+ (volwassenen)", InitiativeStatus.Lopend),
            (stored.Activity, stored.Type, stored.AgeBand, stored.Status));
        Assert.Equal(["Winterswijk", "Aalten"], stored.Gemeenten);
        // The new activity is searchable and the new status filters at once.
        Assert.Equal([id], await IdsAsync(fund, "search=installatiemonteur&status=lopend&type=zij-instroom"));

        var admin = await App.ClientAsAsync("beheerder");
        var back = await admin.PutAsJsonAsync($"/api/initiatives/{id}/register", new { activity = "", type = "", ageBand = "", gemeenten = Array.Empty<string>(), status = "afgerond" }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        // The search follows the change: the cleared activity no longer finds it.
        Assert.Empty(await IdsAsync(admin, "search=installatiemonteur"));
        Assert.Equal((null, null, InitiativeStatus.Afgerond), await App.QueryAsync(db => db.Initiatives.Where(i => i.Id == id).Select(i => new { i.Type, i.AgeBand, i.Status }).SingleAsync(Cancellation)) is var s ? (s.Type, s.AgeBand, s.Status) : default);
    }

    [Fact]
    public async Task Describing_validates_every_field_and_refuses_a_draft_or_an_unknown_initiative()
    {
        var id = await AddAsync("Taalcoaching kinderopvang");
        var draft = await AddDraftAsync("Concept taalcoaching", "Graafschap College");
        var fund = await App.ClientAsAsync("fondsbeheerder");

        var problem = await (await fund.PutAsJsonAsync($"/api/initiatives/{id}/register",
            new { activity = new string('x', 4001), type = "omscholing", ageBand = "0-4", gemeenten = new[] { "Winterswijk" }, status = "" }, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal("De activiteit is te lang: hoogstens 4000 tekens.", errors.GetProperty("activity")[0].GetString());
        Assert.StartsWith("Onbekend type 'omscholing'. Kies uit: techniekpromotie, zij-instroom", errors.GetProperty("type")[0].GetString());
        Assert.StartsWith("Onbekende leeftijdsgroep '0-4'. Kies uit: 4-12 (basisonderwijs)", errors.GetProperty("ageBand")[0].GetString());
        Assert.Equal("Kies een status: nieuw, lopend, afgerond of geborgd.", errors.GetProperty("status")[0].GetString());

        var gemeente = await (await fund.PutAsJsonAsync($"/api/initiatives/{id}/register", new { gemeenten = new[] { "Atlantis" }, status = "lopend" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Onbekende gemeente 'Atlantis'.", gemeente.GetProperty("errors").GetProperty("gemeenten")[0].GetString());
        Assert.Equal(InitiativeStatus.Nieuw, await StoredAsync(id, i => i.Status));

        var conflict = await (await fund.PutAsJsonAsync($"/api/initiatives/{draft}/register", new { status = "lopend" }, Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("nog niet in het register", conflict.GetProperty("detail").GetString());
        Assert.Equal(InitiativeStatus.Nieuw, await StoredAsync(draft, i => i.Status));
        await (await fund.PutAsJsonAsync($"/api/initiatives/{Guid.NewGuid()}/register", new { status = "lopend" }, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await fund.PutAsync($"/api/initiatives/{id}/register", new StringContent("{niet json", System.Text.Encoding.UTF8, "application/json"), Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_register_page_lists_filters_and_pages_with_the_filters_kept()
    {
        for (var n = 0; n < 27; n++)
        {
            await AddAsync($"Techniek initiatief {n:00}", sectors: ["techniek"], status: InitiativeStatus.Lopend);
        }

        await AddAsync("Zorgbanen voor herintreders", sectors: ["zorg en welzijn"], status: InitiativeStatus.Nieuw);
        var session = new PageSession(App.Factory);
        await session.SignInAsync("fondsbeheerder");

        var (all, allHtml) = await session.GetAsync("/initiatieven");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Contains("28 initiatieven", Text(allHtml));
        Assert.Contains("pagina 1 van 2", Text(allHtml));
        Assert.Contains("href=\"/initiatieven/importeren\"", allHtml);
        Assert.Contains("href=\"/exporteren/initiatives?format=csv\"", allHtml);

        var (_, filtered) = await session.GetAsync("/initiatieven?sector=techniek&status=lopend&search=");
        Assert.Contains("27 initiatieven", Text(filtered));
        Assert.DoesNotContain("Zorgbanen voor herintreders", filtered);
        Assert.Contains("href=\"/initiatieven?sector=techniek&amp;status=lopend&amp;page=2\"", filtered);
        Assert.Contains("href=\"/exporteren/initiatives?format=xlsx&amp;sector=techniek&amp;status=lopend\"", filtered);
        Assert.Contains("<option value=\"techniek\" selected=\"selected\">techniek</option>", filtered);

        // The export link works with the page's sign-in and carries exactly the filtered rows.
        var (export, csv) = await session.GetAsync("/exporteren/initiatives?format=csv&sector=techniek&status=lopend");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(27, csv.Split('\n').Count(line => line.Contains("Techniek initiatief")));
        Assert.DoesNotContain("Zorgbanen voor herintreders", csv);

        var (_, second) = await session.GetAsync("/initiatieven?sector=techniek&status=lopend&page=2");
        Assert.Contains("pagina 2 van 2", Text(second));
        Assert.Contains("Techniek initiatief 00", second);
        Assert.DoesNotContain("Techniek initiatief 26", second);
        Assert.Contains("href=\"/initiatieven?sector=techniek&amp;status=lopend&amp;page=1\"", second);

        var (_, zorg) = await session.GetAsync("/initiatieven?search=herintreders");
        Assert.Contains("1 initiatief", Text(zorg));
        Assert.Contains("Zorgbanen voor herintreders", zorg);

        var (_, none) = await session.GetAsync("/initiatieven?search=ruimtevaart");
        Assert.Contains("0 initiatieven", Text(none));
        Assert.Contains("Geen initiatieven gevonden die aan deze zoekopdracht voldoen.", Text(none));

        var (bad, badHtml) = await session.GetAsync("/initiatieven?region=nergens");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Onbekende regio 'nergens'.", Text(badHtml));

        var lead = new PageSession(App.Factory);
        await lead.SignInAsync("initiatiefnemer");
        var (_, leadHtml) = await lead.GetAsync("/initiatieven");
        Assert.DoesNotContain("href=\"/initiatieven/importeren\"", leadHtml);
        Assert.Contains("<a class=\"rf-nav__link\" href=\"/initiatieven\" aria-current=\"page\">Initiatieven</a>", leadHtml);
    }

    [Fact]
    public async Task The_detail_page_shows_the_register_fields_the_similar_initiatives_and_lets_a_fund_administrator_edit()
    {
        var target = await AddAsync("Omscholing tot monteur installatietechniek", activity: "Werkzoekenden omscholen tot monteur bij installatiebedrijven.");
        var similar = await AddAsync("Monteurs voor installatiebedrijven", activity: "Zij-instromers omscholen tot monteur.");
        await AddAsync("Taalcoaching kinderopvang", activity: "Pedagogisch medewerkers halen taalniveau 2F.");
        var session = new PageSession(App.Factory);
        await session.SignInAsync("fondsbeheerder");

        var (response, html) = await session.GetAsync($"/initiatieven/{target}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Text(html);
        Assert.Contains("Werkzoekenden omscholen tot monteur bij installatiebedrijven.", text);
        Assert.Contains("Vergelijkbare initiatieven", text);
        Assert.Contains($"href=\"/initiatieven/{similar}\">Monteurs voor installatiebedrijven</a>", html);
        Assert.Matches(@"<span data-testid=""score"">\d{1,3}%</span>", html);
        Assert.Contains("monteur", text[text.IndexOf("gedeelde woorden", StringComparison.Ordinal)..]);
        Assert.Contains("deelnemers", text); // the KPI table
        Assert.Contains("Provincie", text); // the funding table

        var (saved, _) = await session.PostFormAsync($"/initiatieven/{target}", $"/initiatieven/{target}?handler=Register",
            [new("Input.Activity", "Nieuwe activiteit"), new("Input.Type", "zij-instroom"), new("Input.AgeBand", "23+ (volwassenen)"), new("Input.Gemeenten", "Winterswijk\r\nAalten"), new("Input.Status", "geborgd")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, after) = await session.GetAsync($"/initiatieven/{target}");
        Assert.Contains("De registergegevens zijn opgeslagen.", Text(after));
        Assert.Contains("<dd data-testid=\"status\">geborgd</dd>", after);
        Assert.Contains("<dd data-testid=\"gemeenten\">Winterswijk, Aalten</dd>", after);

        var (invalid, invalidHtml) = await session.PostFormAsync($"/initiatieven/{target}", $"/initiatieven/{target}?handler=Register",
            [new("Input.Gemeenten", "Atlantis"), new("Input.Status", "lopend")]);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Onbekende gemeente 'Atlantis'.", Text(invalidHtml));
        Assert.Equal(InitiativeStatus.Geborgd, await StoredAsync(target, i => i.Status));

        var lead = new PageSession(App.Factory);
        await lead.SignInAsync("initiatiefnemer");
        var (_, leadHtml) = await lead.GetAsync($"/initiatieven/{target}");
        Assert.Contains("Vergelijkbare initiatieven", leadHtml);
        Assert.DoesNotContain("data-testid=\"register-form\"", leadHtml);
        var (forbidden, _) = await lead.PostFormAsync($"/initiatieven/{target}", $"/initiatieven/{target}?handler=Register", [new("Input.Status", "nieuw")]);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(InitiativeStatus.Geborgd, await StoredAsync(target, i => i.Status));
        var (missing, _) = await lead.GetAsync($"/initiatieven/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>A registered initiative as an inventory import stores it; each one a minute newer than the previous.</summary>
    private async Task<Guid> AddAsync(
        string title, string activity = "", string region = "achterhoek", string[]? sectors = null, string[]? groups = null,
        InitiativeType? type = InitiativeType.Instrumentarium, InitiativeStatus status = InitiativeStatus.Nieuw)
    {
        var at = AppFixture.Start.AddMinutes(++_sequence);
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegioFlowDbContext>();
        var regionId = await db.Regions.Where(r => r.Code == region).Select(r => r.Id).SingleAsync(Cancellation);
        var initiative = new Initiative("test", $"rij-{_sequence}", Content(title, regionId, sectors, groups), new RegisterDetails(activity, type, null, [], status), at);
        db.Initiatives.Add(initiative);
        await db.SaveChangesAsync(Cancellation);
        return initiative.Id;
    }

    /// <summary>A draft of <paramref name="organisation"/>: not in the register.</summary>
    private async Task<Guid> AddDraftAsync(string title, string organisation)
    {
        var at = AppFixture.Start.AddMinutes(++_sequence);
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegioFlowDbContext>();
        var organisationId = await db.Organisations.Where(o => o.Name == organisation).Select(o => o.Id).SingleAsync(Cancellation);
        var regionId = await db.Regions.Where(r => r.Code == "achterhoek").Select(r => r.Id).SingleAsync(Cancellation);
        var initiative = new Initiative(organisationId, Content(title, regionId, null, null), at);
        db.Initiatives.Add(initiative);
        await db.SaveChangesAsync(Cancellation);
        return initiative.Id;
    }

    private static InitiativeContent Content(string title, int regionId, string[]? sectors, string[]? groups) => new(
        title, "", "", groups ?? ["werkzoekenden"], sectors ?? ["techniek"], regionId, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31),
        [new("Installatiebedrijf Oost BV", PartnerRole.Partner)], [new("Begeleiding", 10_000m)], [new("Provincie", 5_000m, FundingStatus.Toegezegd, false)],
        [new("deelnemers", 40m, null)], null);

    private Task<T> StoredAsync<T>(Guid id, System.Linq.Expressions.Expression<Func<Initiative, T>> field) =>
        App.QueryAsync(db => db.Initiatives.AsNoTracking().Where(i => i.Id == id).Select(field).SingleAsync(Cancellation));

    private async Task<JsonElement> GetAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/initiatives?{query}", Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/initiatives?{query}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<List<Guid>> IdsAsync(HttpClient client, string query) =>
        [.. (await GetAsync(client, query)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    private static HashSet<Guid> Set(params IEnumerable<Guid> ids) => [.. ids];

    private static string Text(string html) => WebUtility.HtmlDecode(html).Replace('\u00a0', ' ').Replace('\u202f', ' ');
}
