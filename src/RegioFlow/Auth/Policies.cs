using Microsoft.AspNetCore.Authorization;
using RegioFlow.Domain;

namespace RegioFlow.Auth;

/// <summary>Named policies. Role checks read RegioFlow roles from any sign-in (Entra "roles" or development "role").</summary>
public static class Policies
{
    public const string Admin = "Admin";
    public const string FundAdministrator = "FundAdministrator";
    public const string Oversight = "Oversight";

    public static AuthorizationBuilder AddRegioFlowPolicies(this AuthorizationBuilder builder) => builder
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(Admin, p => p.AddRequirements(new RoleRequirement([Role.Admin])))
        .AddPolicy(FundAdministrator, p => p.AddRequirements(new RoleRequirement([Role.FundAdministrator, Role.Admin])))
        .AddPolicy(Oversight, p => p.AddRequirements(new RoleRequirement([Role.Oversight, Role.FundAdministrator, Role.DecisionBodyMember, Role.Admin])));
}

/// <summary>Met when the user has one of the roles; its description names them in Dutch for the 403 answer.</summary>
public sealed class RoleRequirement(IReadOnlyList<Role> roles) : AuthorizationHandler<RoleRequirement>, IAuthorizationRequirement
{
    public IReadOnlyList<Role> Roles { get; } = roles;

    public string Describe() => Roles.Count == 1
        ? $"Hiervoor is de rol {Roles[0].Label()} nodig."
        : $"Hiervoor is een van deze rollen nodig: {string.Join(", ", Roles.Select(r => r.Label()))}.";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRequirement requirement)
    {
        if (RegioFlowClaims.RolesOf(context.User).Overlaps(requirement.Roles))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
