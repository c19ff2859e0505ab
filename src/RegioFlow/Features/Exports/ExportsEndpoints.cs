using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace RegioFlow.Features.Exports;

public static class ExportsEndpoints
{
    public static IEndpointRouteBuilder MapExportsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/exports/{what}", ExportAsync).WithTags("Exports").WithName("Export")
            .WithSummary("Een lijst downloaden als CSV of Excel: applications, payments, vouchers of initiatives, met dezelfde filters en rechten als de API.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        // The same export for the pages' "Exporteren" links: outside /api the request signs in with the page cookie
        // (the API takes bearer tokens only), and an error shows the friendly error page instead of ProblemDetails.
        app.MapGet("/exporteren/{what}", DownloadAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> DownloadAsync(
        string what, string? format, string? scheme, string? state, string? status, string? kind, string? from, string? to,
        string? search, string? region, string? sector, string? targetGroup, string? type, HttpContext context, IMediator mediator, CancellationToken ct)
    {
        try
        {
            return await ExportAsync(what, format, scheme, state, status, kind, from, to, search, region, sector, targetGroup, type, context, mediator, ct);
        }
        catch (FluentValidation.ValidationException)
        {
            return TypedResults.StatusCode(StatusCodes.Status400BadRequest);
        }
        catch (Common.ForbiddenException)
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }
    }

    private static async Task<FileContentHttpResult> ExportAsync(
        string what, string? format, string? scheme, string? state, string? status, string? kind, string? from, string? to,
        string? search, string? region, string? sector, string? targetGroup, string? type, HttpContext context, IMediator mediator, CancellationToken ct)
    {
        var file = await mediator.Send(new ExportList.Query(what, format, scheme, state, status, kind, from, to, search, region, sector, targetGroup, type), ct);
        context.Response.Headers.CacheControl = "private, no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
