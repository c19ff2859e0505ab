namespace RegioFlow.Auth;

public enum AuthMode
{
    /// <summary>Pick a seeded demo user; bearer tokens from POST /api/dev/token. Never for production.</summary>
    Development,

    /// <summary>Microsoft Entra ID through Microsoft.Identity.Web: OIDC for pages, JWT bearer for /api.</summary>
    EntraId,
}

public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>Empty: Entra ID when AzureAd:ClientId is set, development sign-in in the Development environment.</summary>
    public string? Mode { get; set; }

    public DevelopmentAuthOptions Development { get; set; } = new();
}

public sealed class DevelopmentAuthOptions
{
    public string Issuer { get; set; } = "regioflow-development";

    public string Audience { get; set; } = "regioflow-api";

    /// <summary>HMAC key for development tokens (at least 32 characters). Empty: a random key per process start.</summary>
    public string? SigningKey { get; set; }

    public int TokenLifetimeMinutes { get; set; } = 480;
}
