using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Initiatives;

/// <summary>POST /api/initiatives/import: the Zuid-Holland inventory, broken files, dry runs, roles and bad bodies.</summary>
public sealed class ImportTests(AppFixture app) : IntegrationTest(app)
{
    public const string Source = "Inventarisatie Zuid-Holland 2022";

    public static string InventoryCsv { get; } =
        File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "src", "RegioFlow", "Data", "Seed", "initiatives-zuid-holland-2022.csv"));

    public static string ImportPath(string source, bool dryRun, string extra = "") =>
        $"/api/initiatives/import?source={Uri.EscapeDataString(source)}&dryRun={(dryRun ? "true" : "false")}{extra}";

    public static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private Task<int> CountAsync(string source) => App.QueryAsync(db => db.Initiatives.CountAsync(i => i.Source == source, Cancellation));

    [Fact]
    public async Task The_real_inventory_imports_236_initiatives_once_and_a_second_run_finds_all_unchanged()
    {
        var fund = await App.ClientAsAsync("fondsbeheerder");

        var first = await fund.PostAsync(ImportPath(Source, false, "&sector=techniek"), Csv(InventoryCsv), Cancellation);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var report = await first.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal((236, 236, 0, 236, 0, 0), Counts(report));
        Assert.Contains("Kolom 'line_in_seed_003' is onbekend en genegeerd.", report.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(236, await CountAsync(Source));

        // Row 26 is "Bouwmensen Leiden": region from the gemeente in its name, type from "bedrijfstakschool".
        var leiden = report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("row").GetInt32() == 26);
        Assert.Equal(("26", "Bouwmensen Leiden", "nieuw", 27), (leiden.GetProperty("key").GetString(), leiden.GetProperty("name").GetString(), leiden.GetProperty("outcome").GetString(), leiden.GetProperty("line").GetInt32()));
        var messages = leiden.GetProperty("messages").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("regio afgeleid uit 'Leiden'", messages);
        Assert.Contains("type afgeleid: zij-instroom (trefwoord 'bedrijfstakschool')", messages);
        var stored = await App.QueryAsync(db => db.Initiatives.AsNoTracking().SingleAsync(i => i.Source == Source && i.SourceKey == "26", Cancellation));
        var hollandRijnland = await App.QueryAsync(db => db.Regions.Where(r => r.Code == "holland-rijnland").Select(r => r.Id).SingleAsync(Cancellation));
        Assert.Equal(("Bouwmensen Leiden", "Bedrijfstakschool Bouwtechnische opleidingen", hollandRijnland, Domain.InitiativeType.ZijInstroom, Domain.InitiativeStatus.Lopend),
            (stored.Title, stored.Activity, stored.RegionId!.Value, stored.Type!.Value, stored.Status));
        Assert.Equal(["techniek"], stored.Sectors);
        Assert.Null(stored.OrganisationId);
        Assert.Equal(AppFixture.Start, stored.RegisteredAt);

        var second = await fund.PostAsync(ImportPath(Source, false, "&sector=techniek"), Csv(InventoryCsv), Cancellation);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((236, 236, 0, 0, 0, 236), Counts(await second.Content.ReadFromJsonAsync<JsonElement>(Cancellation)));
        Assert.Equal(236, await CountAsync(Source));
    }

    [Fact]
    public async Task A_changed_row_is_updated_and_the_rest_stays_unchanged()
    {
        var fund = await App.ClientAsAsync("beheerder");
        var csv = "nummer,naam,activiteit,status,partners\n1,Techniek Talent,Open dag,lopend,ROC Midden;Gemeente X\n2,Loket LLO,Leerloket voor werkenden,lopend,\n";
        Assert.Equal(HttpStatusCode.OK, (await fund.PostAsync(ImportPath("Test", false), Csv(csv), Cancellation)).StatusCode);

        var changed = csv.Replace("1,Techniek Talent,Open dag,lopend", "1,Techniek Talent,Open dag,afgerond");
        var report = await (await fund.PostAsync(ImportPath("Test", false), Csv(changed), Cancellation)).Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal((2, 2, 0, 0, 1, 1), Counts(report));
        var row = report.GetProperty("rows")[0];
        Assert.Equal("bijwerken", row.GetProperty("outcome").GetString());
        Assert.Contains("gewijzigd: status", row.GetProperty("messages").EnumerateArray().Select(m => m.GetString()));
        var stored = await App.QueryAsync(db => db.Initiatives.AsNoTracking().SingleAsync(i => i.Source == "Test" && i.SourceKey == "1", Cancellation));
        Assert.Equal(Domain.InitiativeStatus.Afgerond, stored.Status);
        Assert.Equal(["ROC Midden", "Gemeente X"], stored.Partners.Select(p => p.Name));
        Assert.Equal(2, await CountAsync("Test"));
    }

    [Fact]
    public async Task A_file_with_broken_rows_names_each_and_stores_nothing_on_a_dry_run_nor_on_a_commit()
    {
        var fund = await App.ClientAsAsync("fondsbeheerder");
        var csv = """
            nummer,naam,activiteit,regio
            1,Goede rij,Open dag techniek,holland-rijnland
            2,,Naam ontbreekt,
            3,Onbekende regio,Iets,Atlantis
            1,Zelfde nummer,Iets anders,
            ,Zonder nummer,"Activiteit, met komma
            over twee regels",
            ,Zonder nummer,"Activiteit, met komma
            over twee regels",
            """;

        var dry = await fund.PostAsync(ImportPath("Kapot", true), Csv(csv), Cancellation);
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var report = await dry.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal((6, 0, 6, 0, 0, 0), Counts(report));
        var rows = report.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("row").GetInt32(), r => (Line: r.GetProperty("line").GetInt32(), Outcome: r.GetProperty("outcome").GetString(), Messages: r.GetProperty("messages").EnumerateArray().Select(m => m.GetString()).ToList()));
        Assert.All(rows.Values, r => Assert.Equal("fout", r.Outcome));
        Assert.Contains("nummer 1 dubbel in bestand (ook rij 4)", rows[1].Messages);
        Assert.Contains("naam ontbreekt", rows[2].Messages);
        Assert.Contains("onbekende regio 'Atlantis'", rows[3].Messages);
        Assert.Contains("nummer 1 dubbel in bestand (ook rij 1)", rows[4].Messages);
        Assert.Contains("naam en activiteit dubbel in bestand (ook rij 6)", rows[5].Messages);
        Assert.Contains("naam en activiteit dubbel in bestand (ook rij 5)", rows[6].Messages);
        Assert.Equal((6, 8), (rows[5].Line, rows[6].Line));
        Assert.Equal(0, await CountAsync("Kapot"));

        var commit = await fund.PostAsync(ImportPath("Kapot", false), Csv(csv), Cancellation);
        var problem = await commit.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("6 van de 6 rijen hebben een fout; er is niets opgeslagen. Zie 'report' voor de fouten per rij.", problem.GetProperty("detail").GetString());
        Assert.Equal("naam ontbreekt", problem.GetProperty("report").GetProperty("rows")[1].GetProperty("messages")[0].GetString());
        Assert.Equal(0, await CountAsync("Kapot"));
    }

    [Fact]
    public async Task A_dry_run_stores_nothing_even_when_every_row_is_valid_and_a_multipart_file_is_read_too()
    {
        var fund = await App.ClientAsAsync("fondsbeheerder");

        var dry = await fund.PostAsync($"/api/initiatives/import?source={Uri.EscapeDataString(Source)}&sector=techniek", Csv(InventoryCsv), Cancellation);
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var report = await dry.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.Equal((236, 236, 0, 236, 0, 0), Counts(report));
        Assert.Equal(0, await App.QueryAsync(db => db.Initiatives.CountAsync(Cancellation)));

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Naam;Activiteit;Type\r\nBeleef de techniek;Doe-dag;techniekpromotie\r\n")]);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "inventaris.csv");
        var multipart = await fund.PostAsync(ImportPath("Upload", false), form, Cancellation);
        Assert.Equal(HttpStatusCode.OK, multipart.StatusCode);
        var stored = await App.QueryAsync(db => db.Initiatives.AsNoTracking().SingleAsync(i => i.Source == "Upload", Cancellation));
        Assert.Equal(("Beleef de techniek", "Doe-dag", Domain.InitiativeType.Techniekpromotie), (stored.Title, stored.Activity, stored.Type!.Value));
        Assert.StartsWith("h-", stored.SourceKey);
    }

    [Theory]
    [InlineData("initiatiefnemer")]
    [InlineData("tafellid")]
    [InlineData("toezicht")]
    [InlineData("beslisser")]
    public async Task Only_fund_administrators_and_admins_may_import(string login)
    {
        var client = await App.ClientAsAsync(login);

        await (await client.PostAsync(ImportPath("X", true), Csv("naam\nIets\n"), Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await App.AnonymousClient().PostAsync(ImportPath("X", true), Csv("naam\nIets\n"), Cancellation)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await (await App.ClientAsAsync("beheerder")).PostAsync(ImportPath("X", true), Csv("naam\nIets\n"), Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Bad_bodies_and_parameters_get_a_dutch_problem()
    {
        var fund = await App.ClientAsAsync("fondsbeheerder");
        async Task<string> Error(HttpResponseMessage response, HttpStatusCode status, string field)
        {
            var problem = await response.AssertProblemAsync(status);
            return problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
        }

        Assert.StartsWith("Het bestand is leeg.", await Error(await fund.PostAsync(ImportPath("X", true), Csv(""), Cancellation), HttpStatusCode.BadRequest, "file"));
        Assert.StartsWith("Dit is geen inventarisatie in CSV", await Error(await fund.PostAsync(ImportPath("X", true), new StringContent("{\"naam\": \"x\"}", Encoding.UTF8, "application/json"), Cancellation), HttpStatusCode.BadRequest, "file"));
        Assert.StartsWith("Het bestand is geen CSV-tekst", await Error(await fund.PostAsync(ImportPath("X", true), new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 0xFF, 0xFE, 0x00, 0x00]), Cancellation), HttpStatusCode.BadRequest, "file"));
        Assert.Equal("Het bestand heeft een kopregel maar geen rijen.", await Error(await fund.PostAsync(ImportPath("X", true), Csv("naam,activiteit\n"), Cancellation), HttpStatusCode.BadRequest, "file"));
        Assert.StartsWith("Geef de bron op", await Error(await fund.PostAsync("/api/initiatives/import?dryRun=true", Csv("naam\nIets\n"), Cancellation), HttpStatusCode.BadRequest, "source"));
        Assert.Equal("De bron (source) is te lang: hoogstens 200 tekens.", await Error(await fund.PostAsync(ImportPath(new string('x', 201), true), Csv("naam\nIets\n"), Cancellation), HttpStatusCode.BadRequest, "source"));
        Assert.Equal("dryRun moet 'true' of 'false' zijn, niet 'misschien'.", await Error(await fund.PostAsync("/api/initiatives/import?source=X&dryRun=misschien", Csv("naam\nIets\n"), Cancellation), HttpStatusCode.BadRequest, "dryRun"));
        Assert.StartsWith("Onbekende regio 'atlantis'", await Error(await fund.PostAsync(ImportPath("X", true, "&region=atlantis"), Csv("naam\nIets\n"), Cancellation), HttpStatusCode.BadRequest, "region"));
        Assert.StartsWith("Onbekende sector 'bouw'", await Error(await fund.PostAsync(ImportPath("X", true, "&sector=bouw"), Csv("naam\nIets\n"), Cancellation), HttpStatusCode.BadRequest, "sector"));
        Assert.StartsWith("Onbekende status 'klaar'", await Error(await fund.PostAsync(ImportPath("X", true, "&status=klaar"), Csv("naam\nIets\n"), Cancellation), HttpStatusCode.BadRequest, "status"));

        using var noFile = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        Assert.StartsWith("Stuur het CSV-bestand in het formulierveld 'file'", await Error(await fund.PostAsync(ImportPath("X", true), noFile, Cancellation), HttpStatusCode.BadRequest, "file"));

        var tooBig = "naam\n" + string.Concat(Enumerable.Repeat(new string('a', 99) + "\n", 55_000));
        var problem = await (await fund.PostAsync(ImportPath("X", true), Csv(tooBig), Cancellation)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Het bestand is te groot: een inventarisatie mag hoogstens 5 MB zijn.", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await App.QueryAsync(db => db.Initiatives.CountAsync(Cancellation)));
    }

    [Fact]
    public async Task Unknown_type_status_and_age_band_in_a_row_are_errors_and_a_derived_region_and_type_are_notes()
    {
        var fund = await App.ClientAsAsync("fondsbeheerder");
        var csv = "naam,activiteit,type,status,leeftijd,gemeenten\nA,x,raket,,,\nB,x,,klaar,,\nC,x,,,bejaard,\nD,Werkgevers in Delft,,,12-18,\nE,y,,,,Leiden\n";

        var report = await (await fund.PostAsync(ImportPath("Regels", true), Csv(csv), Cancellation)).Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        var messages = report.GetProperty("rows").EnumerateArray().Select(r => string.Join(" | ", r.GetProperty("messages").EnumerateArray().Select(m => m.GetString()))).ToList();
        Assert.Contains("onbekend type 'raket'", messages[0]);
        Assert.Contains("onbekende status 'klaar'", messages[1]);
        Assert.Contains("onbekende leeftijd 'bejaard'", messages[2]);
        Assert.Equal("regio afgeleid uit 'Delft' | type afgeleid: werkgeversperspectief (trefwoord 'werkgever')", messages[3]);
        Assert.Equal("regio afgeleid uit gemeente 'Leiden'", messages[4]);
        Assert.Equal((5, 2, 3), (report.GetProperty("total").GetInt32(), report.GetProperty("valid").GetInt32(), report.GetProperty("errors").GetInt32()));
    }

    private static (int Total, int Valid, int Errors, int Created, int Updated, int Unchanged) Counts(JsonElement report) => (
        report.GetProperty("total").GetInt32(), report.GetProperty("valid").GetInt32(), report.GetProperty("errors").GetInt32(),
        report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32(), report.GetProperty("unchanged").GetInt32());
}
