using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Vouchers;

/// <summary>Voucher schemes carry their own conditions (ages, employer share, validity, reminder, retention) through /api/schemes.</summary>
public sealed class VoucherSchemeTests(AppFixture app) : VoucherTest(app)
{
    [Fact]
    public async Task The_seeded_Opijver_scheme_shows_its_voucher_terms_and_the_subsidy_scheme_none()
    {
        var schemes = (await (await App.ClientAsAsync("aanvrager")).GetFromJsonAsync<JsonElement>("/api/schemes", Cancellation)).EnumerateArray().ToList();

        var opijver = schemes.Single(s => s.GetProperty("name").GetString()!.StartsWith("Opijver", StringComparison.Ordinal)).GetProperty("voucherTerms");
        Assert.Equal((33, 18, 67, false, 300, 6, 30, 24), (opijver.GetProperty("employerSharePercent").GetInt32(), opijver.GetProperty("minAge").GetInt32(),
            opijver.GetProperty("maxAge").GetInt32(), opijver.GetProperty("recognisedTrainingOnly").GetBoolean(), opijver.GetProperty("yearlyTarget").GetInt32(),
            opijver.GetProperty("validityMonths").GetInt32(), opijver.GetProperty("reminderDaysBeforeExpiry").GetInt32(), opijver.GetProperty("retentionMonths").GetInt32()));
        Assert.Equal(JsonValueKind.Null, schemes.Single(s => s.GetProperty("kind").GetString() == "Subsidie").GetProperty("voucherTerms").ValueKind);
    }

    [Fact]
    public async Task A_voucher_scheme_needs_valid_voucher_terms_and_a_subsidy_scheme_ignores_them()
    {
        var fund = await App.ClientAsAsync("fondsbeheerder");
        var opijver = (await fund.GetFromJsonAsync<JsonElement>($"/api/schemes/{await OpijverIdAsync()}", Cancellation));
        var terms = JsonNode.Parse(opijver.GetProperty("terms").GetRawText())!;
        var fundId = opijver.GetProperty("fundOrganisationId").GetGuid();
        object Scheme(string name, string kind, object? voucherTerms) => new { name, kind, funder = "Regio Achterhoek", fundOrganisationId = fundId, terms, voucherTerms };

        var missing = await (await fund.PostAsJsonAsync("/api/schemes", Scheme("Scholingsvoucher Zorg", "Voucher", null), Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Vul de voorwaarden van de voucherregeling in.", missing.GetProperty("errors").GetProperty("voucherTerms")[0].GetString());

        var invalid = new { employerSharePercent = 120, minAge = 30, maxAge = 20, recognisedTrainingOnly = false, yearlyTarget = -1, validityMonths = 0, reminderDaysBeforeExpiry = 400, retentionMonths = 0 };
        var errors = (await (await fund.PostAsJsonAsync("/api/schemes", Scheme("Scholingsvoucher Zorg", "Voucher", invalid), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal("De maximumleeftijd mag niet lager zijn dan de minimumleeftijd.", errors.GetProperty("voucherTerms.maxAge")[0].GetString());
        foreach (var field in new[] { "employerSharePercent", "yearlyTarget", "validityMonths", "reminderDaysBeforeExpiry", "retentionMonths" })
        {
            Assert.True(errors.TryGetProperty($"voucherTerms.{field}", out _), $"{field}: {errors}");
        }

        Assert.Equal(0, await App.QueryAsync(db => db.Schemes.CountAsync(s => s.Name == "Scholingsvoucher Zorg", Cancellation)));

        var valid = new { employerSharePercent = 50, minAge = 18, maxAge = 67, recognisedTrainingOnly = true, yearlyTarget = 50, validityMonths = 12, reminderDaysBeforeExpiry = 60, retentionMonths = 36 };
        var created = await fund.PostAsJsonAsync("/api/schemes", Scheme("Scholingsvoucher Zorg", "Voucher", valid), Cancellation);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(12, (await created.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("voucherTerms").GetProperty("validityMonths").GetInt32());

        var onVoucherWorkflow = await (await fund.PostAsJsonAsync("/api/schemes", Scheme("Innovatiebudget Achterhoek", "Subsidie", valid), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("De workflow 'scholingsvoucher' is alleen voor voucherregelingen.", onVoucherWorkflow.GetProperty("errors").GetProperty("terms.workflowId")[0].GetString());
        terms["workflowId"] = "subsidie-aanvraag";
        var subsidy = await fund.PostAsJsonAsync("/api/schemes", Scheme("Innovatiebudget Achterhoek", "Subsidie", valid), Cancellation);
        Assert.Equal(HttpStatusCode.Created, subsidy.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await subsidy.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("voucherTerms").ValueKind);

        var update = await fund.PutAsJsonAsync($"/api/schemes/{await OpijverIdAsync()}", new { terms, voucherTerms = valid }, Cancellation);
        Assert.Equal("Een voucherregeling volgt de workflow 'scholingsvoucher'.", (await update.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("terms.workflowId")[0].GetString());
        terms["workflowId"] = "scholingsvoucher";
        var withoutVoucherTerms = await fund.PutAsJsonAsync($"/api/schemes/{await OpijverIdAsync()}", new { terms }, Cancellation);
        Assert.True((await withoutVoucherTerms.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("voucherTerms", out _));
        Assert.Equal(6, (await SchemeNamedAsync(RegioFlow.Data.DemoDataSeeder.OpijverName)).VoucherTerms!.ValidityMonths);
    }

    [Fact]
    public async Task A_voucher_scheme_names_no_checklist_or_quorum_and_a_subsidy_scheme_still_must()
    {
        var fund = await App.ClientAsAsync("fondsbeheerder");
        var opijver = await fund.GetFromJsonAsync<JsonElement>($"/api/schemes/{await OpijverIdAsync()}", Cancellation);
        var terms = JsonNode.Parse(opijver.GetProperty("terms").GetRawText())!;
        terms["checklistId"] = null;
        terms["quorum"] = 0;
        var voucherTerms = JsonNode.Parse(opijver.GetProperty("voucherTerms").GetRawText());
        var fundId = opijver.GetProperty("fundOrganisationId").GetGuid();

        var voucher = await fund.PostAsJsonAsync("/api/schemes",
            new { name = "Scholingsvoucher Techniek", kind = "Voucher", funder = "Regio Achterhoek", fundOrganisationId = fundId, terms, voucherTerms }, Cancellation);
        terms["workflowId"] = "subsidie-aanvraag";
        var subsidy = await fund.PostAsJsonAsync("/api/schemes",
            new { name = "Innovatiebudget Techniek", kind = "Subsidie", funder = "Regio Achterhoek", fundOrganisationId = fundId, terms }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, voucher.StatusCode);
        Assert.Equal("", (await SchemeNamedAsync("Scholingsvoucher Techniek")).ChecklistId);
        var errors = (await subsidy.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal("Kies het toetsingskader.", errors.GetProperty("terms.checklistId")[0].GetString());
        Assert.Contains("tussen 1 en 50", errors.GetProperty("terms.quorum")[0].GetString());
    }
}
