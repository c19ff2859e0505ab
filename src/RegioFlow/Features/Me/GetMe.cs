using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Data;

namespace RegioFlow.Features.Me;

public static class GetMe
{
    public sealed record Query : IQuery<Response>;

    public sealed record Response(
        string Subject,
        Guid? UserId,
        string DisplayName,
        string? Email,
        IReadOnlyList<RoleDto> Roles,
        IReadOnlyList<MembershipDto> Memberships);

    public sealed record RoleDto(string Role, string Label);

    public sealed record MembershipDto(Guid OrganisationId, string Organisation, string Kind, string? Function);

    internal sealed class Handler(RegioFlowDbContext db, CurrentUser currentUser) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var subject = currentUser.SubjectId ?? "";
            var account = await db.Users.AsNoTracking()
                .Where(u => u.ExternalId == subject)
                .Select(u => new
                {
                    u.Id,
                    u.DisplayName,
                    u.Email,
                    Memberships = u.Memberships
                        .Select(m => new MembershipDto(m.OrganisationId, m.Organisation!.Name, m.Organisation.Kind.ToString(), m.Function))
                        .ToList(),
                })
                .SingleOrDefaultAsync(cancellationToken);

            var roles = currentUser.Roles.Order().Select(r => new RoleDto(r.ToString(), Domain.RoleLabels.Label(r))).ToList();
            return new Response(
                subject,
                account?.Id,
                account?.DisplayName ?? currentUser.DisplayName,
                account?.Email,
                roles,
                account?.Memberships.OrderBy(m => m.Organisation).ToList() ?? []);
        }
    }
}
