using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Data;

namespace RegioFlow.Features.DevSignIn;

/// <summary>Development sign-in for API clients: a bearer token for a demo user. Only mapped in that mode.</summary>
public static class IssueDevToken
{
    /// <param name="User">The demo user's id (from GET /api/dev/users) or login name, e.g. "fondsbeheerder".</param>
    public sealed record Command(string? User) : ICommand<Response>;

    public sealed record Response(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, Guid UserId, IReadOnlyList<string> Roles);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.User).NotEmpty().WithMessage("Geef de id of inlognaam van een demogebruiker op (zie GET /api/dev/users).");
    }

    internal sealed class Handler(RegioFlowDbContext db, DevelopmentTokenIssuer issuer) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var key = command.User!.Trim();
            var id = Guid.TryParse(key, out var parsed) ? parsed : (Guid?)null;
            var user = await db.Users.AsNoTracking()
                .SingleOrDefaultAsync(u => u.IsDemo && (u.Id == id || u.ExternalId == key), cancellationToken)
                ?? throw new NotFoundException($"Er is geen demogebruiker '{key}'. GET /api/dev/users geeft de demogebruikers.");
            var (token, expiresAt) = issuer.Issue(user);
            return new Response(token, "Bearer", expiresAt, user.Id, [.. user.Roles.Select(r => r.ToString())]);
        }
    }
}
