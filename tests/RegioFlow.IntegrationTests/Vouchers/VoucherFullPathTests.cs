using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Vouchers;

/// <summary>Acceptance 1 of the voucher issue in one run through the API: request → issue → redeem → claim → pay.</summary>
public sealed class VoucherFullPathTests(AppFixture app) : VoucherTest(app)
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"u8.ToArray();

    [Fact]
    public async Task A_resident_requests_the_fund_issues_the_provider_redeems_and_claims_and_the_fund_pays()
    {
        var resident = await App.ClientAsAsync("aanvrager");
        var fund = await App.ClientAsAsync("fondsbeheerder");
        var provider = await App.ClientAsAsync("opleider");
        var schemeId = await OpijverIdAsync();

        // A jobseeker pays no employer share: the voucher is worth the whole € 2,400 course.
        var requested = await RequestAsync(resident, Body(schemeId, await ProviderIdAsync(), employmentStatus: "Werkzoekend", price: 2_400m));
        var id = requested.GetProperty("id").GetGuid();
        Assert.Equal("aangevraagd", await VoucherStateAsync(id));
        Assert.All(requested.GetProperty("eligibility").EnumerateArray(), rule => Assert.True(rule.GetProperty("passed").GetBoolean(), rule.ToString()));

        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(fund, id, "uitgeven")).StatusCode);
        var issued = await resident.GetFromJsonAsync<JsonElement>($"/api/vouchers/{id}", Cancellation);
        var code = issued.GetProperty("code").GetString()!;
        Assert.Equal(2_400m, issued.GetProperty("value").GetDecimal());
        Assert.Equal((2_400m, 0m), await FiguresAsync());

        var redeem = await provider.PostAsJsonAsync("/api/vouchers/redeem",
            new { code, trainingName = "Vakopleiding Monteur Warmtepompen", startDate = "2026-02-02", amount = 2_200m }, Cancellation);
        Assert.True(redeem.IsSuccessStatusCode, await redeem.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal("verzilverd", await VoucherStateAsync(id));

        using var claim = new MultipartFormDataContent
        {
            { Document(), "invoice", "factuur.pdf" },
            { Document(), "proof", "inschrijving.pdf" },
            { new StringContent("inschrijving"), "kind" },
            { new StringContent("2.200,00"), "amount" },
        };
        var claimed = await provider.PostAsync($"/api/vouchers/{id}/claims", claim, Cancellation);
        Assert.True(claimed.IsSuccessStatusCode, await claimed.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal("gedeclareerd", await VoucherStateAsync(id));

        var paid = await fund.PostAsJsonAsync($"/api/vouchers/{id}/claims/approve", new { paidOn = "2026-01-05", reference = "OPIJVER-2026-0001" }, Cancellation);
        Assert.True(paid.IsSuccessStatusCode, await paid.Content.ReadAsStringAsync(Cancellation));

        Assert.Equal("uitbetaald", await VoucherStateAsync(id));
        // Paid € 2,200; the € 200 the course did not use went back to the budget.
        Assert.Equal((2_200m, 2_200m), await FiguresAsync());
        var voucher = await App.QueryAsync(db => db.Vouchers.AsNoTracking().SingleAsync(v => v.Id == id, Cancellation));
        Assert.Equal((2_200m, "OPIJVER-2026-0001"), (voucher.PaidAmount, voucher.PaymentReference));
        Assert.NotNull(voucher.ClosedAt);

        static ByteArrayContent Document()
        {
            var content = new ByteArrayContent(Pdf);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            return content;
        }
    }

    private async Task<(decimal Committed, decimal Paid)> FiguresAsync()
    {
        var scheme = await SchemeNamedAsync(Data.DemoDataSeeder.OpijverName);
        return (scheme.Committed, scheme.Paid);
    }
}
