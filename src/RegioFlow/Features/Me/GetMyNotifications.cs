using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Auth;
using RegioFlow.Data;

namespace RegioFlow.Features.Me;

/// <summary>The signed-in user's in-app inbox, newest first.</summary>
public static class GetMyNotifications
{
    public sealed record Query : IQuery<IReadOnlyList<NotificationDto>>;

    public sealed record NotificationDto(Guid Id, string Notification, string Subject, Guid? CaseId, DateTimeOffset CreatedAt);

    internal sealed class Handler(RegioFlowDbContext db, CurrentUser user) : IQueryHandler<Query, IReadOnlyList<NotificationDto>>
    {
        public async ValueTask<IReadOnlyList<NotificationDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var subject = user.SubjectId ?? "";
            return await db.Notifications.AsNoTracking()
                .Where(n => n.Recipient == subject)
                .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
                .Take(200)
                .Select(n => new NotificationDto(n.Id, n.Notification, n.Subject, n.CaseId, n.CreatedAt))
                .ToListAsync(cancellationToken);
        }
    }
}
