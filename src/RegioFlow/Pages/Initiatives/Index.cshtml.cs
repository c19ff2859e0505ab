using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Auth;
using RegioFlow.Domain;
using RegioFlow.Features.Initiatives;
using RegioFlow.Features.Regions;

namespace RegioFlow.Pages.Initiatives;

/// <summary>
/// The regional register (same query as GET /api/initiatives): a GET form with the API's own parameter names, so a
/// filtered page is a shareable URL and the export links take the same filters. A bad filter value shows the API's
/// Dutch message with status 400.
/// </summary>
public sealed class IndexModel(IMediator mediator, CurrentUser currentUser) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? TargetGroup { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>Read from the query string itself: Razor Pages keeps its own route value named "page" (the page's path).</summary>
    public string? PageNumber => Request.Query["page"].FirstOrDefault();

    public ListInitiatives.Response? Result { get; private set; }

    public IReadOnlyList<ListRegions.RegionSummary> Regions { get; private set; } = [];

    /// <summary>The filter errors (unknown region, bad page number), shown above the form.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public bool MayImport => currentUser.IsInRole(Role.FundAdministrator) || currentUser.IsInRole(Role.Admin);

    public bool Filtered => new[] { Search, Region, Sector, TargetGroup, Type, Status }.Any(v => !string.IsNullOrWhiteSpace(v));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Regions = await mediator.Send(new ListRegions.Query(), cancellationToken);
        try
        {
            Result = await mediator.Send(new ListInitiatives.Query(Search, Region, Sector, TargetGroup, Type, Status, PageNumber), cancellationToken);
        }
        catch (ValidationException validation)
        {
            Errors = [.. validation.Errors.Select(e => e.ErrorMessage).Distinct()];
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>The current filters as a query string (without the page), for the paging and export links.</summary>
    public string FilterQuery()
    {
        var pairs = new[] { ("search", Search), ("region", Region), ("sector", Sector), ("targetGroup", TargetGroup), ("type", Type), ("status", Status) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2))
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!.Trim())}");
        return string.Join('&', pairs);
    }

    public string PageLink(int page) => $"/initiatieven?{FilterQuery()}{(FilterQuery().Length > 0 ? "&" : "")}page={page}";

    /// <summary>The export links carry the same filters, to the cookie route /exporteren (the API takes bearer tokens only).</summary>
    public ExportLinks Export => new("initiatives", "Initiatieven",
        ("search", Search?.Trim()), ("region", Region?.Trim()), ("sector", Sector?.Trim()), ("targetGroup", TargetGroup?.Trim()), ("type", Type?.Trim()), ("status", Status?.Trim()));

    public static string Period(DateOnly? start, DateOnly? end) => (start, end) switch
    {
        ({ } s, { } e) => $"{Applications.Display.Date(s)} – {Applications.Display.Date(e)}",
        ({ } s, null) => $"vanaf {Applications.Display.Date(s)}",
        (null, { } e) => $"tot {Applications.Display.Date(e)}",
        _ => "–",
    };
}
