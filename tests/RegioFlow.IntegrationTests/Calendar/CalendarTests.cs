using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Applications;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Calendar;

/// <summary>The personal deadline feed (/api/me/calendar.ics) behind a token, and its management.</summary>
public sealed class CalendarTests(AppFixture app) : ExecutionTest(app)
{
    private const string OtherOrganisation = "Installatiebedrijf Oost BV";

    [Fact]
    public async Task The_feed_holds_the_users_deadlines_and_not_another_organisations()
    {
        await AddUserAsync("werkgever", Role.InitiativeLead, OtherOrganisation);
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var own = Id(await CreateAsync(lead, 40_000m));
        await SendAsync(lead, $"/api/applications/{own}/submit", new { });
        var other = await App.ClientAsAsync("werkgever");
        var theirs = Id(await CreateAsync(other, 30_000m));
        await SendAsync(other, $"/api/applications/{theirs}/submit", new { });
        var ownCase = await CaseIdAsync(own);
        var theirCase = await CaseIdAsync(theirs);
        var expected = await App.QueryAsync(db => db.CaseDeadlines.AsNoTracking().Where(d => d.CaseId == ownCase && d.Status == DeadlineStatus.Planned).ToListAsync(Cancellation));
        var notExpected = await App.QueryAsync(db => db.CaseDeadlines.AsNoTracking().Where(d => d.CaseId == theirCase).Select(d => d.Id).ToListAsync(Cancellation));
        Assert.NotEmpty(expected);
        Assert.NotEmpty(notExpected);

        var url = (await SendAsync(lead, "/api/me/calendar", new { })).GetProperty("url").GetString()!;
        Assert.StartsWith("http://localhost/api/me/calendar.ics?token=", url);
        var feed = await App.AnonymousClient().GetAsync(url, Cancellation);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", feed.Headers.CacheControl?.ToString());
        Assert.True(feed.Headers.CacheControl?.Private);

        var calendar = Ical.Net.Calendar.Load(await feed.Content.ReadAsStringAsync(Cancellation))!;
        Assert.Equal(expected.Select(d => $"{d.Id}@regioflow").Order(), calendar.Events.Select(e => e.Uid).Order());
        foreach (var deadline in expected)
        {
            var @event = calendar.Events.Single(e => e.Uid == $"{deadline.Id}@regioflow");
            Assert.Equal(deadline.DueAt.UtcDateTime, @event.Start!.AsUtc);
            Assert.EndsWith("Zij-instroom techniek Achterhoek", @event.Summary);
            Assert.Equal(new Uri($"http://localhost/aanvragen/{own}"), @event.Url);
            Assert.Contains($"/aanvragen/{own}", @event.Description);
        }

        // The other organisation's lead sees their own deadlines only.
        var theirUrl = (await SendAsync(other, "/api/me/calendar", new { })).GetProperty("url").GetString()!;
        var theirCalendar = Ical.Net.Calendar.Load(await App.AnonymousClient().GetStringAsync(theirUrl, Cancellation))!;
        Assert.Equal(notExpected.Select(d => $"{d}@regioflow").Order(), theirCalendar.Events.Select(e => e.Uid).Order());
    }

    [Fact]
    public async Task Renewing_invalidates_the_old_link_revoking_stops_the_feed_and_the_token_is_never_shown_again()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var inactive = await lead.GetFromJsonAsync<JsonElement>("/api/me/calendar", Cancellation);
        Assert.False(inactive.GetProperty("active").GetBoolean());

        var first = (await SendAsync(lead, "/api/me/calendar", new { })).GetProperty("url").GetString()!;
        var token = first[(first.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        Assert.Equal(43, token.Length);
        var status = await lead.GetAsync("/api/me/calendar", Cancellation);
        var statusText = await status.Content.ReadAsStringAsync(Cancellation);
        Assert.DoesNotContain(token, statusText);
        var active = JsonDocument.Parse(statusText).RootElement;
        Assert.True(active.GetProperty("active").GetBoolean());
        Assert.Equal(AppFixture.Start, active.GetProperty("issuedAt").GetDateTimeOffset());
        var stored = await App.QueryAsync(db => db.Users.Where(u => u.ExternalId == "initiatiefnemer").Select(u => u.CalendarTokenHash).SingleAsync(Cancellation));
        Assert.NotEqual(token, stored);
        Assert.Equal(64, stored!.Length);

        var anonymous = App.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(first, Cancellation)).StatusCode);
        var second = (await SendAsync(lead, "/api/me/calendar", new { })).GetProperty("url").GetString()!;
        Assert.NotEqual(first, second);
        await (await anonymous.GetAsync(first, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(second, Cancellation)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await lead.DeleteAsync("/api/me/calendar", Cancellation)).StatusCode);
        await (await anonymous.GetAsync(second, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.False((await lead.GetFromJsonAsync<JsonElement>("/api/me/calendar", Cancellation)).GetProperty("active").GetBoolean());
        await (await anonymous.GetAsync("/api/me/calendar.ics", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync("/api/me/calendar.ics?token=onzin", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/me/calendar", null, Cancellation)).StatusCode);
    }

    [Fact]
    public async Task A_deadline_more_than_30_days_overdue_or_fired_leaves_the_feed_and_an_overdue_one_is_marked_on_the_agenda_page()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var own = Id(await CreateAsync(lead, 40_000m));
        await SendAsync(lead, $"/api/applications/{own}/submit", new { });
        var caseId = await CaseIdAsync(own);
        var deadline = await App.QueryAsync(db => db.CaseDeadlines.AsNoTracking().Where(d => d.CaseId == caseId && d.Status == DeadlineStatus.Planned).OrderBy(d => d.DueAt).FirstAsync(Cancellation));

        App.Clock.Advance(deadline.DueAt - App.Clock.GetUtcNow() + TimeSpan.FromDays(1));
        var page = new PageSession(App.Factory);
        await page.SignInAsync("initiatiefnemer");
        var (response, html) = await page.GetAsync("/agenda");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Verlopen", html);
        Assert.Contains($"href=\"/aanvragen/{own}\"", html);

        App.Clock.Advance(TimeSpan.FromDays(31));
        var list = await lead.GetFromJsonAsync<JsonElement>("/api/me/deadlines", Cancellation);
        Assert.DoesNotContain(deadline.Id, list.EnumerateArray().Select(d => d.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task The_agenda_page_lists_the_deadlines_and_creates_renews_and_revokes_the_link()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var own = Id(await CreateAsync(lead, 40_000m));
        await SendAsync(lead, $"/api/applications/{own}/submit", new { });
        var page = new PageSession(App.Factory);
        await page.SignInAsync("initiatiefnemer");

        var (response, html) = await page.GetAsync("/agenda");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<caption", html);
        Assert.Contains("Zij-instroom techniek Achterhoek", html);
        Assert.Contains("Agenda-abonnement", html);
        Assert.Contains("href=\"/agenda\"", html);

        var (_, created) = await page.PostFormAsync("/agenda", "/agenda?handler=Issue", []);
        var url = System.Text.RegularExpressions.Regex.Match(created, "http://localhost/api/me/calendar\\.ics\\?token=[A-Za-z0-9_-]{43}").Value;
        Assert.NotEmpty(url);
        Assert.Contains("Outlook", created);
        var anonymous = App.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url, Cancellation)).StatusCode);

        var (_, again) = await page.GetAsync("/agenda");
        Assert.DoesNotContain(url, again);
        Assert.Contains("Vernieuwen", again);

        var (_, renewed) = await page.PostFormAsync("/agenda", "/agenda?handler=Issue", []);
        var newUrl = System.Text.RegularExpressions.Regex.Match(renewed, "http://localhost/api/me/calendar\\.ics\\?token=[A-Za-z0-9_-]{43}").Value;
        Assert.NotEqual(url, newUrl);
        await (await anonymous.GetAsync(url, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound);

        await page.PostFormAsync("/agenda", "/agenda?handler=Revoke", []);
        await (await anonymous.GetAsync(newUrl, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
