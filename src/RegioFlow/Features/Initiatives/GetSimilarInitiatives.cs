using Mediator;

namespace RegioFlow.Features.Initiatives;

/// <summary>
/// The ten initiatives the caller may see that most resemble this one (<see cref="InitiativeSimilarity"/>), with a score
/// and the shared words: checklist question TK-06 ("lopen er vergelijkbare projecten?") and "niet nieuw, tenzij".
/// </summary>
public static class GetSimilarInitiatives
{
    public sealed record Query(Guid Id) : IQuery<IReadOnlyList<SimilarInitiativeDto>>;

    internal sealed class Handler(InitiativeAccess access) : IQueryHandler<Query, IReadOnlyList<SimilarInitiativeDto>>
    {
        public async ValueTask<IReadOnlyList<SimilarInitiativeDto>> Handle(Query query, CancellationToken cancellationToken) =>
            await access.SimilarAsync(await access.VisibleAsync(query.Id, cancellationToken), cancellationToken);
    }
}
