using System.Security.Claims;
using RegioFlow.Domain;

namespace RegioFlow.Auth;

/// <summary>The claims RegioFlow puts in development cookies and tokens, and reads from any sign-in.</summary>
public static class RegioFlowClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string UserId = "rf_uid";

    /// <summary>Entra ID puts app roles in "roles"; development sign-in in "role"; some handlers map to ClaimTypes.Role.</summary>
    public static IReadOnlySet<Domain.Role> RolesOf(ClaimsPrincipal principal) =>
        principal.Claims
            .Where(c => c.Type is Role or "roles" or ClaimTypes.Role)
            .Select(c => Enum.TryParse<Domain.Role>(c.Value, ignoreCase: true, out var role) ? role : (Domain.Role?)null)
            .OfType<Domain.Role>()
            .ToHashSet();

    public static string? SubjectOf(ClaimsPrincipal principal) =>
        principal.FindFirst(Subject)?.Value
        ?? principal.FindFirst("oid")?.Value
        ?? principal.FindFirst("http://schemas.microsoft.com/identity/claims/objectidentifier")?.Value
        ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Value;

    public static List<Claim> For(UserAccount user)
    {
        List<Claim> claims =
        [
            new(Subject, user.ExternalId),
            new(Name, user.DisplayName),
            new(UserId, user.Id.ToString()),
        ];
        claims.AddRange(user.Roles.Select(r => new Claim(Role, r.ToString())));
        return claims;
    }
}
