using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Initiatives;

/// <summary>The page /initiatieven/importeren driven as a fund administrator would: controleren, then annuleren or importeren.</summary>
public sealed partial class ImportPageTests(AppFixture app) : IntegrationTest(app)
{
    private const string Page = "/initiatieven/importeren";

    private async Task<PageSession> SignedInAsync(string login)
    {
        var session = new PageSession(App.Factory);
        await session.SignInAsync(login);
        return session;
    }

    private static MultipartFormDataContent Upload(string csv, string source)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "Upload", "inventaris.csv");
        content.Add(new StringContent(source), "Input.Source");
        content.Add(new StringContent("techniek"), "Input.Sector");
        content.Add(new StringContent("lopend"), "Input.Status");
        return content;
    }

    private static List<KeyValuePair<string, string>> HiddenFields(string html) =>
        [.. HiddenField().Matches(html).Where(m => m.Groups[1].Value != "__RequestVerificationToken").Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)))];

    private Task<int> CountAsync() => App.QueryAsync(db => db.Initiatives.CountAsync(Cancellation));

    [Fact]
    public async Task Controleren_shows_the_report_annuleren_stores_nothing_and_importeren_stores_the_rows()
    {
        var fund = await SignedInAsync("fondsbeheerder");
        var (form, formHtml) = await fund.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("<label class=\"utrecht-form-label\" for=\"file\">CSV-bestand (hoogstens 5 MB)</label>", formHtml);

        var (checkedResponse, checkedHtml) = await fund.PostMultipartAsync(Page, $"{Page}?handler=Check", Upload(ImportTests.InventoryCsv, ImportTests.Source));
        Assert.Equal(HttpStatusCode.OK, checkedResponse.StatusCode);
        Assert.Contains("236 rijen: 236 in orde, 0 met een fout. Bij importeren: 236 nieuw, 0 bijwerken, 0 ongewijzigd.", checkedHtml);
        Assert.Contains("<caption class=\"utrecht-table__caption\">Uitkomst per rij</caption>", checkedHtml);
        Assert.Contains("<td class=\"utrecht-table__cell\">Bouwmensen Leiden</td>", checkedHtml);
        Assert.Contains("regio afgeleid uit &#x27;Leiden&#x27;", checkedHtml);
        Assert.Contains(">Importeren</button>", checkedHtml);
        Assert.Equal(0, await CountAsync());
        var fields = HiddenFields(checkedHtml);
        Assert.Equal(ImportTests.InventoryCsv, fields.Single(f => f.Key == "Csv").Value);

        var (cancelled, _) = await fund.PostFormAsync(Page, $"{Page}?handler=Cancel", fields);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var (_, afterCancel) = await fund.GetAsync(Page);
        Assert.Contains("De import is geannuleerd; er is niets opgeslagen.", afterCancel);
        Assert.Equal(0, await CountAsync());

        var (imported, _) = await fund.PostFormAsync(Page, $"{Page}?handler=Import", fields);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var (_, afterImport) = await fund.GetAsync(Page);
        Assert.Contains("De inventarisatie 'Inventarisatie Zuid-Holland 2022' is geïmporteerd: 236 nieuw, 0 bijgewerkt, 0 ongewijzigd.", WebUtility.HtmlDecode(afterImport));
        Assert.Equal(236, await App.QueryAsync(db => db.Initiatives.CountAsync(i => i.Source == ImportTests.Source && i.SectorKeys == "|techniek|", Cancellation)));
    }

    [Fact]
    public async Task A_file_with_errors_shows_them_offers_no_import_and_a_missing_source_or_file_is_a_field_error()
    {
        var fund = await SignedInAsync("beheerder");

        var (checkedResponse, html) = await fund.PostMultipartAsync(Page, $"{Page}?handler=Check", Upload("nummer;naam\n1;Een\n1;\n", "Test"));
        Assert.Equal(HttpStatusCode.OK, checkedResponse.StatusCode);
        Assert.Contains("2 rijen: 0 in orde, 2 met een fout.", html);
        Assert.Contains("nummer 1 dubbel in bestand (ook rij 2)", html);
        Assert.Contains("naam ontbreekt", html);
        Assert.DoesNotContain(">Importeren</button>", html);

        // Forcing the import step with the broken text still stores nothing.
        var (forced, forcedHtml) = await fund.PostFormAsync(Page, $"{Page}?handler=Import", HiddenFields(html));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forced.StatusCode);
        Assert.Contains("naam ontbreekt", forcedHtml);
        Assert.Equal(0, await CountAsync());

        var (noSource, noSourceHtml) = await fund.PostMultipartAsync(Page, $"{Page}?handler=Check", Upload("naam\nEen\n", ""));
        Assert.Equal(HttpStatusCode.BadRequest, noSource.StatusCode);
        Assert.Contains("id=\"source-error\">Geef de bron op (source)", noSourceHtml);

        using var noFile = new MultipartFormDataContent { { new StringContent("Test"), "Input.Source" } };
        var (missing, missingHtml) = await fund.PostMultipartAsync(Page, $"{Page}?handler=Check", noFile);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("id=\"file-error\">Kies een CSV-bestand met de inventarisatie.</p>", missingHtml);
    }

    [Fact]
    public async Task Only_fund_administrators_and_admins_open_the_import_page()
    {
        var lead = await SignedInAsync("initiatiefnemer");

        var (response, _) = await lead.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();
}
