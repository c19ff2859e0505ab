using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Applications;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Pages;

/// <summary>
/// The execution half of a subsidy case through its pages, as the people involved use them: documents on the case
/// page, the lead's reports and tranche request, the fund administrator's settlement and borging checks.
/// </summary>
public sealed partial class ExecutionPagesTests(AppFixture app) : ExecutionTest(app)
{
    [Fact]
    public async Task The_lead_uploads_a_pdf_on_the_case_page_and_downloads_it_back_byte_identical()
    {
        var id = await InExecutionAsync(100_000m, 100_000m);
        var session = await SignedInAsync("initiatiefnemer");
        byte[] pdf = [.. "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"u8, 0x00, 0xFF, 0x10];

        var (posted, _) = await session.PostMultipartAsync($"/aanvragen/{id}", $"/aanvragen/{id}?handler=Document", Upload(pdf, "projectplan.pdf", "Projectplan versie 2"));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var (_, page) = await session.GetAsync(posted.Headers.Location!.OriginalString);
        var stored = await App.QueryAsync(db => db.Documents.AsNoTracking().SingleAsync(Cancellation));
        Assert.Contains("Het document ‘projectplan.pdf’ is toegevoegd.", Text(page));
        Assert.Contains($"data-testid=\"document-{stored.Id}\"", page);
        Assert.Contains("Projectplan versie 2", page);
        Assert.Contains($"<code title=\"{stored.Sha256}\">{stored.Sha256[..12]}</code>", page);
        Assert.Contains($"{pdf.Length} bytes", page);
        var link = DownloadLink().Match(page);
        Assert.True(link.Success, "no download link on the case page");

        var download = await session.Client.GetAsync(WebUtility.HtmlDecode(link.Groups[1].Value), Cancellation);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Cancellation));

        // The fund administrator sees and downloads it too; a member of the table, who cannot upload now, gets no form.
        var fund = await SignedInAsync("fondsbeheerder");
        var (fundResponse, fundBytes) = await DownloadAsync(fund, WebUtility.HtmlDecode(link.Groups[1].Value));
        Assert.Equal(HttpStatusCode.OK, fundResponse.StatusCode);
        Assert.Equal(pdf, fundBytes);
        var (_, tablePage) = await (await SignedInAsync("tafellid")).GetAsync($"/aanvragen/{id}");
        Assert.Contains("projectplan.pdf", tablePage);
        Assert.DoesNotContain("data-testid=\"upload-form\"", tablePage);
    }

    [Fact]
    public async Task A_renamed_non_pdf_is_refused_on_the_case_page_in_dutch_and_nothing_is_stored()
    {
        var id = await InExecutionAsync(100_000m, 100_000m);
        var session = await SignedInAsync("initiatiefnemer");
        byte[] executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

        var (response, html) = await session.PostMultipartAsync($"/aanvragen/{id}", $"/aanvragen/{id}?handler=Document", Upload(executable, "begroting.pdf", "Begroting"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<p class=\"utrecht-form-field-error-message\" id=\"upload-file-error\">Dit bestandstype is niet toegestaan. Toegestaan zijn PDF, DOCX, XLSX, ODT, PNG en JPG;", html);
        Assert.Contains("aria-describedby=\"upload-file-description upload-file-error\"", html);
        Assert.Contains("value=\"Begroting\"", html); // the description typed stays in the field
        Assert.Contains("Er zijn (nog) geen documenten.", html);
        Assert.Equal((0, 0), (await App.QueryAsync(db => db.Documents.CountAsync(Cancellation)), await App.QueryAsync(db => db.DocumentContents.CountAsync(Cancellation))));
    }

    [Fact]
    public async Task The_lead_sends_a_progress_report_and_then_a_late_final_report_through_the_report_page()
    {
        var id = await InExecutionAsync(100_000m, 100_000m);
        var session = await SignedInAsync("initiatiefnemer");
        var reportPage = $"/aanvragen/{id}/rapportage";

        var (_, casePage) = await session.GetAsync($"/aanvragen/{id}");
        Assert.Contains($"href=\"{reportPage}?soort=voortgang\"", casePage);
        Assert.Contains($"href=\"{reportPage}?soort=eindverantwoording\"", casePage);
        Assert.DoesNotContain("krijgt binnenkort een eigen pagina", casePage);
        var (_, form) = await session.GetAsync($"{reportPage}?soort=voortgang");
        Assert.Contains("Er is nog niet gerapporteerd.", form);
        Assert.Contains("name=\"Input.KpiActuals[0].Indicator\" value=\"zij-instromers in dienst\"", form);
        Assert.Contains("Doel: 60", form);
        Assert.Matches("id=\"kind-voortgang\"[^>]*checked=\"checked\"", form);
        Assert.DoesNotMatch("id=\"kind-eindverantwoording\"[^>]*checked", form);

        var (empty, emptyHtml) = await session.PostFormAsync(reportPage, reportPage,
            [new("Input.Kind", "voortgang"), new("Input.SpentToDate", "veel"), new("Input.KpiActuals[0].Indicator", "zij-instromers in dienst"), new("Input.KpiActuals[0].Actual", "-3")]);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Vul het bedrag in euro&#x27;s in, bijvoorbeeld 125000 of 125.000,50.", emptyHtml);
        var (noSummary, noSummaryHtml) = await session.PostFormAsync(reportPage, reportPage,
            [new("Input.Kind", "voortgang"), new("Input.SpentToDate", "40.000"), new("Input.KpiActuals[0].Indicator", "zij-instromers in dienst"), new("Input.KpiActuals[0].Actual", "-3")]);
        Assert.Equal(HttpStatusCode.BadRequest, noSummary.StatusCode);
        Assert.Contains("id=\"summary-error\">Beschrijf wat er is gedaan en bereikt.</p>", noSummaryHtml);
        Assert.Contains("id=\"kpi-0-error\">De behaalde waarde kan niet negatief zijn.</p>", noSummaryHtml);
        Assert.Equal(0, await App.QueryAsync(db => db.Reports.CountAsync(Cancellation)));

        var (progress, _) = await session.PostFormAsync(reportPage, reportPage,
            [new("Input.Kind", "voortgang"), new("Input.Summary", "Eerste groep van 21 zij-instromers gestart."), new("Input.SpentToDate", "40.000"),
             new("Input.KpiActuals[0].Indicator", "zij-instromers in dienst"), new("Input.KpiActuals[0].Actual", "21")]);
        Assert.Equal(HttpStatusCode.Redirect, progress.StatusCode);
        Assert.Equal($"/aanvragen/{id}", progress.Headers.Location!.OriginalString);
        var (_, afterProgress) = await session.GetAsync($"/aanvragen/{id}");
        Assert.Contains("De voortgangsrapportage is ingediend.", afterProgress);
        Assert.Equal("uitvoering", await StateAsync(id));

        // The reporting reminder falls due before the final report comes in: that report is late.
        var caseId = await CaseIdAsync(id);
        var reminder = await App.QueryAsync(db => db.CaseDeadlines.Where(d => d.CaseId == caseId && d.TimerId == "voortgangsrapportage" && d.Status == DeadlineStatus.Planned).SingleAsync(Cancellation));
        App.Clock.Set(reminder.DueAt.AddMinutes(1));
        await RunDeadlineAsync(reminder.Id);
        session = await SignedInAsync("initiatiefnemer"); // six months on, the sign-in has expired
        var (final, _) = await session.PostFormAsync($"{reportPage}?soort=eindverantwoording", reportPage,
            [new("Input.Kind", "eindverantwoording"), new("Input.Summary", "Project afgerond: 58 zij-instromers in dienst."), new("Input.SpentToDate", "95.000,50"),
             new("Input.KpiActuals[0].Indicator", "zij-instromers in dienst"), new("Input.KpiActuals[0].Actual", "58")]);
        Assert.Equal(HttpStatusCode.Redirect, final.StatusCode);

        var (_, afterFinal) = await session.GetAsync($"/aanvragen/{id}");
        Assert.Contains("De eindverantwoording is ingediend; de fondsbeheerder stelt nu de subsidie vast.", afterFinal);
        Assert.Equal("eindverantwoording", await StateAsync(id));
        var (_, list) = await session.GetAsync(reportPage);
        Assert.Contains("Eerste groep van 21 zij-instromers gestart.", list);
        Assert.Contains("€ 95.000,50", Text(list));
        Assert.Single(LateBadge().Matches(list));
        Assert.True(list.IndexOf("Voortgangsrapportage van", StringComparison.Ordinal) < list.IndexOf("Eindverantwoording van", StringComparison.Ordinal));
        Assert.DoesNotContain("Rapportage indienen", list); // no more reporting after the final report
        var reports = await App.QueryAsync(db => db.Reports.AsNoTracking().OrderBy(r => r.SubmittedAt).ToListAsync(Cancellation));
        Assert.Equal([(ReportKind.Voortgang, 40_000m, false), (ReportKind.Eindverantwoording, 95_000.50m, true)], reports.Select(r => (r.Kind, r.SpentToDate, r.Late)));
        var initiative = await App.QueryAsync(db => db.Initiatives.AsNoTracking().SingleAsync(i => db.FundingApplications.Any(a => a.Id == id && a.InitiativeId == i.Id), Cancellation));
        Assert.Equal(58m, initiative.Kpis.Single().Actual); // the final report's figure is the initiative's KPI now
    }

    [Fact]
    public async Task The_lead_asks_a_tranche_and_the_fund_administrator_settles_lower_than_paid_so_a_terugvordering_appears()
    {
        var id = await InExecutionAsync(100_000m, 100_000m);
        var lead = await SignedInAsync("initiatiefnemer");
        var casePage = $"/aanvragen/{id}";

        var (_, before) = await lead.GetAsync(casePage);
        Assert.Contains("data-testid=\"tranche-form\"", before);
        Assert.Contains("er is nog € 60.000,00 over", Text(before));
        var (tooMuch, tooMuchHtml) = await lead.PostFormAsync(casePage, $"{casePage}?handler=Tranche", [new("Tranche.Amount", "80.000"), new("Tranche.Description", "Tranche 1")]);
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Contains("id=\"tranche-amount-error\">Het bedrag is hoger dan wat er van de subsidie nog over is (€ 60.000,00).</p>", Text(tooMuchHtml));
        var (asked, _) = await lead.PostFormAsync(casePage, $"{casePage}?handler=Tranche", [new("Tranche.Amount", "30.000"), new("Tranche.Description", "Tranche 1: opleidingen")]);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var (_, afterTranche) = await lead.GetAsync(casePage);
        Assert.Contains("Tranche 1: opleidingen van € 30.000,00 is aangevraagd", Text(afterTranche));
        Assert.Contains("er is nog € 30.000,00 over (1 van 2 tranche(s) aangevraagd)", Text(afterTranche));
        await SendAsync(await App.ClientAsAsync("initiatiefnemer"), $"/api/applications/{id}/reports", FinalReport(60_000m));

        var fund = await SignedInAsync("fondsbeheerder");
        var page = $"/aanvragen/{id}/vaststelling";
        var (_, fundCase) = await fund.GetAsync(casePage);
        Assert.Contains($"href=\"{page}\"", fundCase);
        var (_, brief) = await fund.GetAsync(page);
        Assert.Contains("data-testid=\"granted\">€ 100.000,00", Text(brief));
        Assert.Contains("data-testid=\"paid\">€ 70.000,00", Text(brief));
        Assert.Contains("data-testid=\"final-costs\">€ 60.000,00", Text(brief));
        var (preview, previewHtml) = await fund.PostFormAsync(page, $"{page}?handler=Preview", [new("Input.Amount", "60.000")]);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Vaststellen op € 60.000,00 leidt tot een terugvordering van € 10.000,00. Er gaat € 40.000,00 terug naar de regeling.", Squeezed(previewHtml));
        Assert.Equal("eindverantwoording", await StateAsync(id)); // a preview stores nothing
        Assert.Contains($"<form method=\"post\" novalidate action=\"{page}\">", previewHtml); // "Vaststellen" after a preview settles
        var (noMotivation, noMotivationHtml) = await fund.PostFormAsync(page, page, [new("Input.Amount", "60.000")]);
        Assert.Equal(HttpStatusCode.BadRequest, noMotivation.StatusCode);
        Assert.Contains("id=\"motivation-error\">Motiveer de vaststelling (bijvoorbeeld welke kosten niet subsidiabel zijn).</p>", noMotivationHtml);

        var (settled, _) = await fund.PostFormAsync(page, page, [new("Input.Amount", "60.000"), new("Input.Motivation", "Twee opleidingen zijn niet doorgegaan.")]);

        Assert.Equal(HttpStatusCode.Redirect, settled.StatusCode);
        Assert.Equal(casePage, settled.Headers.Location!.OriginalString);
        var (_, after) = await fund.GetAsync(casePage);
        Assert.Contains("De subsidie is vastgesteld op € 60.000,00. Er volgt een terugvordering van € 10.000,00.", Text(after));
        Assert.Contains("<th scope=\"row\" class=\"utrecht-table__cell\">Terugvordering</th>", after);
        Assert.Equal("borging-zes-maanden", await StateAsync(id));
        var payments = await App.QueryAsync(db => db.Payments.AsNoTracking().Where(p => p.ApplicationId == id).OrderBy(p => p.CreatedAt).Select(p => new { p.Kind, p.Amount }).ToListAsync(Cancellation));
        Assert.Equal([(PaymentKind.Voorschot, 40_000m), (PaymentKind.Tranche, 30_000m), (PaymentKind.Terugvordering, 10_000m)], payments.Select(p => (p.Kind, p.Amount)));
        Assert.Equal(60_000m, await App.QueryAsync(db => db.FundingApplications.Select(a => a.SettledAmount).SingleAsync(Cancellation)));
    }

    [Fact]
    public async Task The_fund_administrator_records_both_borging_checks_on_the_borging_page_and_the_case_is_closed()
    {
        var id = await SettledAsync();
        var fund = await SignedInAsync("fondsbeheerder");
        var page = $"/aanvragen/{id}/borging";

        var (_, casePage) = await fund.GetAsync($"/aanvragen/{id}");
        Assert.Contains($"href=\"{page}\"", casePage);
        var (_, form) = await fund.GetAsync(page);
        Assert.Contains("Graafschap College (afdeling Techniek)", form);
        Assert.Contains("Borging na 6 maanden vastleggen", form);
        Assert.Contains("Er is nog geen borgingscheck vastgelegd.", form);
        foreach (var label in new[] { "Overgedragen aan de leden", "Bijdragemodel", "Onderdeel van een school", "Structurele financiering", "Vervolgaanvraag", "Opgegaan in ander verband", "Gestopt", "Onduidelijk" })
        {
            Assert.Contains($">{label}</label>", form);
        }

        var (noOutcome, noOutcomeHtml) = await fund.PostFormAsync(page, page, [new("Input.Notes", "Nog niet bekend.")]);
        Assert.Equal(HttpStatusCode.BadRequest, noOutcome.StatusCode);
        Assert.Contains("id=\"outcome-error\">Kies de uitkomst van de borging.</p>", noOutcomeHtml);
        Assert.Equal(0, await App.QueryAsync(db => db.BorgingChecks.CountAsync(Cancellation)));

        var (six, _) = await fund.PostFormAsync(page, page, [new("Input.Outcome", "Bijdragemodel"), new("Input.Notes", "Werkgevers betalen per deelnemer.")]);
        Assert.Equal(HttpStatusCode.Redirect, six.StatusCode);
        var (_, afterSix) = await fund.GetAsync($"/aanvragen/{id}");
        Assert.Contains("De borging na 6 maanden is vastgelegd (Bijdragemodel)", afterSix);
        var (_, twelveForm) = await fund.GetAsync(page);
        Assert.Contains("Borging na 12 maanden vastleggen", twelveForm);
        Assert.Contains("<th scope=\"row\" class=\"utrecht-table__cell\">Na 6 maanden</th>", twelveForm);
        Assert.Contains("Werkgevers betalen per deelnemer.", twelveForm);

        var (twelve, _) = await fund.PostFormAsync(page, page, [new("Input.Outcome", "StructureleFinanciering"), new("Input.Notes", "Opgenomen in de begroting van de school.")]);

        Assert.Equal(HttpStatusCode.Redirect, twelve.StatusCode);
        var (_, closed) = await fund.GetAsync($"/aanvragen/{id}");
        Assert.Contains("de zaak is afgesloten", closed);
        Assert.Contains("data-testid=\"state\">Afgesloten</strong>", closed);
        Assert.Equal("afgesloten", await StateAsync(id));
        var checks = await App.QueryAsync(db => db.BorgingChecks.AsNoTracking().OrderBy(b => b.Months).Select(b => new { b.Months, b.Outcome }).ToListAsync(Cancellation));
        Assert.Equal([(6, BorgingOutcome.Bijdragemodel), (12, BorgingOutcome.StructureleFinanciering)], checks.Select(c => (c.Months, c.Outcome)));
        var (_, done) = await fund.GetAsync(page);
        Assert.Contains("Structurele financiering", done);
        Assert.Contains("Er staat nu geen borgingscheck open", done);
    }

    [Fact]
    public async Task A_lead_gets_403_on_the_settlement_and_borging_pages_and_cannot_post_there()
    {
        var id = await AwaitingSettlementAsync(100_000m, 100_000m);
        var lead = await SignedInAsync("initiatiefnemer");

        var (settlementPage, settlementHtml) = await lead.GetAsync($"/aanvragen/{id}/vaststelling");
        var (settlementPost, _) = await lead.PostFormAsync("/", $"/aanvragen/{id}/vaststelling", [new("Input.Amount", "1"), new("Input.Motivation", "Zelf vastgesteld.")]);
        var (borgingPage, _) = await lead.GetAsync($"/aanvragen/{id}/borging");
        var (borgingPost, _) = await lead.PostFormAsync("/", $"/aanvragen/{id}/borging", [new("Input.Outcome", "Gestopt")]);

        Assert.Equal(HttpStatusCode.Forbidden, settlementPage.StatusCode);
        Assert.Contains("Geen toegang", settlementHtml);
        Assert.Equal(HttpStatusCode.Forbidden, settlementPost.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, borgingPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, borgingPost.StatusCode);
        Assert.Equal("eindverantwoording", await StateAsync(id));
        Assert.Null(await App.QueryAsync(db => db.FundingApplications.Select(a => a.SettledAmount).SingleAsync(Cancellation)));
        Assert.Equal(0, await App.QueryAsync(db => db.BorgingChecks.CountAsync(Cancellation)));
    }

    /// <summary>Settled in full through the API: the case waits for the 6-month borging check.</summary>
    private async Task<Guid> SettledAsync()
    {
        var id = await AwaitingSettlementAsync(100_000m, 100_000m);
        await SendAsync(await App.ClientAsAsync("fondsbeheerder"), $"/api/applications/{id}/settlement", new { amount = 100_000m, motivation = "Volgens plan uitgevoerd." });
        return id;
    }

    private async Task<PageSession> SignedInAsync(string login)
    {
        var session = new PageSession(App.Factory);
        await session.SignInAsync(login);
        return session;
    }

    private async Task<(HttpResponseMessage Response, byte[] Bytes)> DownloadAsync(PageSession session, string url)
    {
        var response = await session.Client.GetAsync(url, Cancellation);
        return (response, await response.Content.ReadAsByteArrayAsync(Cancellation));
    }

    /// <summary>The multipart form the case page's upload sends; the browser's content type is the name's, not the content's.</summary>
    private static MultipartFormDataContent Upload(byte[] content, string fileName, string description)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "Upload.File", fileName }, { new StringContent(description), "Upload.Description" } };
    }

    /// <summary>The page as a reader sees it: entities decoded (Razor encodes € and quotes) and non-breaking spaces plain.</summary>
    private static string Text(string html) => WebUtility.HtmlDecode(html).Replace('\u00a0', ' ').Replace('\u202f', ' ');

    /// <summary>The text without tags and with runs of white space as one space, for sentences Razor spreads over lines and elements.</summary>
    private static string Squeezed(string html) => Whitespace().Replace(Tags().Replace(Text(html), ""), " ");

    [GeneratedRegex("href=\"(/aanvragen/[0-9a-f-]+\\?handler=Document&amp;documentId=[0-9a-f-]+)\"")]
    private static partial Regex DownloadLink();

    [GeneratedRegex("data-testid=\"late\"")]
    private static partial Regex LateBadge();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
