using System.Security.Claims;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Data;

namespace RegioFlow.Features.DevSignIn;

/// <summary>The claims for a development sign-in cookie for one demo user.</summary>
public static class GetDemoUserClaims
{
    public sealed record Query(string Login) : IQuery<IReadOnlyList<Claim>>;

    internal sealed class Handler(RegioFlowDbContext db) : IQueryHandler<Query, IReadOnlyList<Claim>>
    {
        public async ValueTask<IReadOnlyList<Claim>> Handle(Query query, CancellationToken cancellationToken)
        {
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.IsDemo && u.ExternalId == query.Login, cancellationToken)
                ?? throw new NotFoundException($"Er is geen demogebruiker '{query.Login}'.");
            return RegioFlowClaims.For(user);
        }
    }
}
