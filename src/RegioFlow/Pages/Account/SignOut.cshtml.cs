using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Auth;

namespace RegioFlow.Pages.Account;

public sealed class SignOutModel(AuthModeHolder authMode) : PageModel
{
    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        var properties = new AuthenticationProperties { RedirectUri = "/" };
        return authMode.IsDevelopment
            ? SignOut(properties, CookieAuthenticationDefaults.AuthenticationScheme)
            : SignOut(properties, CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme);
    }
}
