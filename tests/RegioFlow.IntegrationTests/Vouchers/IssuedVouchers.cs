using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Features.Vouchers;
using RegioFlow.IntegrationTests.Infrastructure;
using RegioFlow.Workflows;

namespace RegioFlow.IntegrationTests.Vouchers;

/// <summary>An issued voucher as the tests of redemption, claims and expiry start from.</summary>
public sealed record IssuedVoucher(Guid Id, Guid CaseId, Guid SchemeId, string Code, decimal Value, DateOnly ExpiresOn);

/// <summary>
/// Makes voucher schemes and ISSUED vouchers directly through the domain and the workflow engine (the request and the
/// decision are another feature's), exactly as issuing does: the case is started with the voucher, `uitgeven` is fired
/// as the scheme's fund administrator with the voucher's expiry as the timers' due moments, and the value is committed.
/// </summary>
internal sealed class IssuedVouchers(AppFixture app)
{
    public const string Provider = "Opleidingscentrum Techniek Oost";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async Task<Guid> SchemeAsync(decimal ceiling = 10_000m, int retentionMonths = 24, int validityMonths = 6, int reminderDays = 30)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegioFlowDbContext>();
        var region = await db.Regions.SingleAsync(r => r.Code == "achterhoek", Cancellation);
        var fund = await db.Organisations.SingleAsync(o => o.Name == "Regio Achterhoek", Cancellation);
        var scheme = new Scheme("Opijver (test)", SchemeKind.Voucher, "Regio Achterhoek en werkgevers", region.Id, fund.Id,
            new SchemeTerms(ceiling, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), 2_500m,
                0, false, 0, 1, 0, 0, "", 0, 0, null, null, "scholingsvoucher"),
            app.Clock.GetUtcNow());
        scheme.SetVoucherTerms(new VoucherTerms(33, 18, 67, false, 300, validityMonths, reminderDays, retentionMonths));
        db.Schemes.Add(scheme);
        await db.SaveChangesAsync(Cancellation);
        return scheme.Id;
    }

    public async Task<Guid> ProviderAsync(string name)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegioFlowDbContext>();
        if (await db.Organisations.Where(o => o.Name == name).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(Cancellation) is { } id)
        {
            return id;
        }

        var region = await db.Regions.SingleAsync(r => r.Code == "achterhoek", Cancellation);
        var organisation = new Organisation(name, OrganisationKind.Opleider, region.Id, app.Clock.GetUtcNow());
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(Cancellation);
        return organisation.Id;
    }

    /// <summary>A voucher as requested (case in aangevraagd, nothing committed): only the request and its case.</summary>
    public async Task<(Guid Id, Guid CaseId)> RequestAsync(Guid schemeId, string person = "Jan Jansen", string requestedBy = "aanvrager")
    {
        var providerId = await ProviderAsync(Provider);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegioFlowDbContext>();
        var voucher = NewVoucher(schemeId, providerId, 1_000m, person, requestedBy);
        db.Vouchers.Add(voucher);
        var @case = await scope.ServiceProvider.GetRequiredService<CaseService>().StartAsync("scholingsvoucher", Voucher.SubjectType, voucher.Id.ToString(), requestedBy, Cancellation, (c, _) =>
        {
            voucher.AttachCase(c.Id);
            return Task.CompletedTask;
        });
        return (voucher.Id, @case.Id);
    }

    public async Task<IssuedVoucher> IssueAsync(Guid schemeId, decimal value = 2_000m, string provider = Provider, string person = "Jan Jansen", string requestedBy = "aanvrager")
    {
        var providerId = await ProviderAsync(provider);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<RegioFlowDbContext>();
        var cases = services.GetRequiredService<CaseService>();
        var budget = services.GetRequiredService<BudgetLedger>();
        var terms = (await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == schemeId, Cancellation)).VoucherTerms!;
        var now = app.Clock.GetUtcNow();
        var voucher = NewVoucher(schemeId, providerId, value, person, requestedBy);
        db.Vouchers.Add(voucher);
        var @case = await cases.StartAsync("scholingsvoucher", Voucher.SubjectType, voucher.Id.ToString(), requestedBy, Cancellation, (c, _) =>
        {
            voucher.AttachCase(c.Id);
            return Task.CompletedTask;
        });

        var code = VoucherCode.New();
        var expiresOn = DutchCalendar.LocalDate(now).AddMonths(terms.ValidityMonths);
        var endOfExpiry = EndOfDay(expiresOn);
        var dueAt = new Dictionary<string, DateTimeOffset>
        {
            ["verloop"] = endOfExpiry,
            ["herinnering-verloop"] = endOfExpiry.AddDays(-terms.ReminderDaysBeforeExpiry),
        };
        var fund = new CaseActor("fondsbeheerder", new HashSet<string> { CaseRoles.Behandelaar });
        await cases.FireAsync(@case.Id, "uitgeven", new Dictionary<string, string>(), fund, null, Cancellation, async (c, ct) =>
        {
            voucher.Issue(code, value, 0m, expiresOn, now);
            await budget.CommitAsync(schemeId, value, c.Id, ct);
        }, dueAt);
        return new IssuedVoucher(voucher.Id, @case.Id, schemeId, code, value, expiresOn);
    }

    private Voucher NewVoucher(Guid schemeId, Guid providerId, decimal price, string person, string requestedBy)
    {
        var voucher = new Voucher(schemeId, requestedBy,
            new VoucherPerson(person, new DateOnly(1984, 5, 17), "persoon@test.regioflow.invalid", "Doetinchem", EmploymentStatus.Werkzoekend, null, $"sleutel-{person}"),
            new VoucherTraining(providerId, "Monteur installatietechniek (mbo-2)", true, null, price), app.Clock.GetUtcNow());
        voucher.Checked([new EligibilityResult("leeftijd", true, "41 jaar: tussen 18 en 67.")], 41);
        return voucher;
    }

    /// <summary>The first moment after <paramref name="date"/> in Amsterdam: a voucher is valid through its expiry date.</summary>
    public static DateTimeOffset EndOfDay(DateOnly date) =>
        new(TimeZoneInfo.ConvertTimeToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue), DutchCalendar.Amsterdam), TimeSpan.Zero);

    public Task<Voucher> VoucherAsync(Guid id) =>
        app.QueryAsync(db => db.Vouchers.AsNoTracking().SingleAsync(v => v.Id == id, Cancellation));

    public Task<string> StateAsync(Guid caseId) =>
        app.QueryAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.State).SingleAsync(Cancellation));

    public Task<(decimal Committed, decimal Paid)> FiguresAsync(Guid schemeId) =>
        app.QueryAsync(async db => await db.Schemes.Where(s => s.Id == schemeId).Select(s => new ValueTuple<decimal, decimal>(s.Committed, s.Paid)).SingleAsync(Cancellation));
}
