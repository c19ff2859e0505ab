using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using RegioFlow.Common;

namespace RegioFlow.Auth;

/// <summary>
/// API callers get 401/403 as ProblemDetails that say what is missing; pages get a 403 status (rendered by the
/// error page) instead of a redirect, and a sign-in redirect when not signed in.
/// </summary>
internal sealed class AuthorizationResultHandler(IProblemDetailsService problemDetails) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await next(context);
            return;
        }

        var signedIn = context.User.Identity?.IsAuthenticated == true;
        if (!context.IsApiRequest())
        {
            if (authorizeResult.Forbidden && signedIn)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        ProblemDetails problem;
        if (authorizeResult.Challenged || !signedIn)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            var sentToken = context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Niet aangemeld.",
                Detail = sentToken
                    ? "Het bearer-token is ongeldig of verlopen. Vraag een nieuw token aan."
                    : "Stuur een geldig bearer-token mee in de Authorization-header.",
            };
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            var reasons = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<RoleRequirement>().Select(r => r.Describe()).ToList() ?? [];
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Geen toegang.",
                Detail = reasons.Count > 0 ? string.Join(" ", reasons) : "U heeft geen toegang tot deze functie.",
            };
        }

        await problemDetails.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
