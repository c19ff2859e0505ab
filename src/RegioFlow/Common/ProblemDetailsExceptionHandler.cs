using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace RegioFlow.Common;

/// <summary>
/// Turns every exception on an API request into RFC 9457 ProblemDetails: validation → 400 with field errors,
/// not found → 404, forbidden → 403, conflicts and stale versions → 409, anything else → 500 without internals.
/// Page requests fall through to the error page.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // With a re-execute path configured, the middleware has already pointed Request.Path at the error page;
        // the original path tells whether this was an API call.
        var originalPath = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (originalPath is null || !originalPath.StartsWith("/api", StringComparison.OrdinalIgnoreCase)
            || (originalPath.Length > 4 && originalPath[4] != '/'))
        {
            return false;
        }

        var problem = Describe(exception);
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Onverwachte fout bij {Method} {Path}", httpContext.Request.Method, originalPath);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = WithInstance(problem, originalPath),
            Exception = exception,
        });
    }

    private static ProblemDetails WithInstance(ProblemDetails problem, string path)
    {
        problem.Instance = path;
        return problem;
    }

    internal static ProblemDetails Describe(Exception exception) => exception switch
    {
        ValidationException validation => new ValidationProblemDetails(ToFieldErrors(validation))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "De invoer is niet geldig.",
            Detail = "Een of meer velden bevatten een fout; zie 'errors'.",
        },
        BadHttpRequestException badRequest => new ProblemDetails
        {
            Status = badRequest.StatusCode,
            Title = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Het verzoek is te groot." : "Het verzoek kan niet worden gelezen.",
            Detail = DescribeBadRequest(badRequest),
        },
        JsonException json => new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Het verzoek kan niet worden gelezen.",
            Detail = $"De JSON in het verzoek is ongeldig: {json.Message}",
        },
        NotFoundException notFound => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Niet gevonden.", Detail = notFound.Message },
        ForbiddenException forbidden => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Geen toegang.", Detail = forbidden.Message },
        ConflictException conflict => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict met de huidige toestand.", Detail = conflict.Message },
        DbUpdateConcurrencyException => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Conflict met de huidige toestand.",
            Detail = "Iemand anders heeft deze gegevens intussen gewijzigd. Laad ze opnieuw en probeer het nog eens.",
        },
        OperationCanceledException => new ProblemDetails { Status = 499, Title = "Het verzoek is afgebroken." },
        _ => new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "Er ging iets mis aan onze kant.",
            Detail = "De fout is vastgelegd. Probeer het later opnieuw of neem contact op met de beheerder en noem het traceId.",
        },
    };

    private static Dictionary<string, string[]> ToFieldErrors(ValidationException validation) =>
        validation.Errors
            .GroupBy(e => FieldName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    /// <summary>The field as the JSON body names it: every segment camel-cased ("Terms.MaxAmount" → "terms.maxAmount").</summary>
    internal static string FieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    private static string DescribeBadRequest(BadHttpRequestException exception) =>
        exception.InnerException is JsonException json ? $"De JSON in het verzoek is ongeldig: {json.Message}"
        : exception.StatusCode == StatusCodes.Status413PayloadTooLarge ? DutchProblemTitles.TooLargeDetail
        : exception.StatusCode == StatusCodes.Status415UnsupportedMediaType ? DutchProblemTitles.UnsupportedMediaTypeDetail
        : exception.InnerException is InvalidDataException ? "Het formulier kan niet worden gelezen: het is onvolledig of groter dan toegestaan (een document hoogstens 20 MB)."
        : exception.Message;
}
