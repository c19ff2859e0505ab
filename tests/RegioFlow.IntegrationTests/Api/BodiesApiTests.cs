using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RegioFlow.IntegrationTests.Infrastructure;

namespace RegioFlow.IntegrationTests.Api;

/// <summary>Administrators set up the thematafels and decision bodies, their speerpunten and their members.</summary>
public sealed class BodiesApiTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task An_administrator_adds_a_table_with_a_chair_and_members_and_everyone_sees_it()
    {
        var admin = await App.ClientAsAsync("beheerder");

        var response = await admin.PostAsJsonAsync("/api/bodies", NewTable(), Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var bodies = await (await App.ClientAsAsync("initiatiefnemer")).GetFromJsonAsync<JsonElement>("/api/bodies", Cancellation);
        var table = bodies.EnumerateArray().Single(b => b.GetProperty("name").GetString() == "Thematafel Zorg & Welzijn");
        Assert.Equal("Thematafel", table.GetProperty("kind").GetString());
        Assert.Equal(["tafelvoorzitter:Voorzitter", "tafellid:Lid"],
            table.GetProperty("members").EnumerateArray().Select(m => $"{m.GetProperty("userExternalId").GetString()}:{m.GetProperty("role").GetString()}"));
    }

    [Fact]
    public async Task Members_leave_join_and_change_role_and_the_speerpunten_change_with_the_year()
    {
        var admin = await App.ClientAsAsync("beheerder");
        var created = await (await admin.PostAsJsonAsync("/api/bodies", NewTable(), Cancellation)).Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        var response = await admin.PutAsJsonAsync($"/api/bodies/{created.GetProperty("id").GetGuid()}", new
        {
            name = "Thematafel Zorg & Welzijn",
            speerpunten = new[] { "Zij-instroom in de zorg 2027" },
            members = new[] { new { userExternalId = "tafellid", role = "Voorzitter" }, new { userExternalId = "tafellid-uwv", role = "Lid" } },
        }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var members = await App.QueryAsync(db => db.BodyMembers.Where(m => m.BodyId == created.GetProperty("id").GetGuid())
            .Select(m => m.UserExternalId + ":" + m.Role).ToListAsync(Cancellation));
        Assert.Equal(["tafellid-uwv:Lid", "tafellid:Voorzitter"], members.Order(StringComparer.Ordinal));
        var body = await App.QueryAsync(db => db.Bodies.AsNoTracking().SingleAsync(b => b.Name == "Thematafel Zorg & Welzijn", Cancellation));
        Assert.Equal(["Zij-instroom in de zorg 2027"], body.Speerpunten);
    }

    [Fact]
    public async Task Two_chairs_an_unknown_user_or_a_missing_kind_are_400_per_field_and_nothing_is_stored()
    {
        var admin = await App.ClientAsAsync("beheerder");
        var before = await App.QueryAsync(db => db.Bodies.CountAsync(Cancellation));

        var twoChairs = await admin.PostAsJsonAsync("/api/bodies", new
        {
            name = "Thematafel Techniek",
            kind = "Thematafel",
            members = new[] { new { userExternalId = "tafellid", role = "Voorzitter" }, new { userExternalId = "tafelvoorzitter", role = "Voorzitter" } },
        }, Cancellation);
        var unknown = await admin.PostAsJsonAsync("/api/bodies", new
        {
            name = "Thematafel Techniek",
            kind = "Thematafel",
            members = new[] { new { userExternalId = "bestaat-niet", role = "Lid" } },
        }, Cancellation);
        var noKind = await admin.PostAsJsonAsync("/api/bodies", new { name = "Thematafel Techniek" }, Cancellation);
        var emptyMember = await admin.PostAsJsonAsync("/api/bodies", new { name = "Thematafel Techniek", kind = "Thematafel", members = new object?[] { null } }, Cancellation);

        Assert.Contains("hoogstens één voorzitter", (await twoChairs.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("members")[0].GetString());
        Assert.Contains("bestaat-niet", (await unknown.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("members")[0].GetString());
        Assert.Contains("Thematafel of Besluitorgaan", (await noKind.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("kind")[0].GetString());
        var emptyErrors = (await emptyMember.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal("Een lid mag niet leeg zijn.", emptyErrors.GetProperty("members[0]")[0].GetString());
        Assert.Equal(before, await App.QueryAsync(db => db.Bodies.CountAsync(Cancellation)));
    }

    [Fact]
    public async Task Only_administrators_manage_bodies_and_names_stay_unique()
    {
        var chair = await App.ClientAsAsync("tafelvoorzitter");
        await (await chair.PostAsJsonAsync("/api/bodies", NewTable(), Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden);

        var admin = await App.ClientAsAsync("beheerder");
        var duplicate = await admin.PostAsJsonAsync("/api/bodies", NewTable() with { name = "Achterhoek Board" }, Cancellation);

        await duplicate.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.False(await App.QueryAsync(db => db.Bodies.AnyAsync(b => b.Name == "Thematafel Zorg & Welzijn", Cancellation)));
    }

    private sealed record TableRequest(string name, string kind, string[] speerpunten, object[] members);

    private static TableRequest NewTable() => new(
        "Thematafel Zorg & Welzijn",
        "Thematafel",
        ["Zij-instroom in de zorg", "Behoud van personeel"],
        [new { userExternalId = "tafelvoorzitter", role = "Voorzitter" }, new { userExternalId = "tafellid", role = "Lid" }]);
}
