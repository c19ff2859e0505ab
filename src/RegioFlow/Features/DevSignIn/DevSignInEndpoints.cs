using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace RegioFlow.Features.DevSignIn;

public static class DevSignInEndpoints
{
    /// <summary>Only called when development sign-in is active; in Entra ID mode these routes do not exist.</summary>
    public static IEndpointRouteBuilder MapDevSignInEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dev").WithTags("Ontwikkelaanmelding").AllowAnonymous();
        group.MapGet("users", ListUsersAsync).WithName("ListDemoUsers").WithSummary("De demogebruikers met id en rollen (alleen ontwikkelaanmelding).");
        group.MapPost("token", IssueTokenAsync).WithName("IssueDevToken").WithSummary("Een bearer-token voor een demogebruiker (alleen ontwikkelaanmelding).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ListDemoUsers.DemoUserDto>>> ListUsersAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListDemoUsers.Query(), ct));

    private static async Task<Ok<IssueDevToken.Response>> IssueTokenAsync(IssueDevToken.Command command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command, ct));
}
