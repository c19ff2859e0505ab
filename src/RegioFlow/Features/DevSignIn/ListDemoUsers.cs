using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;
using RegioFlow.Domain;

namespace RegioFlow.Features.DevSignIn;

public static class ListDemoUsers
{
    public sealed record Query : IQuery<IReadOnlyList<DemoUserDto>>;

    public sealed record DemoUserDto(Guid Id, string Login, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> RoleLabels, IReadOnlyList<string> Organisations);

    internal sealed class Handler(RegioFlowDbContext db) : IQueryHandler<Query, IReadOnlyList<DemoUserDto>>
    {
        public async ValueTask<IReadOnlyList<DemoUserDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var users = await db.Users.AsNoTracking()
                .Where(u => u.IsDemo)
                .Select(u => new { u.Id, u.ExternalId, u.DisplayName, u.Roles, Organisations = u.Memberships.Select(m => m.Organisation!.Name).ToList() })
                .ToListAsync(cancellationToken);
            return [.. users
                .OrderBy(u => u.Roles.Min())
                .ThenBy(u => u.DisplayName)
                .Select(u => new DemoUserDto(
                    u.Id, u.ExternalId, u.DisplayName,
                    [.. u.Roles.Order().Select(r => r.ToString())],
                    [.. u.Roles.Order().Select(r => r.Label())],
                    u.Organisations))];
        }
    }
}
