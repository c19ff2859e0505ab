using System.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace RegioFlow.Common;

/// <summary>Every ProblemDetails gets a Dutch title (also those the framework writes itself), its path and a traceId.</summary>
internal static class DutchProblemTitles
{
    private static readonly Dictionary<int, string> Titles = new()
    {
        [StatusCodes.Status400BadRequest] = "Het verzoek kan niet worden gelezen.",
        [StatusCodes.Status401Unauthorized] = "Niet aangemeld.",
        [StatusCodes.Status403Forbidden] = "Geen toegang.",
        [StatusCodes.Status404NotFound] = "Niet gevonden.",
        [StatusCodes.Status405MethodNotAllowed] = "Deze methode is hier niet toegestaan.",
        [StatusCodes.Status409Conflict] = "Conflict met de huidige toestand.",
        [StatusCodes.Status413PayloadTooLarge] = "Het verzoek is te groot.",
        [StatusCodes.Status415UnsupportedMediaType] = "Dit inhoudstype wordt niet ondersteund; stuur JSON (application/json), of een document als multipart/form-data.",
        [StatusCodes.Status500InternalServerError] = "Er ging iets mis aan onze kant.",
    };

    internal const string TooLargeDetail = "Het verzoek is groter dan toegestaan. Een document mag hoogstens 20 MB zijn; andere verzoeken zijn veel kleiner.";

    internal const string UnsupportedMediaTypeDetail =
        "Stuur de gegevens als JSON (application/json); een document stuurt u als multipart/form-data met het bestand in het veld 'file'.";

    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status is { } status && Titles.TryGetValue(status, out var title)
            && (problem.Title is null || problem.Title == ReasonPhrases.GetReasonPhrase(status) || FrameworkTitles.Contains(problem.Title)))
        {
            problem.Title = title;
        }

        // The server refuses an oversized body itself (route or Kestrel limit) and writes no detail; the only large
        // requests the API takes are document uploads, so say their limit.
        if (problem.Status == StatusCodes.Status413PayloadTooLarge && string.IsNullOrEmpty(problem.Detail))
        {
            problem.Detail = TooLargeDetail;
        }

        if (problem.Status == StatusCodes.Status415UnsupportedMediaType && string.IsNullOrEmpty(problem.Detail))
        {
            problem.Detail = UnsupportedMediaTypeDetail;
        }

        problem.Instance ??= context.HttpContext.Request.Path;
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
    }

    /// <summary>Titles ASP.NET Core writes itself that are not in <see cref="ReasonPhrases"/> (RFC 9110 names, the 500 text).</summary>
    private static readonly HashSet<string> FrameworkTitles = ["An error occurred while processing your request.", "Content Too Large"];
}
