using Mediator;

namespace RegioFlow.Features.Applications;

/// <summary>
/// The table's advice on an application, once the chair has given it. Kept out of <see cref="ApplicationDto"/> so the
/// list stays lean; the case page asks for it separately.
/// </summary>
public static class GetAdvice
{
    public sealed record Query(Guid ApplicationId) : IQuery<AdviceDto?>;

    public sealed record AdviceDto(string Advice, string? Motivation, string? AdvisedBy, DateTimeOffset? AdvisedAt);

    internal sealed class Handler(ApplicationAccess access) : IQueryHandler<Query, AdviceDto?>
    {
        public async ValueTask<AdviceDto?> Handle(Query query, CancellationToken cancellationToken)
        {
            var application = await access.VisibleAsync(query.ApplicationId, cancellationToken);
            return application.Advice is null ? null : new AdviceDto(application.Advice, application.AdviceMotivation, application.AdvisedBy, application.AdvisedAt);
        }
    }
}
