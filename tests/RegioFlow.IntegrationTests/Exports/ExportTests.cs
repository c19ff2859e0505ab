using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Infrastructure;
using RegioFlow.IntegrationTests.Vouchers;

namespace RegioFlow.IntegrationTests.Exports;

/// <summary>GET /api/exports/{what}: the files open, hold exactly the caller's filtered rows, and refuse bad parameters.</summary>
public sealed class ExportTests(AppFixture app) : VoucherTest(app)
{
    private const string OtherOrganisation = "Installatiebedrijf Oost BV";

    [Fact]
    public async Task An_initiative_lead_exports_only_their_organisations_applications_and_a_table_member_only_what_reached_the_table()
    {
        await AddUserAsync("werkgever", Role.InitiativeLead, OtherOrganisation);
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var ready = await ReadyForDecisionAsync(60_000m);
        var draft = Id(await CreateAsync(lead, 20_000m));
        var otherDraft = Id(await CreateAsync(await App.ClientAsAsync("werkgever"), 30_000m));
        var leadOrganisation = await App.QueryAsync(db => db.FundingApplications.Where(a => a.Id == draft).Select(a => a.OrganisationId).SingleAsync(Cancellation));
        var expected = await App.QueryAsync(db => db.FundingApplications.Where(a => a.OrganisationId == leadOrganisation).Select(a => a.Id).ToListAsync(Cancellation));

        var (xlsxResponse, sheet) = await XlsxAsync(lead, "/api/exports/applications?format=xlsx");
        Assert.Equal("aanvragen-2026-01-05.xlsx", xlsxResponse.Content.Headers.ContentDisposition?.FileNameStar ?? xlsxResponse.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(["Id", "Initiatief", "Organisatie", "Regeling", "Status", "Aangevraagd bedrag", "Toegekend", "Vastgesteld", "Ingediend op", "Besloten op"], Header(sheet));
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);
        var rows = Rows(sheet);
        Assert.Equal(expected.Order(), rows.Select(r => Guid.Parse(r.Cell(1).GetString())).Order());
        Assert.DoesNotContain(otherDraft, rows.Select(r => Guid.Parse(r.Cell(1).GetString())));
        var readyRow = rows.Single(r => r.Cell(1).GetString() == ready.ToString());
        Assert.Equal((XLDataType.Number, 60_000d), (readyRow.Cell(6).DataType, readyRow.Cell(6).GetDouble()));
        Assert.Equal((XLDataType.DateTime, new DateTime(2026, 1, 5)), (readyRow.Cell(9).DataType, readyRow.Cell(9).GetDateTime()));
        Assert.Equal("Besluitvorming", readyRow.Cell(5).GetString());

        var csv = await CsvAsync(lead, "/api/exports/applications?format=csv");
        Assert.Equal(expected.Order(), csv.Skip(1).Select(r => Guid.Parse(r[0])).Order());
        var readyLine = csv.Single(r => r[0] == ready.ToString());
        Assert.Equal(("60000,00", "05-01-2026", "Zij-instroom techniek Achterhoek"), (readyLine[5], readyLine[8], readyLine[1]));

        // Filters: the state and the submission period narrow the list to the submitted application.
        Assert.Equal([ready.ToString()], (await CsvAsync(lead, "/api/exports/applications?format=csv&state=besluitvorming")).Skip(1).Select(r => r[0]));
        Assert.Equal([ready.ToString()], (await CsvAsync(lead, "/api/exports/applications?format=csv&from=2026-01-05&to=2026-01-05")).Skip(1).Select(r => r[0]));
        Assert.Empty((await CsvAsync(lead, "/api/exports/applications?format=csv&from=2026-01-06")).Skip(1));

        // A table member sees only what reached the table; the other organisation's lead only their own draft.
        var table = await CsvAsync(await App.ClientAsAsync("tafellid"), "/api/exports/applications?format=csv");
        Assert.Equal([ready.ToString()], table.Skip(1).Select(r => r[0]));
        var other = await CsvAsync(await App.ClientAsAsync("werkgever"), "/api/exports/applications?format=xlsx".Replace("xlsx", "csv"));
        Assert.Equal([otherDraft.ToString()], other.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public async Task Payments_export_holds_the_payments_of_visible_applications_with_amounts_as_numbers()
    {
        await AddUserAsync("werkgever", Role.InitiativeLead, OtherOrganisation);
        var id = await InExecutionAsync(80_000m, 80_000m);
        var expected = await App.QueryAsync(db => db.Payments.Where(p => p.ApplicationId == id).OrderBy(p => p.Id).Select(p => new { p.Id, p.Amount, p.Kind }).ToListAsync(Cancellation));
        Assert.NotEmpty(expected);

        var (_, sheet) = await XlsxAsync(await App.ClientAsAsync("fondsbeheerder"), "/api/exports/payments?format=xlsx");
        var rows = Rows(sheet);
        Assert.Equal(expected.Select(p => p.Id.ToString()).Order(), rows.Select(r => r.Cell(1).GetString()).Order());
        Assert.All(rows, r => Assert.Equal(XLDataType.Number, r.Cell(2).DataType));
        Assert.Equal(expected.Sum(p => p.Amount), rows.Sum(r => (decimal)r.Cell(2).GetDouble()));

        var lead = await CsvAsync(await App.ClientAsAsync("initiatiefnemer"), $"/api/exports/payments?format=csv&kind={expected[0].Kind}");
        Assert.Equal(expected.Where(p => p.Kind == expected[0].Kind).Select(p => p.Id.ToString()).Order(), lead.Skip(1).Select(r => r[0]).Order());
        Assert.Empty((await CsvAsync(await App.ClientAsAsync("werkgever"), "/api/exports/payments?format=csv")).Skip(1));
        await (await (await App.ClientAsAsync("aanvrager")).GetAsync("/api/exports/payments?format=csv", Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_voucher_applicant_exports_only_their_own_vouchers_and_oversight_sees_no_codes()
    {
        await AddPersonAsync("aanvrager-2", Role.VoucherApplicant);
        var own = (await RequestAsync(await App.ClientAsAsync("aanvrager"), Body(await OpijverIdAsync(), await ProviderIdAsync()))).GetProperty("id").GetGuid();
        var others = (await RequestAsync(await App.ClientAsAsync("aanvrager-2"), Body(await OpijverIdAsync(), await ProviderIdAsync(), name: "Piet Anders"))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(await App.ClientAsAsync("fondsbeheerder"), own, "uitgeven")).StatusCode);

        var mine = await CsvAsync(await App.ClientAsAsync("aanvrager"), "/api/exports/vouchers?format=csv");
        Assert.Equal(["Id", "Code", "Regeling", "Status", "Bedrag", "Prijs opleiding", "Opleiding", "Opleider", "Aangevraagd op"], mine[0]);
        var row = Assert.Single(mine.Skip(1));
        var code = await App.QueryAsync(db => db.Vouchers.Where(v => v.Id == own).Select(v => v.Code).SingleAsync(Cancellation));
        Assert.Equal((own.ToString(), code), (row[0], row[1]));
        Assert.DoesNotContain("Jan de Groot", string.Join(";", row));

        var (_, sheet) = await XlsxAsync(await App.ClientAsAsync("toezicht"), "/api/exports/vouchers?format=xlsx");
        Assert.Equal(new[] { own, others }.Select(v => v.ToString()).Order(), Rows(sheet).Select(r => r.Cell(1).GetString()).Order());
        Assert.All(Rows(sheet), r => Assert.True(r.Cell(2).IsEmpty()));

        var issued = await CsvAsync(await App.ClientAsAsync("toezicht"), "/api/exports/vouchers?format=csv&state=uitgegeven");
        Assert.Equal([own.ToString()], issued.Skip(1).Select(r => r[0]));
        await (await (await App.ClientAsAsync("tafellid")).GetAsync("/api/exports/vouchers?format=csv", Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_register_export_applies_the_register_filter_hides_other_drafts_and_defuses_formulas()
    {
        await AddUserAsync("werkgever", Role.InitiativeLead, OtherOrganisation);
        var lead = await App.ClientAsAsync("initiatiefnemer");
        await CreateTitledAsync(lead, "=HYPERLINK(\"http://x.invalid\") zonnepanelen");
        await CreateTitledAsync(await App.ClientAsAsync("werkgever"), "Geheim concept warmtepompen");

        var all = await CsvAsync(lead, "/api/exports/initiatives?format=csv");
        var titles = all.Skip(1).Select(r => r[0]).ToList();
        var expected = await App.QueryAsync(db => db.Initiatives.Where(i => i.Title != "Geheim concept warmtepompen").Select(i => i.Title).ToListAsync(Cancellation));
        Assert.Equal(expected.Select(t => t.StartsWith('=') ? "'" + t : t).Order(), titles.Order());
        Assert.Contains("'=HYPERLINK(\"http://x.invalid\") zonnepanelen", titles);

        var searched = await CsvAsync(lead, "/api/exports/initiatives?format=csv&search=zonnepanelen");
        Assert.Equal(["'=HYPERLINK(\"http://x.invalid\") zonnepanelen"], searched.Skip(1).Select(r => r[0]));
        var (_, sheet) = await XlsxAsync(lead, "/api/exports/initiatives?format=xlsx&search=zonnepanelen");
        var cell = Assert.Single(Rows(sheet)).Cell(1);
        Assert.False(cell.HasFormula);
        Assert.Equal(XLDataType.Text, cell.DataType);
    }

    [Theory]
    [InlineData("/api/exports/begrotingen?format=csv", "what")]
    [InlineData("/api/exports/applications", "format")]
    [InlineData("/api/exports/applications?format=pdf", "format")]
    [InlineData("/api/exports/applications?format=csv&scheme=regio-deal", "scheme")]
    [InlineData("/api/exports/applications?format=csv&scheme=6f1c1c1c-1c1c-4c1c-8c1c-1c1c1c1c1c1c", "scheme")]
    [InlineData("/api/exports/applications?format=csv&state=onzin", "state")]
    [InlineData("/api/exports/applications?format=csv&from=31-01-2026", "from")]
    [InlineData("/api/exports/applications?format=csv&from=2026-02-01&to=2026-01-01", "to")]
    [InlineData("/api/exports/applications?format=csv&kind=voorschot", "kind")]
    [InlineData("/api/exports/payments?format=csv&status=onderweg", "status")]
    [InlineData("/api/exports/payments?format=csv&kind=1", "kind")]
    [InlineData("/api/exports/vouchers?format=xlsx&from=2026-01-01", "from")]
    [InlineData("/api/exports/initiatives?format=csv&type=onzin", "type")]
    [InlineData("/api/exports/initiatives?format=csv&region=atlantis", "region")]
    [InlineData("/api/exports/initiatives?format=csv&scheme=6f1c1c1c-1c1c-4c1c-8c1c-1c1c1c1c1c1c", "scheme")]
    public async Task A_bad_parameter_is_a_400_naming_it_in_Dutch(string url, string parameter)
    {
        var problem = await (await (await App.ClientAsAsync("toezicht")).GetAsync(url, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        var messages = errors.EnumerateObject().Where(e => e.Name.Equals(parameter, StringComparison.OrdinalIgnoreCase)).SelectMany(e => e.Value.EnumerateArray()).ToList();
        Assert.True(messages.Count > 0, $"{url}: {problem}");
    }

    [Fact]
    public async Task The_list_pages_link_to_the_export_with_their_filter_and_the_link_downloads_with_the_page_sign_in()
    {
        var ready = await ReadyForDecisionAsync(60_000m);
        await CreateAsync(await App.ClientAsAsync("initiatiefnemer"), 20_000m);
        var page = new PageSession(App.Factory);
        await page.SignInAsync("initiatiefnemer");

        var (_, html) = await page.GetAsync("/aanvragen?toestand=besluitvorming");
        var csvLink = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "href=\"(/exporteren/applications\\?format=csv[^\"]*)\"").Groups[1].Value);
        Assert.Equal("/exporteren/applications?format=csv&state=besluitvorming", csvLink);
        Assert.Contains("/exporteren/applications?format=xlsx&amp;state=besluitvorming", html);
        var download = await page.Client.GetAsync(csvLink, Cancellation);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync(Cancellation);
        var lines = ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal([ready.ToString()], lines.Skip(1).Select(r => r[0]));

        // A wrong filter on the page route shows the error page with 400, never a 500.
        var (bad, _) = await page.GetAsync("/exporteren/applications?format=csv&state=onzin");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var fund = new PageSession(App.Factory);
        await fund.SignInAsync("fondsbeheerder");
        var scheme = await SchemeIdAsync();
        var (_, detail) = await fund.GetAsync($"/regelingen/{scheme}");
        Assert.Contains($"/exporteren/payments?format=xlsx&amp;scheme={scheme}", detail);
        var (_, vouchers) = await fund.GetAsync("/vouchers");
        Assert.Contains("/exporteren/vouchers?format=csv\"", vouchers);
    }

    [Fact]
    public async Task Without_sign_in_there_is_no_export()
    {
        var response = await App.AnonymousClient().GetAsync("/api/exports/initiatives?format=csv", Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task CreateTitledAsync(HttpClient lead, string title)
    {
        var body = JsonSerializer.SerializeToNode(Draft(await SchemeIdAsync(), 10_000m))!;
        body["initiative"]!["title"] = title;
        var response = await lead.PostAsJsonAsync("/api/applications", body, Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancellation));
    }

    private async Task<(HttpResponseMessage Response, IXLWorksheet Sheet)> XlsxAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancellation)}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancellation)));
        return (response, Assert.Single(workbook.Worksheets));
    }

    private static List<string> Header(IXLWorksheet sheet) => [.. sheet.Row(1).CellsUsed().Select(c => c.GetString())];

    private static List<IXLRow> Rows(IXLWorksheet sheet) => [.. sheet.RowsUsed().Skip(1)];

    /// <summary>Downloads a CSV and parses it: UTF-8 BOM, ";" separated, RFC 4180 quotes.</summary>
    private async Task<List<string[]>> CsvAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancellation)}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancellation);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ';')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.Equal(0, field.Length + row.Count);
        return rows;
    }
}
