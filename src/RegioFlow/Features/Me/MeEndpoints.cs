using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace RegioFlow.Features.Me;

public static class MeEndpoints
{
    public static IEndpointRouteBuilder MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me").WithTags("Me");
        group.MapGet("", GetMeAsync).WithName("GetMe").WithSummary("De aangemelde gebruiker met rollen en lidmaatschappen.");
        return app;
    }

    private static async Task<Ok<GetMe.Response>> GetMeAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetMe.Query(), ct));
}
