using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace RegioFlow.Features.Checklists;

public static class ChecklistsEndpoints
{
    public sealed record AnswersBody(IReadOnlyList<SaveAssessment.AnswerInput?>? Answers, bool? Submit, long? Version);

    public sealed record AdviceBody(string? Advice, string? Motivation, long? Version);

    public static IEndpointRouteBuilder MapChecklistsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/applications/{id:guid}/checklist").WithTags("Toetsingskader")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("", GetAsync).WithName("GetChecklist").WithSummary("Het toetsingskader van de aanvraag, uw beoordeling, het quorum en het advies.");
        group.MapPut("answers", SaveAsync).WithName("SaveAssessment").WithSummary("Uw antwoorden opslaan, en met submit=true indienen (lid van de thematafel).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("advice", AdviseAsync).WithName("AdviseApplication").WithSummary("Het advies van de thematafel uitbrengen (voorzitter, na het quorum).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        app.MapGet("/api/me/assessments", MineAsync).WithTags("Toetsingskader").WithName("ListMyAssessments")
            .WithSummary("Aanvragen in toetsing bij uw thematafels, met de stand van uw beoordeling.");
        app.MapGet("/api/checklists", ListAsync).WithTags("Toetsingskader").WithName("ListChecklists")
            .WithSummary("Alle gepubliceerde versies van de toetsingskaders, met hun vragen.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ChecklistDto>>> ListAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListChecklists.Query(), ct));

    private static async Task<Ok<ChecklistView>> GetAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetChecklist.Query(id), ct));

    private static async Task<Ok<AssessmentDto>> SaveAsync(Guid id, AnswersBody body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SaveAssessment.Command(id, body.Answers, body.Submit ?? false, body.Version), ct));

    private static async Task<Ok<AdviseApplication.Response>> AdviseAsync(Guid id, AdviceBody body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new AdviseApplication.Command(id, body.Advice, body.Motivation, body.Version), ct));

    private static async Task<Ok<IReadOnlyList<ListMyAssessments.MyAssessmentDto>>> MineAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListMyAssessments.Query(), ct));
}
