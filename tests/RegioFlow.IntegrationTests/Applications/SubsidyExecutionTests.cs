using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Applications;

/// <summary>Documents, reports, tranches, settlement and borging one rule at a time; the whole path is in <see cref="SubsidyFullPathTests"/>.</summary>
public sealed class SubsidyExecutionTests(AppFixture app) : ExecutionTest(app)
{
    public static TheoryData<string, string, string> AllowedDocuments => new()
    {
        { "pdf", "projectplan.pdf", "application/pdf" },
        { "png", "logo.png", "image/png" },
        { "jpg", "foto.jpg", "image/jpeg" },
        { "docx", "begroting.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "xlsx", "begroting.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "odt", "plan van aanpak.odt", "application/vnd.oasis.opendocument.text" },
    };

    [Theory]
    [MemberData(nameof(AllowedDocuments))]
    public async Task Each_allowed_document_type_is_stored_with_the_type_found_in_its_content_and_its_SHA256(string kind, string fileName, string expectedType)
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var id = Id(await CreateAsync(lead, 50_000m));
        var content = Sample(kind);

        // The client claims a generic type: the stored type must come from the content.
        var response = await lead.PostAsync($"/api/applications/{id}/documents", Form(content, fileName, "application/octet-stream", "Bijlage bij de aanvraag"), Cancellation);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancellation));
        var document = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(expectedType, document.GetProperty("contentType").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), document.GetProperty("sha256").GetString());
        Assert.Equal(content.Length, document.GetProperty("size").GetInt64());
        var listed = Assert.Single((await lead.GetFromJsonAsync<JsonElement>($"/api/applications/{id}/documents", Cancellation)).EnumerateArray());
        Assert.Equal(fileName, listed.GetProperty("fileName").GetString());

        var download = await (await App.ClientAsAsync("fondsbeheerder")).GetAsync($"/api/applications/{id}/documents/{document.GetProperty("id").GetGuid()}", Cancellation);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(expectedType, download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync(Cancellation));
    }

    [Theory]
    [InlineData("exe", "projectplan.pdf", "application/pdf")]
    [InlineData("zip", "begroting.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("text", "plan.odt", "application/vnd.oasis.opendocument.text")]
    [InlineData("empty", "leeg.pdf", "application/pdf")]
    public async Task A_document_of_another_type_than_its_name_says_or_empty_is_400_on_file_and_nothing_is_stored(string kind, string fileName, string claimedType)
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var id = Id(await CreateAsync(lead, 50_000m));

        var response = await lead.PostAsync($"/api/applications/{id}/documents", Form(Sample(kind), fileName, claimedType), Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("file")[0].GetString();
        Assert.Contains("PDF, DOCX, XLSX, ODT, PNG", message);
        await AssertNoDocumentsAsync();
    }

    [Fact]
    public async Task A_document_over_20_MB_is_refused_with_Dutch_problem_details_and_nothing_is_stored()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var id = Id(await CreateAsync(lead, 50_000m));
        var content = new byte[(20 * 1024 * 1024) + 1];
        "%PDF-1.7\n"u8.CopyTo(content);

        var response = await lead.PostAsync($"/api/applications/{id}/documents", Form(content, "scan.pdf", "application/pdf"), Cancellation);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode}");
        var problem = await response.AssertProblemAsync(response.StatusCode);
        Assert.Contains("20 MB", problem.ToString());
        await AssertNoDocumentsAsync();
    }

    [Fact]
    public async Task People_who_may_not_see_the_application_get_403_on_its_documents()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var id = Id(await CreateAsync(lead, 50_000m));
        var stored = await lead.PostAsync($"/api/applications/{id}/documents", Form(Sample("pdf"), "plan.pdf", "application/pdf"), Cancellation);
        var documentId = (await stored.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("id").GetGuid();

        foreach (var login in new[] { "aanvrager", "tafellid" }) // a resident; a table member before the application reached the table
        {
            var stranger = await App.ClientAsAsync(login);
            await (await stranger.PostAsync($"/api/applications/{id}/documents", Form(Sample("pdf"), "ander.pdf", "application/pdf"), Cancellation))
                .AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await stranger.GetAsync($"/api/applications/{id}/documents", Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await stranger.GetAsync($"/api/applications/{id}/documents/{documentId}", Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Equal(1, await App.QueryAsync(db => db.Documents.CountAsync(Cancellation)));
    }

    [Fact]
    public async Task A_table_member_may_add_a_document_while_the_table_assesses_but_not_before()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var fund = await App.ClientAsAsync("fondsbeheerder");
        var member = await App.ClientAsAsync("tafellid");
        var application = await CreateAsync(lead, 50_000m);
        var id = Id(application);
        var caseId = application.GetProperty("caseId").GetGuid();
        await SendAsync(lead, $"/api/applications/{id}/submit", new { });
        await SendAsync(fund, $"/api/cases/{caseId}/triggers/in-behandeling-nemen", new { });
        var beforeAssessment = await member.PostAsync($"/api/applications/{id}/documents", Form(Sample("pdf"), "notitie.pdf", "application/pdf"), Cancellation);
        await SendAsync(fund, $"/api/cases/{caseId}/triggers/volledig", new { });

        var during = await member.PostAsync($"/api/applications/{id}/documents", Form(Sample("xlsx"), "rekenmodel.xlsx", "application/octet-stream"), Cancellation);

        await beforeAssessment.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created, during.StatusCode);
        var stored = await App.QueryAsync(db => db.Documents.SingleAsync(Cancellation));
        Assert.Equal(("tafellid", "rekenmodel.xlsx"), (stored.UploadedBy, stored.FileName));
    }

    [Fact]
    public async Task An_upload_sent_as_JSON_instead_of_a_form_is_refused_in_Dutch()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var id = Id(await CreateAsync(lead, 50_000m));

        var response = await lead.PostAsJsonAsync($"/api/applications/{id}/documents", new { file = "JVBERi0xLjc=" }, Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("multipart/form-data", problem.GetProperty("detail").GetString());
        await AssertNoDocumentsAsync();
    }

    [Fact]
    public async Task A_settlement_above_the_granted_amount_is_400_on_amount_and_nothing_changes()
    {
        var id = await AwaitingSettlementAsync(100_000m, 80_000m);
        var fund = await App.ClientAsAsync("fondsbeheerder");

        var response = await fund.PostAsJsonAsync($"/api/applications/{id}/settlement", new { amount = 80_000.01m, motivation = "Meer kosten gemaakt." }, Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("niet hoger zijn dan het verleende bedrag", problem.GetProperty("errors").GetProperty("amount")[0].GetString());
        Assert.Equal("eindverantwoording", await StateAsync(id));
        Assert.Equal(80_000m, (await SchemeAsync()).Committed);
        Assert.Single(await PaymentsAsync(id)); // only the advance
        Assert.Null(await App.QueryAsync(db => db.FundingApplications.Where(a => a.Id == id).Select(a => a.SettledAmount).SingleAsync(Cancellation)));
    }

    [Fact]
    public async Task A_settlement_above_what_was_paid_plans_a_final_payment_and_releases_the_rest_of_the_grant()
    {
        var id = await AwaitingSettlementAsync(100_000m, 80_000m); // advance 32,000 planned
        var fund = await App.ClientAsAsync("fondsbeheerder");

        var settlement = await SendAsync(fund, $"/api/applications/{id}/settlement", new { amount = 70_000m, motivation = "Werkelijke kosten lager dan begroot." });

        var payment = settlement.GetProperty("payment");
        Assert.Equal(("Eindbetaling", 38_000m, "Gepland"), (payment.GetProperty("kind").GetString(), payment.GetProperty("amount").GetDecimal(), payment.GetProperty("status").GetString()));
        Assert.Equal("borging-zes-maanden", settlement.GetProperty("application").GetProperty("state").GetString());
        var scheme = await SchemeAsync();
        Assert.Equal((70_000m, 0m), (scheme.Committed, scheme.Paid));
        var audit = await App.QueryAsync(db => db.AuditTrail.Where(a => a.EntityType == nameof(Scheme)).Select(a => a.Changes).ToListAsync(Cancellation));
        Assert.Contains(audit, c => c.Contains("-10000", StringComparison.Ordinal));
        // The generic case route cannot settle without the payment and the release.
        var generic = await fund.PostAsJsonAsync($"/api/cases/{await CaseIdAsync(id)}/triggers/borging-vastleggen", new { parameters = new { uitkomst = "Gestopt" } }, Cancellation);
        Assert.Contains("/borging", (await generic.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Only_the_fund_administrator_settles_and_only_after_the_final_report()
    {
        var id = await InExecutionAsync(100_000m, 80_000m);
        var fund = await App.ClientAsAsync("fondsbeheerder");
        var lead = await App.ClientAsAsync("initiatiefnemer");

        var early = await fund.PostAsJsonAsync($"/api/applications/{id}/settlement", new { amount = 60_000m, motivation = "Te vroeg." }, Cancellation);
        await SendAsync(lead, $"/api/applications/{id}/reports", FinalReport(80_000m));
        var byLead = await lead.PostAsJsonAsync($"/api/applications/{id}/settlement", new { amount = 80_000m, motivation = "Zelf vastgesteld." }, Cancellation);

        await early.AssertProblemAsync(HttpStatusCode.Conflict);
        await byLead.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("eindverantwoording", await StateAsync(id));
        Assert.Equal(80_000m, (await SchemeAsync()).Committed);
    }

    [Fact]
    public async Task A_borging_check_with_an_unknown_outcome_is_400_listing_the_outcomes()
    {
        var id = await AwaitingSettlementAsync(100_000m, 80_000m);
        var fund = await App.ClientAsAsync("fondsbeheerder");
        await SendAsync(fund, $"/api/applications/{id}/settlement", new { amount = 80_000m, motivation = "Conform begroting." });

        foreach (var outcome in new[] { "Verdwenen", "3", "" })
        {
            var response = await fund.PostAsJsonAsync($"/api/applications/{id}/borging", new { outcome, notes = "?" }, Cancellation);
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            var message = problem.GetProperty("errors").GetProperty("outcome")[0].GetString();
            Assert.Contains("Bijdragemodel", message);
            Assert.Contains("StructureleFinanciering", message);
        }

        Assert.Equal("borging-zes-maanden", await StateAsync(id));
        Assert.Equal(0, await App.QueryAsync(db => db.BorgingChecks.CountAsync(Cancellation)));
    }

    [Fact]
    public async Task A_tranche_over_what_is_left_of_the_grant_is_400_and_more_tranches_than_the_scheme_allows_409()
    {
        var id = await InExecutionAsync(100_000m, 80_000m); // advance 32,000: 48,000 left
        var lead = await App.ClientAsAsync("initiatiefnemer");

        var tooMuch = await lead.PostAsJsonAsync($"/api/applications/{id}/payments", new { amount = 48_000.01m }, Cancellation);
        var problem = await tooMuch.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("nog over is", problem.GetProperty("errors").GetProperty("amount")[0].GetString());
        Assert.Contains("48.000,00", problem.GetProperty("errors").GetProperty("amount")[0].GetString());
        foreach (var bad in new[] { 0m, -1m, 10.005m })
        {
            (await (await lead.PostAsJsonAsync($"/api/applications/{id}/payments", new { amount = bad }, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest))
                .GetProperty("errors").GetProperty("amount");
        }

        await SendAsync(lead, $"/api/applications/{id}/payments", new { amount = 20_000m });
        await SendAsync(await App.ClientAsAsync("fondsbeheerder"), $"/api/applications/{id}/payments", new { amount = 28_000m, description = "Tranche 2" });
        var third = await lead.PostAsJsonAsync($"/api/applications/{id}/payments", new { amount = 1m }, Cancellation);

        Assert.Contains("2 tranche(s)", (await third.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal(["Voorschot:32000", "Tranche:20000", "Tranche:28000"],
            (await PaymentsAsync(id)).Select(p => $"{p.GetProperty("kind").GetString()}:{p.GetProperty("amount").GetDecimal():0}"));
    }

    [Fact]
    public async Task Two_tranche_requests_at_once_that_together_exceed_the_grant_give_one_tranche()
    {
        var id = await InExecutionAsync(100_000m, 80_000m); // 48,000 left after the advance
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var fund = await App.ClientAsAsync("fondsbeheerder");

        var responses = await Task.WhenAll(
            lead.PostAsJsonAsync($"/api/applications/{id}/payments", new { amount = 30_000m }, Cancellation),
            fund.PostAsJsonAsync($"/api/applications/{id}/payments", new { amount = 30_000m }, Cancellation));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var refused = responses.Single(r => r.StatusCode != HttpStatusCode.Created);
        Assert.True(refused.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest, $"{(int)refused.StatusCode}");
        await refused.AssertProblemAsync(refused.StatusCode);
        Assert.Equal(30_000m, await App.QueryAsync(db => db.Payments.Where(p => p.Kind == PaymentKind.Tranche).SumAsync(p => p.Amount, Cancellation)));
    }

    [Fact]
    public async Task A_report_with_an_unknown_KPI_is_400_and_reports_only_go_through_the_reports_route_during_execution()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var before = await ReadyForDecisionAsync(100_000m);
        var tooEarly = await lead.PostAsJsonAsync($"/api/applications/{before}/reports", FinalReport(1m), Cancellation);
        await tooEarly.AssertProblemAsync(HttpStatusCode.Conflict);
        var id = await InExecutionAsync(100_000m, 80_000m);

        var unknown = await lead.PostAsJsonAsync($"/api/applications/{id}/reports", new
        {
            kind = "voortgang",
            summary = "Loopt.",
            spentToDate = 10_000m,
            kpiActuals = new[] { new { indicator = "zij-instromers in dienst", actual = 3m }, new { indicator = "tevredenheid", actual = 8m } },
        }, Cancellation);
        var generic = await lead.PostAsJsonAsync($"/api/cases/{await CaseIdAsync(id)}/triggers/voortgang-rapporteren", new { }, Cancellation);

        var problem = await unknown.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("'tevredenheid' is geen KPI", problem.GetProperty("errors").GetProperty("kpiActuals[1].indicator")[0].GetString());
        Assert.Contains("/reports", (await generic.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal(0, await App.QueryAsync(db => db.Reports.CountAsync(Cancellation)));
        var kpi = (await lead.GetFromJsonAsync<JsonElement>($"/api/applications/{id}", Cancellation)).GetProperty("initiative").GetProperty("kpis")[0];
        Assert.Equal(JsonValueKind.Null, kpi.GetProperty("actual").ValueKind);
    }

    private async Task AssertNoDocumentsAsync()
    {
        Assert.Equal(0, await App.QueryAsync(db => db.Documents.CountAsync(Cancellation)));
        Assert.Equal(0, await App.QueryAsync(db => db.DocumentContents.CountAsync(Cancellation)));
    }

    private static MultipartFormDataContent Form(byte[] content, string fileName, string contentType, string? description = null)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        if (description is not null)
        {
            form.Add(new StringContent(description), "description");
        }

        return form;
    }

    private static byte[] Sample(string kind) => kind switch
    {
        "pdf" => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        "png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01],
        "jpg" => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0xFF, 0xD9],
        "docx" => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")),
        "xlsx" => Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")),
        "odt" => Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>")),
        "zip" => Zip(("readme.txt", "Geen Word-document.")),
        "exe" => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF],
        "text" => Encoding.UTF8.GetBytes("Dit is gewone tekst met een .odt-naam."),
        "empty" => [],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name, CompressionLevel.NoCompression).Open());
                writer.Write(content);
            }
        }

        return stream.ToArray();
    }
}
