using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using RegioFlow.Data;

namespace RegioFlow.Features.Me;

public static class CalendarEndpoints
{
    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me").WithTags("Me");
        group.MapGet("calendar", GetAsync).WithName("GetCalendarFeed").WithSummary("Of u een agenda-abonnement hebt en sinds wanneer (nooit de link zelf).");
        group.MapPost("calendar", IssueAsync).WithName("IssueCalendarFeed").WithSummary("Een nieuwe persoonlijke agendalink maken; een eerdere link werkt dan niet meer. De link wordt eenmalig getoond.");
        group.MapDelete("calendar", RevokeAsync).WithName("RevokeCalendarFeed").WithSummary("Het agenda-abonnement stoppen.");
        group.MapGet("deadlines", DeadlinesAsync).WithName("ListMyDeadlines").WithSummary("Uw termijnen: de komende 12 maanden en de verlopen van de laatste 30 dagen.");
        group.MapGet("calendar.ics", FeedAsync).AllowAnonymous().WithName("CalendarFeed")
            .WithSummary("Uw termijnen als iCalendar-feed; de token in de link is het toegangsbewijs.")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static async Task<Ok<GetCalendarFeed.Response>> GetAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetCalendarFeed.Query(), ct));

    private static async Task<Ok<IssueCalendarFeed.Response>> IssueAsync(HttpContext context, IMediator mediator, CancellationToken ct)
    {
        context.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Ok(await mediator.Send(new IssueCalendarFeed.Command(BaseUrl(context.Request)), ct));
    }

    private static async Task<NoContent> RevokeAsync(IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RevokeCalendarFeed.Command(), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<DeadlineItem>>> DeadlinesAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListMyDeadlines.Query(), ct));

    /// <summary>No sign-in: the token names the account, whose roles and memberships then decide what the feed holds.</summary>
    private static async Task<ContentHttpResult> FeedAsync(string? token, HttpContext context, RegioFlowDbContext db, IMediator mediator, TimeProvider clock, CancellationToken ct)
    {
        context.User = await CalendarTokens.PrincipalForAsync(db, token, ct);
        var deadlines = await mediator.Send(new ListMyDeadlines.Query(), ct);
        context.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Text(CalendarTokens.ToICalendar(deadlines, BaseUrl(context.Request), clock.GetUtcNow()), "text/calendar; charset=utf-8");
    }
}
