using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Features.DevSignIn;

namespace RegioFlow.Pages.Account;

/// <summary>Development sign-in picks a demo user; with Entra ID this page hands over to the OpenID Connect sign-in.</summary>
public sealed class SignInModel(IMediator mediator, AuthModeHolder authMode) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<ListDemoUsers.DemoUserDto> DemoUsers { get; private set; } = [];

    public string? Error { get; private set; }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!authMode.IsDevelopment)
        {
            return Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl }, OpenIdConnectDefaults.AuthenticationScheme);
        }

        DemoUsers = await mediator.Send(new ListDemoUsers.Query(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? login, CancellationToken cancellationToken)
    {
        if (!authMode.IsDevelopment)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(login))
        {
            return await ShowErrorAsync("Kies een demogebruiker om u aan te melden.", cancellationToken);
        }

        IReadOnlyList<Claim> claims;
        try
        {
            claims = await mediator.Send(new GetDemoUserClaims.Query(login.Trim()), cancellationToken);
        }
        catch (NotFoundException notFound)
        {
            return await ShowErrorAsync(notFound.Message, cancellationToken);
        }

        var identity = new ClaimsIdentity(claims, "DevelopmentSignIn", RegioFlowClaims.Name, RegioFlowClaims.Role);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(SafeReturnUrl);
    }

    private async Task<IActionResult> ShowErrorAsync(string message, CancellationToken cancellationToken)
    {
        Error = message;
        DemoUsers = await mediator.Send(new ListDemoUsers.Query(), cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
