using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Identity.Web;
using RegioFlow.Common;

namespace RegioFlow.Auth;

public static class AuthSetup
{
    /// <summary>Forwards to the bearer handler for /api (and any request carrying a bearer token), else to the cookie.</summary>
    public const string SelectorScheme = "RegioFlow";
    public const string SignInPath = "/account/aanmelden";
    public const string SignOutPath = "/account/afmelden";

    public static IServiceCollection AddRegioFlowAuthentication(this IServiceCollection services, IConfiguration configuration, AuthMode mode)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddSingleton(new AuthModeHolder(mode));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationResultHandler>();
        services.AddAuthorizationBuilder().AddRegioFlowPolicies();

        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = SelectorScheme;
                o.DefaultChallengeScheme = SelectorScheme;
            })
            .AddPolicyScheme(SelectorScheme, "RegioFlow", o => o.ForwardDefaultSelector = context =>
                context.IsApiRequest() || context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme);

        if (mode == AuthMode.EntraId)
        {
            var azureAd = configuration.GetSection("AzureAd");
            authentication.AddMicrosoftIdentityWebApp(azureAd, OpenIdConnectDefaults.AuthenticationScheme, CookieAuthenticationDefaults.AuthenticationScheme);
            authentication.AddMicrosoftIdentityWebApi(azureAd, JwtBearerDefaults.AuthenticationScheme);
            services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o => o.TokenValidationParameters.RoleClaimType = "roles");
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.TokenValidationParameters.RoleClaimType = "roles");
        }
        else
        {
            var options = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
            var issuer = new DevelopmentTokenIssuer(options.Development, TimeProvider.System);
            services.AddSingleton(issuer);
            authentication.AddCookie(CookieAuthenticationDefaults.AuthenticationScheme);
            authentication.AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = issuer.ValidationParameters();
            });
        }

        // Same cookie behaviour in both modes: the sign-in page decides between demo users and Entra ID.
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o =>
        {
            o.Cookie.Name = ".RegioFlow.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = SignInPath;
            o.LogoutPath = SignOutPath;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // Signed in but not allowed: answer 403 (the error page explains) instead of redirecting to a login page.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        return services;
    }
}

/// <summary>The sign-in mode chosen at startup, for pages and endpoints that differ per mode.</summary>
public sealed record AuthModeHolder(AuthMode Mode)
{
    public bool IsDevelopment => Mode == AuthMode.Development;
}
