using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegioFlow.Domain;
using RegioFlow.Features.Vouchers;
using RegioFlow.IntegrationTests.Infrastructure;
using RegioFlow.Jobs;
using RegioFlow.Workflows;

namespace RegioFlow.IntegrationTests.Vouchers;

/// <summary>
/// The money side of a training voucher on the test clock: the provider redeems and claims, the fund pays, an unused
/// voucher expires (reminder first, then its value back to the budget), and the retention job removes personal data.
/// </summary>
public sealed class VoucherMoneyTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];

    private IssuedVouchers Vouchers => new(App);

    private string Today => DutchCalendar.LocalDate(App.Clock.GetUtcNow()).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_voucher_is_redeemed_claimed_and_paid_and_the_unused_value_returns_to_the_budget()
    {
        var schemeId = await Vouchers.SchemeAsync(ceiling: 10_000m);
        var voucher = await Vouchers.IssueAsync(schemeId, value: 2_000m);
        Assert.Equal((2_000m, 0m), await Vouchers.FiguresAsync(schemeId));
        var provider = await App.ClientAsAsync("opleider");
        var fund = await App.ClientAsAsync("fondsbeheerder");

        // The code as a person reads it out: lower case, without dashes.
        var redeemed = await PostAsync(provider, "/api/vouchers/redeem", new
        {
            code = voucher.Code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant(),
            trainingName = "Monteur installatietechniek (mbo-2)",
            startDate = DutchCalendar.LocalDate(App.Clock.GetUtcNow()).AddDays(14).ToString("yyyy-MM-dd"),
            amount = 1_800m,
        });
        Assert.Equal(("verzilverd", 1_800m), (redeemed.GetProperty("state").GetString(), redeemed.GetProperty("redeemedAmount").GetDecimal()));

        // More than redeemed, or an executable as invoice: 400 on the field, nothing stored.
        var tooMuch = await provider.PostAsync($"/api/vouchers/{voucher.Id}/claims", Claim(Pdf, Png, "deelname", "1800.01"), Cancellation);
        Assert.Contains("hoogstens het verzilverde bedrag", (await tooMuch.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("amount")[0].GetString());
        var notAnAmount = await provider.PostAsync($"/api/vouchers/{voucher.Id}/claims", Claim(Pdf, Png, "deelname", "zeventienhonderd"), Cancellation);
        Assert.Contains("bijvoorbeeld 1750", (await notAnAmount.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("amount")[0].GetString());
        var exe = await provider.PostAsync($"/api/vouchers/{voucher.Id}/claims", Claim(Executable, Png, "deelname", "1750"), Cancellation);
        Assert.Contains("niet toegestaan", (await exe.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("invoice")[0].GetString());
        Assert.Equal(0, await App.QueryAsync(db => db.VoucherDocuments.CountAsync(Cancellation)));

        App.Clock.Advance(TimeSpan.FromDays(60));
        var claimed = await ReadAsync(await provider.PostAsync($"/api/vouchers/{voucher.Id}/claims", Claim(Pdf, Png, "deelname", "1.750,00"), Cancellation));
        Assert.Equal(("gedeclareerd", 1_750m), (claimed.GetProperty("state").GetString(), claimed.GetProperty("claimAmount").GetDecimal()));

        var documents = (await fund.GetFromJsonAsync<JsonElement>($"/api/vouchers/{voucher.Id}/claims", Cancellation)).EnumerateArray().ToList();
        Assert.Equal(["BewijsVanDeelname:image/png", "Factuur:application/pdf"],
            documents.Select(d => $"{d.GetProperty("kind").GetString()}:{d.GetProperty("contentType").GetString()}").Order(StringComparer.Ordinal));
        var invoice = documents.Single(d => d.GetProperty("kind").GetString() == "Factuur");
        Assert.Equal(Pdf, await fund.GetByteArrayAsync($"/api/vouchers/{voucher.Id}/documents/{invoice.GetProperty("id").GetGuid()}", Cancellation));
        var stranger = await App.ClientAsAsync("initiatiefnemer");
        await (await stranger.GetAsync($"/api/vouchers/{voucher.Id}/claims", Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);

        // Only the fund pays; the provider cannot approve its own claim.
        var own = await provider.PostAsJsonAsync($"/api/vouchers/{voucher.Id}/claims/approve", new { paidOn = Today, reference = "X" }, Cancellation);
        await own.AssertProblemAsync(HttpStatusCode.Forbidden);
        var paid = await PostAsync(fund, $"/api/vouchers/{voucher.Id}/claims/approve", new { paidOn = Today, reference = "OPIJVER-2026-0001" });
        Assert.Equal(("uitbetaald", 1_750m, "OPIJVER-2026-0001"),
            (paid.GetProperty("state").GetString(), paid.GetProperty("paidAmount").GetDecimal(), paid.GetProperty("paymentReference").GetString()));

        // Paid 1,750 of the 2,000 committed; the unused 250 is free again, and the voucher is closed.
        Assert.Equal((1_750m, 1_750m), await Vouchers.FiguresAsync(schemeId));
        Assert.Equal(App.Clock.GetUtcNow(), (await Vouchers.VoucherAsync(voucher.Id)).ClosedAt);
        var again = await fund.PostAsJsonAsync($"/api/vouchers/{voucher.Id}/claims/approve", new { paidOn = Today, reference = "OPIJVER-2026-0001" }, Cancellation);
        Assert.Contains("al uitbetaald", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal((1_750m, 1_750m), await Vouchers.FiguresAsync(schemeId));
    }

    [Fact]
    public async Task A_rejected_claim_goes_back_to_the_provider_who_may_claim_again()
    {
        var schemeId = await Vouchers.SchemeAsync();
        var voucher = await Vouchers.IssueAsync(schemeId, value: 1_000m);
        var provider = await App.ClientAsAsync("opleider");
        var fund = await App.ClientAsAsync("fondsbeheerder");
        await PostAsync(provider, "/api/vouchers/redeem", new { code = voucher.Code, trainingName = "Lassen", startDate = Today, amount = 1_000m });
        await ReadAsync(await provider.PostAsync($"/api/vouchers/{voucher.Id}/claims", Claim(Pdf, Pdf, "inschrijving", "1000"), Cancellation));

        var noReason = await fund.PostAsJsonAsync($"/api/vouchers/{voucher.Id}/claims/reject", new { motivation = "" }, Cancellation);
        Assert.True((await noReason.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("motivation", out _));
        var rejected = await PostAsync(fund, $"/api/vouchers/{voucher.Id}/claims/reject", new { motivation = "De factuur noemt een andere cursist." });
        Assert.Equal("verzilverd", rejected.GetProperty("state").GetString());
        Assert.Equal((1_000m, 0m), await Vouchers.FiguresAsync(schemeId));

        var second = await ReadAsync(await provider.PostAsync($"/api/vouchers/{voucher.Id}/claims", Claim(Pdf, Png, "deelname", "1000"), Cancellation));
        Assert.Equal("gedeclareerd", second.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Redemption_is_refused_with_the_reason_for_a_mistyped_unknown_other_providers_used_or_expired_code_and_nothing_changes()
    {
        var schemeId = await Vouchers.SchemeAsync();
        var voucher = await Vouchers.IssueAsync(schemeId, value: 2_000m);
        var elsewhere = await Vouchers.IssueAsync(schemeId, value: 500m, provider: "Opleider Elders", person: "Piet Peters");
        var provider = await App.ClientAsAsync("opleider");
        var before = await Vouchers.VoucherAsync(voucher.Id);

        // Not a code, a wrong check character, an unknown code: 400 on code, 400 on code, 404.
        var notACode = await Redeem(provider, "ABC-123");
        Assert.Contains("geen vouchercode", (await notACode.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("code")[0].GetString());
        var mistyped = await Redeem(provider, Mistype(voucher.Code));
        Assert.Equal("De controletekens kloppen niet: is de code goed overgenomen?",
            (await mistyped.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("code")[0].GetString());
        await (await Redeem(provider, VoucherCode.New())).AssertProblemAsync(HttpStatusCode.NotFound);

        // Another provider's voucher, more than the value, a start after the expiry, and someone who is no provider.
        var other = await Redeem(provider, elsewhere.Code);
        Assert.Contains("op naam van een andere opleider", (await other.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        var tooMuch = await Redeem(provider, voucher.Code, amount: 2_000.01m);
        Assert.Contains("hoger dan de waarde", (await tooMuch.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("amount")[0].GetString());
        var late = await Redeem(provider, voucher.Code, start: voucher.ExpiresOn.AddDays(1));
        Assert.True((await late.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("startDate", out _));
        await (await Redeem(await App.ClientAsAsync("fondsbeheerder"), voucher.Code)).AssertProblemAsync(HttpStatusCode.Forbidden);

        var after = await Vouchers.VoucherAsync(voucher.Id);
        Assert.Equal((before.Version, (DateTimeOffset?)null, "uitgegeven"), (after.Version, after.RedeemedAt, await Vouchers.StateAsync(voucher.CaseId)));
        Assert.Equal((2_500m, 0m), await Vouchers.FiguresAsync(schemeId));

        // Used once: the second redemption is refused.
        (await Redeem(provider, voucher.Code)).EnsureSuccessStatusCode();
        var used = await Redeem(provider, voucher.Code);
        Assert.Contains("al verzilverd", (await used.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());

        // Past its expiry date, even before the expiry job ran: refused, and still untouched.
        var unused = await Vouchers.IssueAsync(schemeId, value: 300m, person: "Kees Klaassen");
        App.Clock.Set(IssuedVouchers.EndOfDay(unused.ExpiresOn).AddMinutes(1));
        var expired = await Redeem(provider, unused.Code, start: unused.ExpiresOn);
        Assert.Contains("verlopen", (await expired.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Null((await Vouchers.VoucherAsync(unused.Id)).RedeemedAt);
        Assert.Equal((2_800m, 0m), await Vouchers.FiguresAsync(schemeId));
    }

    [Fact]
    public async Task An_unused_voucher_reminds_the_applicant_then_expires_and_its_value_returns_to_the_budget()
    {
        var schemeId = await Vouchers.SchemeAsync(ceiling: 5_000m, reminderDays: 30);
        var voucher = await Vouchers.IssueAsync(schemeId, value: 2_500m);
        Assert.Equal((2_500m, 0m), await Vouchers.FiguresAsync(schemeId));
        var timers = await App.QueryAsync(db => db.CaseDeadlines.Where(d => d.CaseId == voucher.CaseId && d.State == "uitgegeven").ToListAsync(Cancellation));
        var reminder = timers.Single(t => t.TimerId == "herinnering-verloop");
        var expiry = timers.Single(t => t.TimerId == "verloop");
        Assert.Equal(IssuedVouchers.EndOfDay(voucher.ExpiresOn), expiry.DueAt);
        Assert.Equal(expiry.DueAt.AddDays(-30), reminder.DueAt);

        // The reminder reaches the applicant's inbox before the expiry; the voucher is still valid.
        App.Clock.Set(reminder.DueAt.AddMinutes(1));
        await RunDeadlineAsync(reminder.Id);
        await DeliverNotificationsAsync();
        var inbox = await (await App.ClientAsAsync("aanvrager")).GetFromJsonAsync<JsonElement>("/api/me/notifications", Cancellation);
        Assert.Contains("herinnering-verloop", inbox.EnumerateArray().Select(n => n.GetProperty("notification").GetString()));
        Assert.Equal(("uitgegeven", 2_500m), (await Vouchers.StateAsync(voucher.CaseId), (await Vouchers.FiguresAsync(schemeId)).Committed));

        // The expiry, fired by the deadline job as the system: state verlopen, the commitment released, the voucher closed.
        App.Clock.Set(expiry.DueAt.AddMinutes(1));
        await RunDeadlineAsync(expiry.Id);
        Assert.Equal("verlopen", await Vouchers.StateAsync(voucher.CaseId));
        Assert.Equal((0m, 0m), await Vouchers.FiguresAsync(schemeId));
        Assert.Equal(App.Clock.GetUtcNow(), (await Vouchers.VoucherAsync(voucher.Id)).ClosedAt);
        var release = await App.QueryAsync(db => db.AuditTrail.Where(a => a.CaseId == voucher.CaseId && a.EntityType == nameof(Scheme)).Select(a => a.Changes).ToListAsync(Cancellation));
        Assert.Contains(release, c => c.Contains("-2500", StringComparison.Ordinal));

        // Running the job again does nothing (the row is fired): the money is released once.
        await RunDeadlineAsync(expiry.Id);
        Assert.Equal((0m, 0m), await Vouchers.FiguresAsync(schemeId));
    }

    [Fact]
    public async Task The_retention_job_removes_personal_data_of_vouchers_closed_longer_ago_than_the_setting_and_the_figures_stay()
    {
        var schemeId = await Vouchers.SchemeAsync(retentionMonths: 24);
        var old = await Vouchers.IssueAsync(schemeId, value: 1_200m, person: "Anna de Oude");
        var provider = await App.ClientAsAsync("opleider");
        var fund = await App.ClientAsAsync("fondsbeheerder");
        await PostAsync(provider, "/api/vouchers/redeem", new { code = old.Code, trainingName = "Lassen", startDate = Today, amount = 1_000m });
        await ReadAsync(await provider.PostAsync($"/api/vouchers/{old.Id}/claims", Claim(Pdf, Png, "deelname", "1000"), Cancellation));
        await PostAsync(fund, $"/api/vouchers/{old.Id}/claims/approve", new { paidOn = Today, reference = "OPIJVER-1" });
        var oldClosed = (await Vouchers.VoucherAsync(old.Id)).ClosedAt!.Value;

        App.Clock.Advance(TimeSpan.FromDays(365));
        var young = await Vouchers.IssueAsync(schemeId, value: 800m, person: "Bram de Jonge");
        var expiry = await App.QueryAsync(db => db.CaseDeadlines.SingleAsync(d => d.CaseId == young.CaseId && d.TimerId == "verloop", Cancellation));
        App.Clock.Set(expiry.DueAt.AddMinutes(1));
        await RunDeadlineAsync(expiry.Id);
        var figures = await FiguresAsync(schemeId);
        Assert.Equal((2, 2_000m, 1_000m, 1_000m), figures);

        // One day past 24 months after the first closed: only that one loses its personal data.
        App.Clock.Set(oldClosed.AddMonths(24).AddDays(1));
        Assert.Equal(1, await RunRetentionAsync());
        var anonymised = await Vouchers.VoucherAsync(old.Id);
        Assert.Equal((null, null, null, null, null), (anonymised.PersonName, anonymised.DateOfBirth, anonymised.Email, anonymised.EmployerName, anonymised.PersonKey));
        Assert.Equal(("Doetinchem", 41, 1_000m, App.Clock.GetUtcNow()), (anonymised.Gemeente, anonymised.AgeAtRequest, anonymised.PaidAmount, anonymised.AnonymisedAt));
        var kept = await Vouchers.VoucherAsync(young.Id);
        Assert.Equal(("Bram de Jonge", (DateTimeOffset?)null), (kept.PersonName, kept.AnonymisedAt));
        Assert.Equal(figures, await FiguresAsync(schemeId));

        // The removal is on the case's audit trail, and the trail never held the name.
        var audit = await App.QueryAsync(db => db.AuditTrail.Where(a => a.EntityId == old.Id.ToString() || a.CaseId == old.CaseId).ToListAsync(Cancellation));
        Assert.Contains(audit, a => a.Action == "Geanonimiseerd" && a.CaseId == old.CaseId);
        Assert.DoesNotContain(audit, a => a.Changes.Contains("Anna", StringComparison.Ordinal));

        // Once removed, never again.
        Assert.Equal(0, await RunRetentionAsync());
    }

    [Fact]
    public async Task Two_redemptions_of_one_code_at_the_same_moment_end_as_one_success_and_one_conflict()
    {
        var schemeId = await Vouchers.SchemeAsync();
        var voucher = await Vouchers.IssueAsync(schemeId, value: 2_000m);
        var first = await App.ClientAsAsync("opleider");
        var second = await App.ClientAsAsync("opleider");

        var responses = await Task.WhenAll(Redeem(first, voucher.Code, amount: 1_000m), Redeem(second, voucher.Code, amount: 1_500m));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var stored = await Vouchers.VoucherAsync(voucher.Id);
        Assert.Contains(stored.RedeemedAmount!.Value, new[] { 1_000m, 1_500m });
        Assert.Equal(1, await App.QueryAsync(db => db.CaseJournal.CountAsync(j => j.CaseId == voucher.CaseId && j.Trigger == "verzilveren" && j.Kind == JournalKind.TriggerFired, Cancellation)));
    }

    /// <summary>The end-state effect runs for any step into it, here the applicant's own withdrawal through the case API.</summary>
    [Fact]
    public async Task A_withdrawn_request_is_closed_so_its_retention_period_starts()
    {
        var schemeId = await Vouchers.SchemeAsync();
        var (id, caseId) = await Vouchers.RequestAsync(schemeId);
        Assert.Null((await Vouchers.VoucherAsync(id)).ClosedAt);

        App.Clock.Advance(TimeSpan.FromDays(2));
        var response = await (await App.ClientAsAsync("aanvrager")).PostAsJsonAsync($"/api/cases/{caseId}/triggers/intrekken", new { }, Cancellation);

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(("ingetrokken", App.Clock.GetUtcNow()), (await Vouchers.StateAsync(caseId), (await Vouchers.VoucherAsync(id)).ClosedAt));
        Assert.Equal((0m, 0m), await Vouchers.FiguresAsync(schemeId));
    }

    /// <summary>Every effect a definition may name is registered in the container under that name, and nothing more.</summary>
    [Fact]
    public async Task The_registered_effects_are_exactly_the_names_definitions_may_use()
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var effects = scope.ServiceProvider.GetRequiredService<IEnumerable<ICaseEffect>>().ToList();

        Assert.Equal(WorkflowSetup.EffectNames.Keys.Order(StringComparer.Ordinal), effects.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.All(effects, e => Assert.Equal(WorkflowSetup.EffectNames[e.Name], e.GetType()));
    }

    private Task<(int Count, decimal Value, decimal Committed, decimal Paid)> FiguresAsync(Guid schemeId) =>
        App.QueryAsync(async db =>
        {
            var vouchers = await db.Vouchers.AsNoTracking().Where(v => v.SchemeId == schemeId).Select(v => v.Value).ToListAsync(Cancellation);
            var scheme = await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == schemeId, Cancellation);
            return (vouchers.Count, vouchers.Sum(v => v ?? 0), scheme.Committed, scheme.Paid);
        });

    private async Task<int> RunRetentionAsync()
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<AnonymiseVouchersJob>(scope.ServiceProvider).RunAsync(Cancellation);
    }

    private async Task RunDeadlineAsync(Guid deadlineId)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<FireDeadlineJob>(scope.ServiceProvider).RunAsync(deadlineId, null, Cancellation);
    }

    private async Task DeliverNotificationsAsync()
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<DeliverNotificationsJob>(scope.ServiceProvider).RunAsync(Cancellation);
    }

    private Task<HttpResponseMessage> Redeem(HttpClient client, string code, decimal amount = 1_500m, DateOnly? start = null) =>
        client.PostAsJsonAsync("/api/vouchers/redeem", new
        {
            code,
            trainingName = "Monteur installatietechniek (mbo-2)",
            startDate = (start ?? DutchCalendar.LocalDate(App.Clock.GetUtcNow())).ToString("yyyy-MM-dd"),
            amount,
        }, Cancellation);

    /// <summary>One character typed wrong (the first data character replaced by another of the alphabet).</summary>
    private static string Mistype(string code) => (code[0] == '7' ? "8" : "7") + code[1..];

    private static MultipartFormDataContent Claim(byte[] invoice, byte[] proof, string kind, string amount)
    {
        var form = new MultipartFormDataContent();
        form.Add(File(invoice, "application/pdf"), "invoice", "factuur.pdf");
        form.Add(File(proof, "image/png"), "proof", "bewijs.png");
        form.Add(new StringContent(kind), "kind");
        form.Add(new StringContent(amount), "amount");
        return form;

        static ByteArrayContent File(byte[] bytes, string type)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(type);
            return content;
        }
    }

    private async Task<JsonElement> PostAsync(HttpClient client, string url, object body) =>
        await ReadAsync(await client.PostAsJsonAsync(url, body, Cancellation));

    private async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
