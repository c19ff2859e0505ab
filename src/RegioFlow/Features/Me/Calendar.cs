using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Features.Applications;
using RegioFlow.Features.Vouchers;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Me;

/// <summary>
/// An upcoming (or recently passed) planned deadline of a case the user takes part in.
/// </summary>
/// <param name="Summary">Dutch, e.g. "Hersteltermijn verloopt: Techniek Talent Achterhoek".</param>
/// <param name="Step">The label of the case state the deadline belongs to.</param>
/// <param name="Link">The path of the application or voucher page.</param>
public sealed record DeadlineItem(Guid Id, DateTimeOffset DueAt, string Summary, string CaseTitle, string Step, string Link, bool Overdue);

/// <summary>
/// The deadlines of the cases the user may see: subsidy applications (<see cref="ApplicationAccess"/>) and vouchers
/// (<see cref="VoucherAccess"/>); planned timers due in the next 12 months, plus the ones that passed in the last 30
/// days and have not fired yet, soonest first.
/// </summary>
public static class ListMyDeadlines
{
    public const int MonthsAhead = 12;
    public const int DaysOverdue = 30;

    public sealed record Query : IQuery<IReadOnlyList<DeadlineItem>>;

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess applications, VoucherAccess vouchers, WorkflowRegistry registry, TimeProvider clock)
        : IQueryHandler<Query, IReadOnlyList<DeadlineItem>>
    {
        public async ValueTask<IReadOnlyList<DeadlineItem>> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var earliest = now.AddDays(-DaysOverdue);
            var latest = now.AddMonths(MonthsAhead);
            var applicationCases = applications.Visible().Select(a => a.CaseId);
            var voucherCases = vouchers.Visible().Select(v => v.CaseId);
            var deadlines = await db.CaseDeadlines.AsNoTracking()
                .Where(d => d.Status == DeadlineStatus.Planned && d.DueAt >= earliest && d.DueAt <= latest)
                .Where(d => applicationCases.Contains(d.CaseId) || voucherCases.Contains(d.CaseId))
                .OrderBy(d => d.DueAt).ThenBy(d => d.Id)
                .Take(1000)
                .ToListAsync(cancellationToken);
            var caseIds = deadlines.Select(d => d.CaseId).Distinct().ToList();
            var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
            var applicationTitles = await (
                    from a in db.FundingApplications
                    where caseIds.Contains(a.CaseId)
                    join i in db.Initiatives on a.InitiativeId equals i.Id
                    select new { a.CaseId, a.Id, i.Title })
                .ToDictionaryAsync(a => a.CaseId, a => (Title: a.Title, Link: $"/aanvragen/{a.Id}"), cancellationToken);
            var voucherTitles = await db.Vouchers.AsNoTracking().Where(v => caseIds.Contains(v.CaseId))
                .Select(v => new { v.CaseId, v.Id, v.TrainingName })
                .ToDictionaryAsync(v => v.CaseId, v => (Title: $"Scholingsvoucher {v.TrainingName}", Link: $"/vouchers/{v.Id}"), cancellationToken);
            return [.. deadlines.Select(d =>
            {
                var @case = cases[d.CaseId];
                var (title, link) = applicationTitles.TryGetValue(d.CaseId, out var a) ? a : voucherTitles.GetValueOrDefault(d.CaseId, ("Zaak", $"/"));
                var step = registry.Get(@case.DefinitionId, @case.DefinitionVersion).States.FirstOrDefault(s => s.Id == d.State)?.Label ?? d.State;
                return new DeadlineItem(d.Id, d.DueAt, $"{What(d)}: {title}", title, step, link, d.DueAt < now);
            })];
        }

        /// <summary>"Hersteltermijn verloopt", "Herinnering voortgangsrapportage", "Escalatie beoordeling".</summary>
        private static string What(CaseDeadline deadline)
        {
            var timer = deadline.TimerId.Replace('-', ' ');
            return deadline.Kind switch
            {
                DeadlineKind.Timeout => $"{char.ToUpperInvariant(timer[0])}{timer[1..]} verloopt",
                DeadlineKind.Reminder => $"Herinnering {timer}",
                _ => $"Escalatie {timer}",
            };
        }
    }
}

/// <summary>Whether the user has a calendar feed, and since when; never the token (only its hash is stored).</summary>
public static class GetCalendarFeed
{
    public sealed record Query : IQuery<Response>;

    public sealed record Response(bool Active, DateTimeOffset? IssuedAt);

    internal sealed class Handler(RegioFlowDbContext db, CurrentUser user) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var subject = user.SubjectId ?? "";
            var account = await db.Users.AsNoTracking().Where(u => u.ExternalId == subject)
                .Select(u => new { u.CalendarTokenHash, u.CalendarTokenIssuedAt }).SingleOrDefaultAsync(cancellationToken);
            return new Response(account?.CalendarTokenHash is not null, account?.CalendarTokenHash is null ? null : account.CalendarTokenIssuedAt);
        }
    }
}

/// <summary>
/// Issues a new personal feed token (32 random bytes, base64url): only its SHA-256 is stored, the URL is shown once,
/// and an earlier URL stops working.
/// </summary>
public static class IssueCalendarFeed
{
    /// <param name="BaseUrl">Scheme, host and path base of this request, for the absolute URL.</param>
    public sealed record Command(string BaseUrl) : ICommand<Response>;

    public sealed record Response(string Url, DateTimeOffset IssuedAt);

    internal sealed class Handler(RegioFlowDbContext db, CurrentUser user, TimeProvider clock) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var account = await CalendarTokens.AccountAsync(db, user, cancellationToken);
            var token = Base64Url(RandomNumberGenerator.GetBytes(32));
            var now = clock.GetUtcNow();
            account.IssueCalendarToken(CalendarTokens.Hash(token), now);
            await db.SaveChangesAsync(cancellationToken);
            return new Response($"{command.BaseUrl.TrimEnd('/')}/api/me/calendar.ics?token={token}", now);
        }

        private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}

/// <summary>Stops the feed: the URL answers 404 from now on.</summary>
public static class RevokeCalendarFeed
{
    public sealed record Command : ICommand<Unit>;

    internal sealed class Handler(RegioFlowDbContext db, CurrentUser user) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var account = await CalendarTokens.AccountAsync(db, user, cancellationToken);
            account.RevokeCalendarToken();
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}

public static class CalendarTokens
{
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    internal static async Task<UserAccount> AccountAsync(RegioFlowDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        var subject = user.SubjectId ?? throw new ForbiddenException("Meld u aan om uw agenda te beheren.");
        return await db.Users.SingleOrDefaultAsync(u => u.ExternalId == subject, cancellationToken)
            ?? throw new NotFoundException("Uw account is niet bekend in RegioFlow; meld u opnieuw aan.");
    }

    /// <summary>
    /// The account whose feed token this is, as the principal of this request: the feed has no sign-in, so the access
    /// rules (<see cref="ApplicationAccess"/>, <see cref="VoucherAccess"/>) read the stored roles and subject instead.
    /// </summary>
    public static async Task<ClaimsPrincipal> PrincipalForAsync(RegioFlowDbContext db, string? token, CancellationToken cancellationToken)
    {
        var hash = string.IsNullOrWhiteSpace(token) || token.Length > 100 ? null : Hash(token.Trim());
        var account = hash is null ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.CalendarTokenHash == hash, cancellationToken);
        if (account is null)
        {
            throw new NotFoundException("Deze agendalink bestaat niet (meer). Maak in RegioFlow onder Agenda een nieuwe link aan.");
        }

        return new ClaimsPrincipal(new ClaimsIdentity(RegioFlowClaims.For(account), "CalendarToken", RegioFlowClaims.Name, RegioFlowClaims.Role));
    }

    /// <summary>The deadlines as iCalendar: one VEVENT per deadline, UID stable per deadline, a link to the case page.</summary>
    public static string ToICalendar(IReadOnlyList<DeadlineItem> deadlines, string baseUrl, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//RegioFlow//Termijnen//NL" };
        calendar.AddProperty("X-WR-CALNAME", "RegioFlow termijnen");
        calendar.AddProperty("X-WR-TIMEZONE", "Europe/Amsterdam");
        foreach (var deadline in deadlines)
        {
            var url = $"{baseUrl.TrimEnd('/')}{deadline.Link}";
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{deadline.Id}@regioflow",
                DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
                Start = new CalDateTime(deadline.DueAt.UtcDateTime, "UTC"),
                Duration = Ical.Net.DataTypes.Duration.FromMinutes(30),
                Summary = deadline.Summary,
                Description = $"Stap: {deadline.Step}\n{deadline.CaseTitle}\n{url}",
                Url = new Uri(url),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
