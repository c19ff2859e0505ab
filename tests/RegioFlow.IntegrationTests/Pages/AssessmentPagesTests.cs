using System.Net;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Applications;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Pages;

/// <summary>The table's pages: the assessor inbox (/beoordelen) and the toetsing page with the checklist form and the chair's advice.</summary>
public sealed class AssessmentPagesTests(AppFixture app) : SubsidyTest(app)
{
    [Fact]
    public async Task A_member_finds_the_application_in_the_inbox_saves_a_draft_and_submits_the_checklist()
    {
        var id = await InToetsingAsync();
        var codes = await ItemCodesAsync();
        var session = await SignedInAsync("tafellid");
        var page = $"/aanvragen/{id}/toetsing";

        var (_, inbox) = await session.GetAsync("/beoordelen");
        Assert.Contains($"href=\"{page}\"", inbox);
        Assert.Contains("niet begonnen", inbox);
        var (_, form) = await session.GetAsync(page);
        Assert.Contains("name=\"Answers[0].Score\" value=\"5\"", form);
        Assert.Contains("data-testid=\"similar\"", form); // TK-06 shows the similar initiatives
        Assert.DoesNotContain("data-testid=\"matrix\"", form); // a member judges independently until the advice

        var (draft, _) = await session.PostFormAsync(page, $"{page}?handler=Save",
            [new("Answers[0].ItemCode", codes[0]), new("Answers[0].Score", "4"), new("Answers[0].Motivation", "Het probleem is helder beschreven."), new("submit", "false")]);
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var (_, saved) = await session.GetAsync(page);
        Assert.Contains("Uw antwoorden zijn opgeslagen.", saved);
        Assert.Contains("Het probleem is helder beschreven.</textarea>", saved);
        Assert.Equal((AssessmentStatus.Concept, 1), await AssessmentAsync(id, "tafellid"));

        var (incomplete, incompleteHtml) = await session.PostFormAsync(page, $"{page}?handler=Save",
            [new("Answers[0].ItemCode", codes[0]), new("Answers[0].Score", "4"), new("Answers[0].Motivation", "Helder."),
             new("Answers[1].ItemCode", codes[1]), new("Answers[1].Score", "3"), new("Answers[1].Motivation", ""), new("submit", "true")]);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains($"id=\"motivation-error-{codes[1].ToLowerInvariant()}\">Motiveer de score.</p>", incompleteHtml);
        Assert.Equal((AssessmentStatus.Concept, 1), await AssessmentAsync(id, "tafellid"));

        var (notAll, notAllHtml) = await session.PostFormAsync(page, $"{page}?handler=Save",
            [new("Answers[0].ItemCode", codes[0]), new("Answers[0].Score", "4"), new("Answers[0].Motivation", "Helder."), new("submit", "true")]);
        Assert.Equal(HttpStatusCode.BadRequest, notAll.StatusCode);
        Assert.Contains("Beantwoord eerst alle verplichte vragen", notAllHtml);

        var (submitted, _) = await session.PostFormAsync(page, $"{page}?handler=Save", [.. FullForm(codes), new("submit", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal((AssessmentStatus.Ingediend, codes.Count), await AssessmentAsync(id, "tafellid"));
        var (_, after) = await session.GetAsync(page);
        Assert.Contains("Uw beoordeling is ingediend.", after);
        Assert.Contains("Uw beoordeling is al ingediend en kan niet meer worden gewijzigd.", after);
        Assert.DoesNotContain(">Indienen</button>", after);
        var (_, inboxAfter) = await session.GetAsync("/beoordelen");
        Assert.Contains("data-testid=\"own-status\">ingediend", inboxAfter);
    }

    [Fact]
    public async Task The_chair_sees_all_answers_side_by_side_and_advises_once_the_quorum_is_reached()
    {
        var id = await InToetsingAsync();
        var answers = await FullAnswersAsync();
        foreach (var login in Assessors.Take(2))
        {
            await PutAsync(await App.ClientAsAsync(login), $"/api/applications/{id}/checklist/answers", new { answers, submit = true });
        }

        var session = await SignedInAsync("tafelvoorzitter");
        var page = $"/aanvragen/{id}/toetsing";
        KeyValuePair<string, string>[] advice = [new("Advice.Advice", "positief"), new("Advice.Motivation", "Sluit aan bij Leven Lang Ontwikkelen.")];

        var (_, early) = await session.GetAsync(page);
        Assert.Contains("data-testid=\"matrix\"", early);
        Assert.Contains("Joost Hendriks", early);
        Assert.Contains("Onderbouwing bij TK-01.", early);
        Assert.Contains("Quorum niet bereikt: 2 van 3 beoordelingen ingediend.", early);
        Assert.Contains("disabled=\"disabled\"", early);
        var (tooEarly, tooEarlyHtml) = await session.PostFormAsync(page, $"{page}?handler=Advise", advice);
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Contains("data-testid=\"conflict\"", tooEarlyHtml);
        Assert.Null(await App.QueryAsync(db => db.FundingApplications.Select(a => a.Advice).SingleAsync(Cancellation)));

        await PutAsync(await App.ClientAsAsync(Assessors[2]), $"/api/applications/{id}/checklist/answers", new { answers, submit = true });
        var (_, ready) = await session.GetAsync(page);
        Assert.Contains("3 van de 3 nodig voor het advies", ready);
        Assert.DoesNotContain("data-testid=\"why-not-advise\"", ready);
        var (noMotivation, noMotivationHtml) = await session.PostFormAsync(page, $"{page}?handler=Advise", [new("Advice.Advice", "positief")]);
        Assert.Equal(HttpStatusCode.BadRequest, noMotivation.StatusCode);
        Assert.Contains("id=\"advice-motivation-error\">Motiveer het advies.</p>", noMotivationHtml);

        var (advised, _) = await session.PostFormAsync(page, $"{page}?handler=Advise", advice);

        Assert.Equal(HttpStatusCode.Redirect, advised.StatusCode);
        var stored = await App.QueryAsync(db => db.FundingApplications.AsNoTracking().SingleAsync(Cancellation));
        Assert.Equal(("positief", "Sluit aan bij Leven Lang Ontwikkelen."), (stored.Advice, stored.AdviceMotivation));
        Assert.Equal("besluitvorming", await App.QueryAsync(db => db.Cases.Where(c => c.Id == stored.CaseId).Select(c => c.State).SingleAsync(Cancellation)));
        var (_, after) = await session.GetAsync(page);
        Assert.Contains("Het advies is uitgebracht aan het besluitvormend orgaan.", after);
        Assert.Contains("<dt>Advies</dt><dd>Positief</dd>", after);
        Assert.DoesNotContain("Advies uitbrengen</button>", after);
    }

    [Fact]
    public async Task Who_may_not_see_the_application_gets_403_and_the_lead_sees_no_form_or_answers()
    {
        var id = await InToetsingAsync();
        var page = $"/aanvragen/{id}/toetsing";
        await PutAsync(await App.ClientAsAsync("tafellid"), $"/api/applications/{id}/checklist/answers", new { answers = await FullAnswersAsync(), submit = true });

        var (board, boardHtml) = await (await SignedInAsync("beslisser")).GetAsync(page); // the Board sees it only from besluitvorming on
        var (lead, leadHtml) = await (await SignedInAsync("initiatiefnemer")).GetAsync(page);
        var (inbox, emptyInbox) = await (await SignedInAsync("beslisser")).GetAsync("/beoordelen");

        Assert.Equal(HttpStatusCode.Forbidden, board.StatusCode);
        Assert.Contains("Geen toegang", boardHtml);
        Assert.Equal(HttpStatusCode.OK, lead.StatusCode);
        Assert.DoesNotContain("name=\"Answers[0].Score\"", leadHtml);
        Assert.DoesNotContain("Onderbouwing bij TK-01.", leadHtml);
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
        Assert.Contains("Er wachten geen aanvragen op uw beoordeling.", emptyInbox);
    }

    private async Task<Guid> InToetsingAsync()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var fund = await App.ClientAsAsync("fondsbeheerder");
        var application = await CreateAsync(lead, 100_000m);
        var caseId = application.GetProperty("caseId").GetGuid();
        await SendAsync(lead, $"/api/applications/{Id(application)}/submit", new { });
        await SendAsync(fund, $"/api/cases/{caseId}/triggers/in-behandeling-nemen", new { });
        await SendAsync(fund, $"/api/cases/{caseId}/triggers/volledig", new { });
        return Id(application);
    }

    private async Task<PageSession> SignedInAsync(string login)
    {
        var session = new PageSession(App.Factory);
        await session.SignInAsync(login);
        return session;
    }

    private Task<List<string>> ItemCodesAsync() =>
        App.QueryAsync(async db => (await db.Checklists.AsNoTracking().SingleAsync(Cancellation)).Items.Select(i => i.Code).ToList());

    private static IEnumerable<KeyValuePair<string, string>> FullForm(IReadOnlyList<string> codes) =>
        codes.SelectMany((code, i) => new KeyValuePair<string, string>[]
        {
            new($"Answers[{i}].ItemCode", code), new($"Answers[{i}].Score", "4"), new($"Answers[{i}].Motivation", $"Motivering bij {code}."),
        });

    private Task<(AssessmentStatus Status, int Answers)> AssessmentAsync(Guid applicationId, string assessor) =>
        App.QueryAsync(async db =>
        {
            var assessment = await db.Assessments.AsNoTracking().SingleAsync(a => a.ApplicationId == applicationId && a.AssessorId == assessor, Cancellation);
            return (assessment.Status, assessment.Answers.Count);
        });
}
