using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Domain;
using RegioFlow.Features.Initiatives;
using RegioFlow.Features.Regions;

namespace RegioFlow.Pages.Initiatives;

/// <summary>
/// One initiative of the register (GET /api/initiatives/{id}): its register fields, partners, funding, KPIs, the
/// applications the user may see and the similar initiatives (GET …/similar). A fund administrator or administrator
/// edits the register details of a registered initiative here (PUT …/register, the same command).
/// </summary>
public sealed class DetailModel(IMediator mediator, CurrentUser currentUser) : PageModel
{
    public InitiativeDto Initiative { get; private set; } = null!;

    public string? RegionName { get; private set; }

    public IReadOnlyList<SimilarInitiativeDto> Similar { get; private set; } = [];

    public string? Conflict { get; private set; }

    [BindProperty]
    public FormInput Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public bool MayDescribe => (currentUser.IsInRole(Role.FundAdministrator) || currentUser.IsInRole(Role.Admin)) && Initiative.RegisteredAt is not null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await this.ShowAsync(() => LoadAsync(id, cancellationToken)) is { } refused)
        {
            return refused;
        }

        Input = new FormInput
        {
            Activity = Initiative.Activity,
            Type = Initiative.Type,
            AgeBand = Initiative.AgeBand,
            Gemeenten = string.Join(Environment.NewLine, Initiative.Gemeenten),
            Status = Initiative.Status,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync(Guid id, CancellationToken cancellationToken)
    {
        var gemeenten = (Input.Gemeenten ?? "").Split(['\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var (done, status, conflict) = await this.SendAsync(nameof(Input), async () =>
        {
            await mediator.Send(new DescribeInitiative.Command(id, Input.Activity, Input.Type, Input.AgeBand, gemeenten, Input.Status), cancellationToken);
            Saved = "De registergegevens zijn opgeslagen.";
            return Redirect($"/initiatieven/{id}");
        });
        if (done is not null)
        {
            return done;
        }

        if (await this.ShowAsync(() => LoadAsync(id, cancellationToken)) is { } refused)
        {
            return refused;
        }

        Conflict = conflict;
        Response.StatusCode = status;
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Initiative = await mediator.Send(new GetInitiative.Query(id), cancellationToken);
        Similar = await mediator.Send(new GetSimilarInitiatives.Query(id), cancellationToken);
        if (Initiative.RegionId is { } regionId)
        {
            try
            {
                RegionName = (await mediator.Send(new GetRegion.Query(regionId), cancellationToken)).Name;
            }
            catch (NotFoundException)
            {
                RegionName = null;
            }
        }
    }

    public string? ErrorFor(string field) => FormErrors.For(ModelState, $"{nameof(Input)}.{field}");

    public sealed class FormInput
    {
        public string? Activity { get; set; }

        public string? Type { get; set; }

        public string? AgeBand { get; set; }

        /// <summary>One gemeente per line.</summary>
        public string? Gemeenten { get; set; }

        public string? Status { get; set; }
    }
}
