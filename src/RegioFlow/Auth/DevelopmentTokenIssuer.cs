using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RegioFlow.Domain;

namespace RegioFlow.Auth;

/// <summary>
/// Signs bearer tokens for demo users with development sign-in, and is the key the JWT bearer handler validates
/// against in that mode. Tests use it too, so they authenticate through the real pipeline.
/// </summary>
public sealed class DevelopmentTokenIssuer
{
    private readonly DevelopmentAuthOptions _options;
    private readonly TimeProvider _clock;

    public DevelopmentTokenIssuer(DevelopmentAuthOptions options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        var keyBytes = string.IsNullOrWhiteSpace(options.SigningKey)
            ? RandomNumberGenerator.GetBytes(32)
            : Encoding.UTF8.GetBytes(options.SigningKey);
        if (keyBytes.Length < 32)
        {
            throw new InvalidOperationException("Auth:Development:SigningKey moet minstens 32 tekens lang zijn.");
        }

        SigningKey = new SymmetricSecurityKey(keyBytes);
    }

    public SymmetricSecurityKey SigningKey { get; }

    public string Issuer => _options.Issuer;

    public string Audience => _options.Audience;

    public (string Token, DateTimeOffset ExpiresAt) Issue(UserAccount user) => Issue(RegioFlowClaims.For(user));

    public (string Token, DateTimeOffset ExpiresAt) Issue(IEnumerable<Claim> claims, TimeSpan? lifetime = null)
    {
        var now = _clock.GetUtcNow();
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(_options.TokenLifetimeMinutes));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = _options.Issuer,
        ValidAudience = _options.Audience,
        IssuerSigningKey = SigningKey,
        NameClaimType = RegioFlowClaims.Name,
        RoleClaimType = RegioFlowClaims.Role,
        ClockSkew = TimeSpan.FromMinutes(1),
    };
}
