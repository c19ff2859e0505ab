using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace RegioFlow.Features.Me;

public static class MeEndpoints
{
    public static IEndpointRouteBuilder MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me").WithTags("Me");
        group.MapGet("", GetMeAsync).WithName("GetMe").WithSummary("De aangemelde gebruiker met rollen en lidmaatschappen.");
        group.MapGet("notifications", GetNotificationsAsync).WithName("GetMyNotifications").WithSummary("Het berichtenbakje van de aangemelde gebruiker.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<GetMyNotifications.NotificationDto>>> GetNotificationsAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetMyNotifications.Query(), ct));

    private static async Task<Ok<GetMe.Response>> GetMeAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetMe.Query(), ct));
}
