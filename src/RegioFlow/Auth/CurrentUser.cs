using System.Security.Claims;
using RegioFlow.Domain;

namespace RegioFlow.Auth;

/// <summary>Who is making this request, as handlers need it (subject, name, roles).</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    public ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public string? SubjectId => RegioFlowClaims.SubjectOf(Principal);

    public string DisplayName => Principal.FindFirst(RegioFlowClaims.Name)?.Value ?? Principal.Identity?.Name ?? SubjectId ?? "";

    public IReadOnlySet<Role> Roles => RegioFlowClaims.RolesOf(Principal);

    public bool IsInRole(Role role) => Roles.Contains(role);
}
