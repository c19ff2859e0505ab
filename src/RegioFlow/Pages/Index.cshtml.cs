using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Auth;
using RegioFlow.Features.DevSignIn;
using RegioFlow.Features.Me;

namespace RegioFlow.Pages;

public sealed class IndexModel(IMediator mediator, CurrentUser currentUser, AuthModeHolder authMode) : PageModel
{
    public GetMe.Response? Me { get; private set; }

    public IReadOnlyList<ListDemoUsers.DemoUserDto> DemoUsers { get; private set; } = [];

    public bool DevelopmentSignIn => authMode.IsDevelopment;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (currentUser.IsAuthenticated)
        {
            Me = await mediator.Send(new GetMe.Query(), cancellationToken);
        }
        else if (authMode.IsDevelopment)
        {
            DemoUsers = await mediator.Send(new ListDemoUsers.Query(), cancellationToken);
        }
    }
}
