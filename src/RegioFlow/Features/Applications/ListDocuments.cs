using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;

namespace RegioFlow.Features.Applications;

/// <summary>The documents of an application, for everyone who may see the application; the list never loads the bytes.</summary>
public static class ListDocuments
{
    public sealed record Query(Guid ApplicationId) : IQuery<IReadOnlyList<DocumentDto>>;

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access) : IQueryHandler<Query, IReadOnlyList<DocumentDto>>
    {
        public async ValueTask<IReadOnlyList<DocumentDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            await access.VisibleAsync(query.ApplicationId, cancellationToken);
            return await db.Documents.AsNoTracking().Where(d => d.ApplicationId == query.ApplicationId).OrderBy(d => d.UploadedAt)
                .Select(d => new DocumentDto(d.Id, d.ApplicationId, d.FileName, d.ContentType, d.Size, d.Sha256, d.Description, d.UploadedBy, d.UploadedAt))
                .ToListAsync(cancellationToken);
        }
    }
}

/// <summary>One document's content, with the type detected at upload and its file name, for whoever may see the application.</summary>
public static class DownloadDocument
{
    public sealed record Query(Guid ApplicationId, Guid DocumentId) : IQuery<Response>;

    public sealed record Response(string FileName, string ContentType, byte[] Content);

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            await access.VisibleAsync(query.ApplicationId, cancellationToken);
            var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == query.DocumentId && d.ApplicationId == query.ApplicationId, cancellationToken)
                ?? throw new NotFoundException($"Er is geen document met id {query.DocumentId} bij deze aanvraag.");
            var content = await db.DocumentContents.AsNoTracking().Where(c => c.DocumentId == document.Id).Select(c => c.Bytes).SingleAsync(cancellationToken);
            return new Response(document.FileName, document.ContentType, content);
        }
    }
}
