using RegioFlow.Domain;
using RegioFlow.Pages;

namespace RegioFlow.Tests.Pages;

public sealed class NavigationTests
{
    [Fact]
    public void A_visitor_only_sees_the_start_page() =>
        Assert.Equal(["/"], Navigation.For(signedIn: false, new HashSet<Role>()).Select(i => i.Href));

    [Fact]
    public void Only_an_admin_gets_the_jobs_dashboard()
    {
        var admin = Navigation.For(signedIn: true, new HashSet<Role> { Role.Admin }).Select(i => i.Href);
        var others = Enum.GetValues<Role>().Where(r => r != Role.Admin)
            .SelectMany(role => Navigation.For(signedIn: true, new HashSet<Role> { role }).Select(i => i.Href));

        Assert.Contains("/jobs", admin);
        Assert.DoesNotContain("/jobs", others);
    }

    [Theory]
    [InlineData(Role.InitiativeLead, true)]
    [InlineData(Role.TableMember, true)]
    [InlineData(Role.TableChair, true)]
    [InlineData(Role.DecisionBodyMember, true)]
    [InlineData(Role.FundAdministrator, true)]
    [InlineData(Role.Oversight, true)]
    [InlineData(Role.Admin, true)]
    [InlineData(Role.VoucherApplicant, false)]
    [InlineData(Role.TrainingProvider, false)]
    public void Applications_are_in_the_menu_of_every_role_that_deals_with_subsidies(Role role, bool shown) =>
        Assert.Equal(shown, Navigation.For(signedIn: true, new HashSet<Role> { role }).Any(i => i.Href == "/aanvragen" && i.Label == "Aanvragen"));

    [Theory]
    [InlineData(Role.FundAdministrator, true)]
    [InlineData(Role.DecisionBodyMember, true)]
    [InlineData(Role.Oversight, true)]
    [InlineData(Role.Admin, true)]
    [InlineData(Role.InitiativeLead, false)]
    [InlineData(Role.TableMember, false)]
    [InlineData(Role.VoucherApplicant, false)]
    [InlineData(Role.TrainingProvider, false)]
    public void The_schemes_are_in_the_menu_of_those_who_manage_decide_on_or_oversee_them(Role role, bool expected) =>
        Assert.Equal(expected, Navigation.For(signedIn: true, new HashSet<Role> { role }).Any(i => i is { Label: "Regelingen", Href: "/regelingen" }));

    [Theory]
    [InlineData(Role.FundAdministrator, true)]
    [InlineData(Role.DecisionBodyMember, true)]
    [InlineData(Role.Oversight, true)]
    [InlineData(Role.Admin, true)]
    [InlineData(Role.InitiativeLead, false)]
    [InlineData(Role.TableMember, false)]
    [InlineData(Role.TableChair, false)]
    [InlineData(Role.VoucherApplicant, false)]
    [InlineData(Role.TrainingProvider, false)]
    public void The_dashboard_is_in_the_menu_of_those_who_manage_decide_on_or_oversee_schemes(Role role, bool expected) =>
        Assert.Equal(expected, Navigation.For(signedIn: true, new HashSet<Role> { role }).Any(i => i is { Label: "Dashboard", Href: "/dashboard" }));

    [Theory]
    [InlineData(Role.TableMember, true)]
    [InlineData(Role.TableChair, true)]
    [InlineData(Role.DecisionBodyMember, false)]
    [InlineData(Role.FundAdministrator, false)]
    [InlineData(Role.InitiativeLead, false)]
    [InlineData(Role.Admin, false)]
    public void Only_table_members_and_chairs_get_the_assessor_inbox(Role role, bool expected) =>
        Assert.Equal(expected, Navigation.For(signedIn: true, new HashSet<Role> { role }).Any(i => i is { Label: "Beoordelen", Href: "/beoordelen" }));

    [Theory]
    [InlineData(Role.VoucherApplicant, true)]
    [InlineData(Role.TrainingProvider, true)]
    [InlineData(Role.FundAdministrator, true)]
    [InlineData(Role.Oversight, true)]
    [InlineData(Role.Admin, true)]
    [InlineData(Role.InitiativeLead, false)]
    [InlineData(Role.TableMember, false)]
    [InlineData(Role.DecisionBodyMember, false)]
    public void Vouchers_are_in_the_menu_of_those_who_request_redeem_manage_or_oversee_them(Role role, bool expected) =>
        Assert.Equal(expected, Navigation.For(signedIn: true, new HashSet<Role> { role }).Any(i => i is { Label: "Vouchers", Href: "/vouchers" }));

    [Fact]
    public void Every_role_has_a_dutch_description_and_label()
    {
        Assert.All(Enum.GetValues<Role>(), role =>
        {
            Assert.False(string.IsNullOrWhiteSpace(Navigation.Describe(role)));
            Assert.NotEqual(role.ToString(), role.Label());
        });
    }

    [Fact]
    public void The_initiative_register_is_in_the_menu_of_every_signed_in_role()
    {
        Assert.All(Enum.GetValues<Role>(), role =>
            Assert.Contains(Navigation.For(signedIn: true, new HashSet<Role> { role }), i => i is { Label: "Initiatieven", Href: "/initiatieven" }));
        Assert.DoesNotContain(Navigation.For(signedIn: false, new HashSet<Role>()), i => i.Href == "/initiatieven");
    }
}
