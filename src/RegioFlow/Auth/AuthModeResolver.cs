namespace RegioFlow.Auth;

/// <summary>Decides how people sign in, or explains what to configure when no sign-in is possible.</summary>
public static class AuthModeResolver
{
    public static (AuthMode? Mode, string? Problem) Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var explicitMode = configuration[$"{AuthOptions.SectionName}:Mode"];
        var clientId = configuration["AzureAd:ClientId"];

        if (!string.IsNullOrWhiteSpace(explicitMode))
        {
            if (explicitMode.Equals("Development", StringComparison.OrdinalIgnoreCase))
            {
                return (AuthMode.Development, null);
            }

            if (explicitMode.Equals("EntraId", StringComparison.OrdinalIgnoreCase))
            {
                return string.IsNullOrWhiteSpace(clientId)
                    ? (null, "Auth:Mode is 'EntraId' maar AzureAd:ClientId is leeg. " + EntraAdvice)
                    : (AuthMode.EntraId, null);
            }

            return (null, $"Auth:Mode '{explicitMode}' is onbekend; kies 'EntraId' of 'Development' (of laat het leeg).");
        }

        if (!string.IsNullOrWhiteSpace(clientId))
        {
            return (AuthMode.EntraId, null);
        }

        if (environment.IsDevelopment())
        {
            return (AuthMode.Development, null);
        }

        return (null,
            $"Er is geen aanmelding geconfigureerd voor de omgeving '{environment.EnvironmentName}'. " + EntraAdvice
            + " Alleen om te proberen (nooit in productie): zet Auth:Mode=Development (Auth__Mode=Development) voor de ontwikkelaanmelding.");
    }

    private const string EntraAdvice =
        "Stel Microsoft Entra ID in met AzureAd:TenantId en AzureAd:ClientId (omgevingsvariabelen AzureAd__TenantId en AzureAd__ClientId; "
        + "voor de API ook AzureAd:Audience).";
}
