using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RegioFlow.Auth;

namespace RegioFlow.Features.Initiatives;

/// <summary>The register's import of an inventory (CSV) and the "bestaat dit al?" check for a text not yet stored.</summary>
public static class InitiativeImportEndpoints
{
    /// <param name="ApplicationId">Optional: the application being edited, whose own stored initiative is left out.</param>
    public sealed record SimilarBody(string? Title, string? Problem, string? Goals, string? Activity, IReadOnlyList<string>? Sectors, IReadOnlyList<string>? TargetGroups, Guid? ApplicationId);

    /// <summary>Room for the multipart envelope around a file of <see cref="InitiativeImport.MaxBytes"/>; the file itself is checked against that.</summary>
    private const long MaxRequestBytes = InitiativeImport.MaxBytes + (1024 * 1024);

    public static IEndpointRouteBuilder MapInitiativeImportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/initiatives").WithTags("Initiatieven");
        group.MapPost("import", ImportAsync).WithName("ImportInitiatives")
            .WithSummary("Een inventarisatie (CSV, als tekst of als bestand 'file') controleren (dryRun=true, standaard) of importeren in het register.")
            .RequireAuthorization(Policies.FundAdministrator)
            .DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes)).WithFormOptions(multipartBodyLengthLimit: MaxRequestBytes)
            .Produces<ImportReport>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("similar", SimilarAsync).WithName("FindSimilarInitiatives")
            .WithSummary("Bestaat dit al? De tien meest vergelijkbare initiatieven bij een tekst die nog niet is opgeslagen.").ProducesValidationProblem();
        return app;
    }

    private static async Task<IResult> ImportAsync(
        HttpRequest request, string? source, string? dryRun, string? region, string? sector, string? type, string? status, IMediator mediator, CancellationToken ct)
    {
        var isDryRun = dryRun?.Trim().ToLowerInvariant() switch
        {
            null or "" or "true" or "1" => true,
            "false" or "0" => false,
            _ => throw new ValidationException([new ValidationFailure("dryRun", $"dryRun moet 'true' of 'false' zijn, niet '{dryRun}'.")]),
        };

        var bytes = await ReadUploadAsync(request, ct);
        if (bytes is null)
        {
            return TooLarge();
        }

        var report = await mediator.Send(new ImportInitiatives.Command(InitiativeImport.Decode(bytes), new ImportDefaults(source, region, sector, type, status), isDryRun), ct);
        if (!isDryRun && report.Errors > 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "De inventarisatie is niet geïmporteerd.",
                detail: $"{report.Errors} van de {report.Total} rijen hebben een fout; er is niets opgeslagen. Zie 'report' voor de fouten per rij.",
                extensions: new Dictionary<string, object?> { ["report"] = report });
        }

        return TypedResults.Ok(report);
    }

    /// <summary>The CSV bytes from a multipart field 'file' or from the raw body; null when larger than <see cref="InitiativeImport.MaxBytes"/>.</summary>
    private static async Task<byte[]?> ReadUploadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (InvalidDataException)
            {
                return null;
            }

            var file = form.Files.GetFile("file")
                ?? throw new ValidationException([new ValidationFailure("file", "Stuur het CSV-bestand in het formulierveld 'file', of als tekst (text/csv) in de body.")]);
            if (file.Length > InitiativeImport.MaxBytes)
            {
                return null;
            }

            using var memory = new MemoryStream();
            await file.CopyToAsync(memory, ct);
            return memory.ToArray();
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > InitiativeImport.MaxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Het verzoek is te groot.",
        detail: $"Het bestand is te groot: een inventarisatie mag hoogstens {InitiativeImport.MaxBytes / (1024 * 1024)} MB zijn.");

    private static async Task<Ok<IReadOnlyList<SimilarInitiativeDto>>> SimilarAsync(SimilarBody body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new FindSimilarInitiatives.Query(body.Title, body.Problem, body.Goals, body.Activity, body.Sectors, body.TargetGroups, body.ApplicationId), ct));
}
