using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Domain;
using RegioFlow.IntegrationTests.Applications;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Checklists;

/// <summary>
/// The toetsingskader through the API on the seeded Regio Deal scheme: three members of the Thematafel Onderwijs &amp;
/// Arbeidsmarkt assess (quorum 3), the chair (tafelvoorzitter) advises, the case moves to besluitvorming.
/// </summary>
public sealed class ChecklistTests(AppFixture app) : SubsidyTest(app)
{
    [Fact]
    public async Task The_published_toetsingskader_is_listed_with_its_questions_dimensions_and_mandatory_items()
    {
        var fund = await App.ClientAsAsync("fondsbeheerder");

        var checklists = await fund.GetFromJsonAsync<JsonElement>("/api/checklists", Cancellation);

        var achterhoek = checklists.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "toetsingskader-achterhoek");
        Assert.Equal(1, achterhoek.GetProperty("version").GetInt32());
        var items = achterhoek.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(13, items.Count);
        Assert.StartsWith("Lopen er vergelijkbare projecten", items.Single(i => i.GetProperty("code").GetString() == "TK-06").GetProperty("text").GetString());
        Assert.Equal(["TK-03", "TK-08"], items.Where(i => !i.GetProperty("mandatory").GetBoolean()).Select(i => i.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Three_members_assess_and_the_chairs_advice_moves_the_case_to_besluitvorming_with_the_advice_stored_and_journaled()
    {
        var (id, caseId) = await InToetsingAsync();
        var answers = await FullAnswersAsync();
        foreach (var login in Assessors)
        {
            var saved = await PutAsync(await App.ClientAsAsync(login), $"/api/applications/{id}/checklist/answers", new { answers, submit = true });
            Assert.Equal("ingediend", saved.GetProperty("status").GetString());
        }

        var chair = await App.ClientAsAsync("tafelvoorzitter");
        var before = await chair.GetFromJsonAsync<JsonElement>(ChecklistUrl(id), Cancellation);
        Assert.Equal((3, 3, true), (before.GetProperty("submitted").GetInt32(), before.GetProperty("quorum").GetInt32(), before.GetProperty("mayAdvise").GetBoolean()));

        var advised = await SendAsync(chair, $"/api/applications/{id}/checklist/advice", new { advice = "positief", motivation = "Sluit aan bij Leven Lang Ontwikkelen." });

        Assert.Equal("besluitvorming", advised.GetProperty("state").GetString());
        var stored = await App.QueryAsync(db => db.FundingApplications.AsNoTracking().SingleAsync(a => a.Id == id, Cancellation));
        Assert.Equal(("positief", "Sluit aan bij Leven Lang Ontwikkelen.", "tafelvoorzitter"), (stored.Advice, stored.AdviceMotivation, stored.AdvisedBy));
        var journal = await chair.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/journal", Cancellation);
        var fired = journal.EnumerateArray().Single(j => j.GetProperty("kind").GetString() == "TriggerFired" && j.GetProperty("trigger").GetString() == "advies-uitbrengen");
        Assert.Equal(("tafelvoorzitter", "toetsing", "besluitvorming"), (fired.GetProperty("actor").GetString(), fired.GetProperty("fromState").GetString(), fired.GetProperty("toState").GetString()));
        Assert.Contains("positief", fired.GetProperty("detail").GetString());
        var after = await (await App.ClientAsAsync("tafellid")).GetFromJsonAsync<JsonElement>(ChecklistUrl(id), Cancellation);
        Assert.Equal("positief", after.GetProperty("advice").GetProperty("advice").GetString());
        Assert.False(after.GetProperty("mayAnswer").GetBoolean());
        Assert.Equal(3, after.GetProperty("assessments").EnumerateArray().Count(a => a.GetProperty("status").GetString() == "ingediend"));
    }

    [Fact]
    public async Task Advice_before_the_quorum_is_409_naming_the_count_and_nothing_changes()
    {
        var (id, caseId) = await InToetsingAsync();
        var answers = await FullAnswersAsync();
        foreach (var login in Assessors.Take(2))
        {
            await PutAsync(await App.ClientAsAsync(login), $"/api/applications/{id}/checklist/answers", new { answers, submit = true });
        }

        await PutAsync(await App.ClientAsAsync(Assessors[2]), $"/api/applications/{id}/checklist/answers", new { answers, submit = false });
        var chair = await App.ClientAsAsync("tafelvoorzitter");
        var view = await chair.GetFromJsonAsync<JsonElement>(ChecklistUrl(id), Cancellation);
        Assert.False(view.GetProperty("mayAdvise").GetBoolean());

        var response = await chair.PostAsJsonAsync($"/api/applications/{id}/checklist/advice", new { advice = "positief", motivation = "Goed plan." }, Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Quorum niet bereikt: 2 van 3 beoordelingen ingediend.", problem.GetProperty("detail").GetString());
        Assert.Equal("Quorum niet bereikt: 2 van 3 beoordelingen ingediend.", view.GetProperty("whyNotAdvise").GetString());
        Assert.Equal("toetsing", await StateAsync(caseId));
        Assert.Null(await App.QueryAsync(db => db.FundingApplications.Where(a => a.Id == id).Select(a => a.Advice).SingleAsync(Cancellation)));
        Assert.False(await App.QueryAsync(db => db.CaseJournal.AnyAsync(j => j.CaseId == caseId && j.Trigger == "advies-uitbrengen", Cancellation)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task A_score_outside_1_to_5_is_400_on_that_answer_and_nothing_is_stored(int score)
    {
        var (id, _) = await InToetsingAsync();
        var member = await App.ClientAsAsync("tafellid");

        var response = await member.PutAsJsonAsync($"/api/applications/{id}/checklist/answers", new
        {
            answers = new object[]
            {
                new { itemCode = "TK-01", score = 3, motivation = "Duidelijk probleem." },
                new { itemCode = "TK-02", score, motivation = "Past bij de speerpunten." },
            },
            submit = false,
        }, Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal("De score moet tussen 1 en 5 liggen.", errors.GetProperty("answers[1].score")[0].GetString());
        Assert.False(errors.TryGetProperty("answers[0].score", out _));
        Assert.Equal(0, await App.QueryAsync(db => db.Assessments.CountAsync(Cancellation)));
    }

    [Theory]
    [InlineData("TK-99", 4, "Onderbouwd.", "answers[1].itemCode", "Het toetsingskader heeft geen vraag TK-99.")]
    [InlineData("tk-01", 4, "Onderbouwd.", "answers[1].itemCode", "Vraag tk-01 staat meer dan één keer in de antwoorden.")]
    [InlineData("TK-02", 4, " ", "answers[1].motivation", "Motiveer de score.")]
    [InlineData("", 4, "Onderbouwd.", "answers[1].itemCode", "Geef de code van de vraag op, bijvoorbeeld TK-01.")]
    public async Task A_bad_answer_is_400_naming_the_field_and_nothing_is_stored(string itemCode, int score, string motivation, string field, string message)
    {
        var (id, _) = await InToetsingAsync();
        var member = await App.ClientAsAsync("tafellid");

        var response = await member.PutAsJsonAsync($"/api/applications/{id}/checklist/answers", new
        {
            answers = new object[] { new { itemCode = "TK-01", score = 3, motivation = "Duidelijk probleem." }, new { itemCode, score, motivation } },
            submit = false,
        }, Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Equal(0, await App.QueryAsync(db => db.Assessments.CountAsync(Cancellation)));
    }

    [Fact]
    public async Task Submitting_with_a_mandatory_item_unanswered_is_400_naming_it_and_nothing_is_stored()
    {
        var (id, _) = await InToetsingAsync();
        var member = await App.ClientAsAsync("tafellid");
        var checklist = await App.QueryAsync(db => db.Checklists.AsNoTracking().SingleAsync(Cancellation));
        var answers = checklist.Items.Where(i => i.Code is not ("TK-05" or "TK-03" or "TK-08"))
            .Select(i => new { itemCode = i.Code, score = 4, motivation = "Onderbouwd." }).ToArray();

        var response = await member.PutAsJsonAsync($"/api/applications/{id}/checklist/answers", new { answers, submit = true }, Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("answers")[0].GetString();
        Assert.Contains("TK-05", message);
        Assert.DoesNotContain("TK-03", message);
        Assert.DoesNotContain("TK-08", message);
        Assert.Equal(0, await App.QueryAsync(db => db.Assessments.CountAsync(Cancellation)));

        // The optional questions may stay open: with TK-05 answered the submission goes through.
        var complete = answers.Append(new { itemCode = "TK-05", score = 5, motivation = "Grote impact." }).ToArray();
        var submitted = await PutAsync(member, $"/api/applications/{id}/checklist/answers", new { answers = complete, submit = true });
        Assert.Equal(("ingediend", 11), (submitted.GetProperty("status").GetString(), submitted.GetProperty("answers").GetArrayLength()));
    }

    [Fact]
    public async Task A_concept_can_be_saved_again_but_a_submitted_assessment_cannot_change()
    {
        var (id, _) = await InToetsingAsync();
        var member = await App.ClientAsAsync("tafellid");
        var url = $"/api/applications/{id}/checklist/answers";
        var concept = await PutAsync(member, url, new { answers = new[] { new { itemCode = "TK-01", score = 2, motivation = "Eerste indruk." } }, submit = false });
        Assert.Equal(("concept", 1L), (concept.GetProperty("status").GetString(), concept.GetProperty("version").GetInt64()));
        var submitted = await PutAsync(member, url, new { answers = await FullAnswersAsync(score: 3), submit = true, version = 1 });

        var response = await member.PutAsJsonAsync(url, new { answers = await FullAnswersAsync(score: 5), submit = false, version = submitted.GetProperty("version").GetInt64() }, Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("al ingediend", problem.GetProperty("detail").GetString());
        var stored = await App.QueryAsync(db => db.Assessments.AsNoTracking().SingleAsync(Cancellation));
        Assert.Equal(AssessmentStatus.Ingediend, stored.Status);
        Assert.All(stored.Answers, a => Assert.Equal(3, a.Score));
    }

    [Fact]
    public async Task Saving_with_a_stale_version_is_409_and_keeps_the_newer_answers()
    {
        var (id, _) = await InToetsingAsync();
        var member = await App.ClientAsAsync("tafellid");
        var url = $"/api/applications/{id}/checklist/answers";
        await PutAsync(member, url, new { answers = new[] { new { itemCode = "TK-01", score = 2, motivation = "In een ander tabblad." } }, submit = false, version = 0 });

        var response = await member.PutAsJsonAsync(url, new { answers = new[] { new { itemCode = "TK-01", score = 5, motivation = "Oude versie." } }, submit = false, version = 0 }, Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        var stored = await App.QueryAsync(db => db.Assessments.AsNoTracking().SingleAsync(Cancellation));
        Assert.Equal(("TK-01", 2), (stored.Answers.Single().ItemCode, stored.Answers.Single().Score));
    }

    [Fact]
    public async Task An_initiative_lead_and_a_member_of_another_table_may_not_answer_or_advise()
    {
        var (id, _) = await InToetsingAsync();
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var outsider = App.ClientWithClaims([new Claim(RegioFlowClaims.Subject, "lid-andere-tafel"), new Claim(RegioFlowClaims.Role, nameof(Role.TableMember))]);
        var answers = new { answers = await FullAnswersAsync(), submit = true };
        var advice = new { advice = "positief", motivation = "Goed plan." };

        var leadView = await lead.GetFromJsonAsync<JsonElement>(ChecklistUrl(id), Cancellation);
        Assert.False(leadView.GetProperty("mayAnswer").GetBoolean());
        Assert.Equal(JsonValueKind.Null, leadView.GetProperty("assessments").ValueKind);
        await (await lead.PutAsJsonAsync($"/api/applications/{id}/checklist/answers", answers, Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await lead.PostAsJsonAsync($"/api/applications/{id}/checklist/advice", advice, Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await outsider.GetAsync(ChecklistUrl(id), Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await outsider.PutAsJsonAsync($"/api/applications/{id}/checklist/answers", answers, Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var problem = await (await (await App.ClientAsAsync("tafellid")).PostAsJsonAsync($"/api/applications/{id}/checklist/advice", advice, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("voorzitter", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await App.QueryAsync(db => db.Assessments.CountAsync(Cancellation)));
    }

    [Fact]
    public async Task A_member_sees_only_their_own_answers_and_the_chair_sees_everyones_side_by_side()
    {
        var (id, _) = await InToetsingAsync();
        var member = await App.ClientAsAsync("tafellid");
        await PutAsync(member, $"/api/applications/{id}/checklist/answers", new { answers = new[] { new { itemCode = "TK-01", score = 2, motivation = "Probleem is vaag." } }, submit = false });
        await PutAsync(await App.ClientAsAsync("tafellid-uwv"), $"/api/applications/{id}/checklist/answers", new { answers = await FullAnswersAsync(score: 5), submit = true });

        var own = await member.GetFromJsonAsync<JsonElement>(ChecklistUrl(id), Cancellation);
        var chair = await (await App.ClientAsAsync("tafelvoorzitter")).GetFromJsonAsync<JsonElement>(ChecklistUrl(id), Cancellation);

        Assert.Equal(JsonValueKind.Null, own.GetProperty("assessments").ValueKind);
        Assert.Equal("concept", own.GetProperty("own").GetProperty("status").GetString());
        var answer = own.GetProperty("own").GetProperty("answers").EnumerateArray().Single();
        Assert.Equal(("TK-01", 2), (answer.GetProperty("itemCode").GetString(), answer.GetProperty("score").GetInt32()));
        Assert.Equal((1, 3), (own.GetProperty("submitted").GetInt32(), own.GetProperty("quorum").GetInt32()));
        Assert.True(own.GetProperty("mayAnswer").GetBoolean());
        var all = chair.GetProperty("assessments").EnumerateArray().ToDictionary(a => a.GetProperty("assessorId").GetString()!);
        Assert.Equal(["tafellid", "tafellid-uwv", "tafellid-werkgevers", "tafelvoorzitter"], all.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("Joost Hendriks", "concept"), (all["tafellid"].GetProperty("assessorName").GetString(), all["tafellid"].GetProperty("status").GetString()));
        Assert.Equal("ingediend", all["tafellid-uwv"].GetProperty("status").GetString());
        Assert.Equal(13, all["tafellid-uwv"].GetProperty("answers").GetArrayLength());
        Assert.Equal("niet begonnen", all["tafellid-werkgevers"].GetProperty("status").GetString());
        Assert.Equal(13, chair.GetProperty("checklist").GetProperty("items").GetArrayLength());
        foreach (var login in new[] { "fondsbeheerder", "toezicht" })
        {
            var view = await (await App.ClientAsAsync(login)).GetFromJsonAsync<JsonElement>(ChecklistUrl(id), Cancellation);
            Assert.Equal(4, view.GetProperty("assessments").GetArrayLength());
            Assert.Equal(JsonValueKind.Null, view.GetProperty("own").ValueKind);
        }
    }

    [Fact]
    public async Task The_assessor_inbox_lists_applications_in_toetsing_with_own_status_count_and_deadline()
    {
        var (id, _) = await InToetsingAsync();
        var member = await App.ClientAsAsync("tafellid");
        Assert.Equal("niet begonnen", (await member.GetFromJsonAsync<JsonElement>("/api/me/assessments", Cancellation)).EnumerateArray().Single().GetProperty("status").GetString());
        await PutAsync(member, $"/api/applications/{id}/checklist/answers", new { answers = new[] { new { itemCode = "TK-01", score = 4, motivation = "Helder." } }, submit = false });
        await PutAsync(await App.ClientAsAsync("tafellid-uwv"), $"/api/applications/{id}/checklist/answers", new { answers = await FullAnswersAsync(), submit = true });

        var inbox = await member.GetFromJsonAsync<JsonElement>("/api/me/assessments", Cancellation);

        var item = inbox.EnumerateArray().Single();
        Assert.Equal((id, "concept", 1, 3), (item.GetProperty("applicationId").GetGuid(), item.GetProperty("status").GetString(), item.GetProperty("submitted").GetInt32(), item.GetProperty("quorum").GetInt32()));
        Assert.Equal("Zij-instroom techniek Achterhoek", item.GetProperty("title").GetString());
        Assert.Equal(AppFixture.Start.AddDays(21), item.GetProperty("deadline").GetDateTimeOffset());
        Assert.False(item.GetProperty("isChair").GetBoolean());
        Assert.True((await (await App.ClientAsAsync("tafelvoorzitter")).GetFromJsonAsync<JsonElement>("/api/me/assessments", Cancellation))[0].GetProperty("isChair").GetBoolean());
        Assert.Empty((await (await App.ClientAsAsync("initiatiefnemer")).GetFromJsonAsync<JsonElement>("/api/me/assessments", Cancellation)).EnumerateArray());
    }

    [Fact]
    public async Task The_generic_trigger_route_refuses_the_advice_so_the_quorum_cannot_be_skipped()
    {
        var (id, caseId) = await InToetsingAsync();
        var chair = await App.ClientAsAsync("tafelvoorzitter");

        var response = await chair.PostAsJsonAsync($"/api/cases/{caseId}/triggers/advies-uitbrengen", new { parameters = new { advies = "positief", motivering = "Snel." } }, Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("/api/applications/{id}/checklist/advice", problem.GetProperty("detail").GetString());
        Assert.Equal("toetsing", await StateAsync(caseId));
        Assert.Null(await App.QueryAsync(db => db.FundingApplications.Where(a => a.Id == id).Select(a => a.Advice).SingleAsync(Cancellation)));
    }

    [Fact]
    public async Task Answering_outside_toetsing_is_409()
    {
        var id = await ReadyForDecisionAsync(50_000m);

        var response = await (await App.ClientAsAsync("tafelvoorzitter")).PutAsJsonAsync($"/api/applications/{id}/checklist/answers",
            new { answers = await FullAnswersAsync(), submit = false }, Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Besluitvorming", problem.GetProperty("detail").GetString());
    }

    private static string ChecklistUrl(Guid id) => $"/api/applications/{id}/checklist";

    private Task<string> StateAsync(Guid caseId) => App.QueryAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.State).SingleAsync(Cancellation));

    /// <summary>A submitted application that the fund administrator found complete: the table may assess it.</summary>
    private async Task<(Guid Id, Guid CaseId)> InToetsingAsync()
    {
        var lead = await App.ClientAsAsync("initiatiefnemer");
        var fund = await App.ClientAsAsync("fondsbeheerder");
        var application = await CreateAsync(lead, 100_000m);
        var caseId = application.GetProperty("caseId").GetGuid();
        await SendAsync(lead, $"/api/applications/{Id(application)}/submit", new { });
        await SendAsync(fund, $"/api/cases/{caseId}/triggers/in-behandeling-nemen", new { });
        await SendAsync(fund, $"/api/cases/{caseId}/triggers/volledig", new { });
        return (Id(application), caseId);
    }
}
