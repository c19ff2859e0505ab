using System.Net;
using Microsoft.EntityFrameworkCore;
using RegioFlow.IntegrationTests.Infrastructure;
using RegioFlow.IntegrationTests.Vouchers;

namespace RegioFlow.IntegrationTests.Pages;

/// <summary>The voucher pages driven as a person would: the request form, the fund administrator's decision, redemption by code.</summary>
public sealed class VoucherPagesTests(AppFixture app) : VoucherTest(app)
{
    [Fact]
    public async Task The_request_form_shows_each_failed_rule_on_controleer_without_storing_and_stores_on_aanvragen()
    {
        var scheme = await OpijverIdAsync();
        var provider = await ProviderIdAsync();
        var session = await SignedInAsync("aanvrager");

        var (checkedResponse, checkedHtml) = await session.PostFormAsync("/vouchers/aanvragen", "/vouchers/aanvragen?handler=Check",
            Form(scheme, provider, dateOfBirth: "2009-01-01", gemeente: "Rotterdam"));
        Assert.Equal(HttpStatusCode.OK, checkedResponse.StatusCode);
        Assert.Contains("De deelnemer voldoet niet aan alle voorwaarden.", Text(checkedHtml));
        Assert.Contains("Niet voldaan: U bent 17 jaar; deze regeling is voor 18 tot en met 67 jaar. U voldoet niet aan de leeftijdsgrens.", Text(checkedHtml));
        Assert.Contains("Niet voldaan: De gemeente Rotterdam hoort niet bij de arbeidsmarktregio", Text(checkedHtml));
        Assert.Contains("value=\"Rotterdam\"", checkedHtml); // what was typed stays in the form
        Assert.Equal(0, await App.QueryAsync(db => db.Vouchers.CountAsync(Cancellation)));

        var (empty, emptyHtml) = await session.PostFormAsync("/vouchers/aanvragen", "/vouchers/aanvragen", [new("Input.SchemeId", scheme.ToString())]);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("<p class=\"utrecht-form-field-error-message\" id=\"name-error\">Vul de naam in.</p>", emptyHtml);
        Assert.Contains("<p class=\"utrecht-form-field-error-message\" id=\"provider-error\">Kies de opleider.</p>", emptyHtml);
        Assert.Equal(0, await App.QueryAsync(db => db.Vouchers.CountAsync(Cancellation)));

        var (stored, _) = await session.PostFormAsync("/vouchers/aanvragen", "/vouchers/aanvragen", Form(scheme, provider));
        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        var id = await App.QueryAsync(db => db.Vouchers.Select(v => v.Id).SingleAsync(Cancellation));
        Assert.Equal($"/vouchers/{id}", stored.Headers.Location!.OriginalString);
        Assert.Equal("aangevraagd", await VoucherStateAsync(id));
        var (_, detail) = await session.GetAsync($"/vouchers/{id}");
        Assert.Contains("Uw aanvraag is ontvangen. De fondsbeheerder beoordeelt haar.", Text(detail));
        Assert.Contains("Jan de Groot, geboren 1 mei 1990", Text(detail));
        Assert.DoesNotContain("Besluit vastleggen", detail);
        var (_, mine) = await session.GetAsync("/vouchers");
        Assert.Contains("Mijn vouchers", mine);
        Assert.Contains($"href=\"/vouchers/{id}\">Vakopleiding Monteur Warmtepompen</a>", mine);
    }

    [Fact]
    public async Task The_fund_administrator_issues_on_the_voucher_page_and_the_applicant_sees_code_and_expiry()
    {
        var resident = await App.ClientAsAsync("aanvrager");
        var id = (await RequestAsync(resident, Body(await OpijverIdAsync(), await ProviderIdAsync()))).GetProperty("id").GetGuid();
        var fund = await SignedInAsync("fondsbeheerder");

        var (queue, queueHtml) = await fund.GetAsync("/vouchers?toestand=aangevraagd");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Contains("Jan de Groot", queueHtml);
        var (_, page) = await fund.GetAsync($"/vouchers/{id}");
        Assert.Contains("Besluit vastleggen", page);

        var (noMotivation, noMotivationHtml) = await fund.PostFormAsync($"/vouchers/{id}", $"/vouchers/{id}?handler=Decision", [new("Input.Decision", "afwijzen")]);
        Assert.Equal(HttpStatusCode.BadRequest, noMotivation.StatusCode);
        Assert.Contains("<p class=\"utrecht-form-field-error-message\" id=\"motivation-error\">Motiveer de afwijzing.</p>", noMotivationHtml);
        Assert.Equal("aangevraagd", await VoucherStateAsync(id));

        var (issued, _) = await fund.PostFormAsync($"/vouchers/{id}", $"/vouchers/{id}?handler=Decision", [new("Input.Decision", "uitgeven")]);
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var (_, after) = await fund.GetAsync($"/vouchers/{id}");
        Assert.Contains("De voucher is uitgegeven.", Text(after));
        Assert.DoesNotContain("Besluit vastleggen", after);
        var code = await App.QueryAsync(db => db.Vouchers.Where(v => v.Id == id).Select(v => v.Code).SingleAsync(Cancellation));
        Assert.Equal("uitgegeven", await VoucherStateAsync(id));
        var (_, scheme) = await fund.GetAsync($"/regelingen/{await OpijverIdAsync()}");
        Assert.Contains("data-testid=\"issued-vouchers\">1 van 300</dd>", scheme);
        Assert.Contains("data-testid=\"committed\">€ 2.010,00", Text(scheme));

        var applicant = await SignedInAsync("aanvrager");
        var (_, mine) = await applicant.GetAsync("/vouchers");
        Assert.Contains($"data-testid=\"code\">{code}</td>", mine);
        Assert.Contains("5 juli 2026", mine);
    }

    [Fact]
    public async Task Redemption_on_the_page_explains_a_mistyped_or_used_code_and_changes_nothing()
    {
        var vouchers = new IssuedVouchers(App);
        var voucher = await vouchers.IssueAsync(await vouchers.SchemeAsync());
        var provider = await SignedInAsync("opleider");
        var last = voucher.Code[^1] == 'A' ? 'B' : 'A';
        var mistyped = voucher.Code[..^1] + last;

        var (typo, typoHtml) = await provider.PostFormAsync("/vouchers/verzilveren", "/vouchers/verzilveren", Redeem(mistyped));
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Contains("De controletekens kloppen niet: is de code goed overgenomen?", Text(typoHtml));
        Assert.Equal("uitgegeven", await VoucherStateAsync(voucher.Id));

        var (redeemed, _) = await provider.PostFormAsync("/vouchers/verzilveren", "/vouchers/verzilveren", Redeem(voucher.Code));
        Assert.Equal(HttpStatusCode.Redirect, redeemed.StatusCode);
        Assert.Equal("verzilverd", await VoucherStateAsync(voucher.Id));

        var (again, againHtml) = await provider.PostFormAsync("/vouchers/verzilveren", "/vouchers/verzilveren", Redeem(voucher.Code));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("De voucher kan niet worden verzilverd.", Text(againHtml));
        Assert.Contains("een voucher kan maar één keer worden gebruikt.", Text(againHtml));
        Assert.Equal(1_500m, (await vouchers.VoucherAsync(voucher.Id)).RedeemedAmount);
    }

    [Fact]
    public async Task A_stranger_gets_403_on_a_voucher_and_on_the_redemption_page()
    {
        var vouchers = new IssuedVouchers(App);
        var voucher = await vouchers.IssueAsync(await vouchers.SchemeAsync());
        var stranger = await SignedInAsync("tafellid");

        var (detail, _) = await stranger.GetAsync($"/vouchers/{voucher.Id}");
        var (redeem, _) = await stranger.GetAsync("/vouchers/verzilveren");
        var (unknown, _) = await stranger.GetAsync($"/vouchers/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Forbidden, detail.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, redeem.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static KeyValuePair<string, string>[] Form(Guid scheme, Guid provider, string dateOfBirth = "1990-05-01", string gemeente = "Doetinchem") =>
    [
        new("Input.SchemeId", scheme.ToString()), new("Input.Name", "Jan de Groot"), new("Input.DateOfBirth", dateOfBirth),
        new("Input.Email", "jan@example.invalid"), new("Input.Gemeente", gemeente), new("Input.EmploymentStatus", "Werkend"),
        new("Input.EmployerName", "Installatiebedrijf Oost BV"), new("Input.ProviderId", provider.ToString()),
        new("Input.Training", "Vakopleiding Monteur Warmtepompen"), new("Input.Recognised", "false"), new("Input.StartDate", "2026-03-01"),
        new("Input.Price", "3.000,00"),
    ];

    private static KeyValuePair<string, string>[] Redeem(string code) =>
        [new("Input.Code", code), new("Input.TrainingName", "Vakopleiding Monteur Warmtepompen"), new("Input.StartDate", "2026-02-01"), new("Input.Amount", "1.500")];

    private async Task<PageSession> SignedInAsync(string login)
    {
        var session = new PageSession(App.Factory);
        await session.SignInAsync(login);
        return session;
    }

    /// <summary>The page as a reader sees it: entities decoded (Razor encodes € and quotes) and non-breaking spaces plain.</summary>
    private static string Text(string html) => System.Net.WebUtility.HtmlDecode(html).Replace('\u00a0', ' ').Replace('\u202f', ' ');
}
