using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Auth;
using RegioFlow.Domain;
using RegioFlow.Features.Dashboards;
using RegioFlow.Features.Initiatives;
using RegioFlow.Features.Regions;

namespace RegioFlow.Pages.Dashboard;

/// <summary>
/// The dashboard: the scheme dashboards for who manages or decides on schemes (same requests as GET /api/dashboards/schemes),
/// and for every signed-in user the register in figures (GET /api/dashboards/initiatives) with a GET form for the grouping.
/// </summary>
public sealed class IndexModel(IMediator mediator, CurrentUser user) : PageModel
{
    public static readonly IReadOnlyList<(string Value, string Label)> GroupChoices = [("region", "Regio"), ("table", "Thematafel"), ("sector", "Sector")];

    [BindProperty(SupportsGet = true)]
    public string? GroupBy { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    /// <summary>Null when the user has no role that sees scheme dashboards.</summary>
    public IReadOnlyList<SchemeDashboardDto>? Schemes { get; private set; }

    /// <summary>Null when the filters were not valid (see <see cref="Errors"/>).</summary>
    public InitiativeDashboardDto? Register { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IReadOnlyList<ListRegions.RegionSummary> Regions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (user.Roles.Overlaps([Role.FundAdministrator, Role.DecisionBodyMember, Role.Oversight, Role.Admin]))
        {
            Schemes = await mediator.Send(new ListSchemeDashboards.Query(), cancellationToken);
        }

        Regions = await mediator.Send(new ListRegions.Query(), cancellationToken);
        try
        {
            Register = await mediator.Send(new GetInitiativeDashboard.Query(GroupBy, new RegisterFilter.Input(null, Region, null, null, Type, Status)), cancellationToken);
        }
        catch (ValidationException validation)
        {
            Errors = [.. validation.Errors.Select(e => e.ErrorMessage)];
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
