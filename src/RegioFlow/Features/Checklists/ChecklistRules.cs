using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Checklists;

/// <summary>
/// Who may answer the checklist and who may advise, and when. One place for both, so the checklist view's "may I"
/// flags and the commands' 403/409 can never disagree.
/// </summary>
internal static class ChecklistRules
{
    /// <summary>The workflow state in which the table assesses (the state with <c>checklist: toetsingskader</c>).</summary>
    public const string AssessingState = "toetsing";

    /// <summary>The workflow step the chair's advice fires; feature-owned (<see cref="Applications.SubsidyTriggers"/>).</summary>
    public const string AdviceTrigger = "advies-uitbrengen";

    public static readonly string[] Advices = ["positief", "negatief", "aanhouden"];

    /// <summary>Why this actor cannot save answers now (403 or 409), or null when they can.</summary>
    public static Exception? CannotAnswer(Case @case, string stateLabel, CaseActor actor, Assessment? own)
    {
        if (!actor.Roles.Contains(CaseRoles.Adviseur))
        {
            return new ForbiddenException("Alleen een lid van de beoordelende thematafel mag het toetsingskader invullen.");
        }

        if (@case.IsClosed || @case.State != AssessingState)
        {
            return new ConflictException($"Beoordelen kan alleen tijdens de toetsing door de thematafel; de aanvraag is nu in de toestand '{stateLabel}'.");
        }

        return own?.Status == AssessmentStatus.Ingediend
            ? new ConflictException("Uw beoordeling is al ingediend en kan niet meer worden gewijzigd.")
            : null;
    }

    /// <summary>Why this actor cannot advise now (403 or 409), or null when they can.</summary>
    public static Exception? CannotAdvise(Case @case, string stateLabel, CaseActor actor, int submitted, int quorum)
    {
        if (!actor.Roles.Contains(CaseRoles.Voorzitter))
        {
            return new ForbiddenException("Alleen de voorzitter van de beoordelende thematafel mag het advies uitbrengen.");
        }

        if (@case.IsClosed || @case.State != AssessingState)
        {
            return new ConflictException($"Het advies kan alleen tijdens de toetsing worden uitgebracht; de aanvraag is nu in de toestand '{stateLabel}'.");
        }

        if (submitted < quorum)
        {
            return new ConflictException($"Quorum niet bereikt: {submitted} van {quorum} beoordelingen ingediend.");
        }

        return @case.IsSuspended ? new ConflictException("De zaak is opgeschort; het advies kan pas na hervatting worden uitgebracht.") : null;
    }

    public static async Task<Checklist> LoadAsync(RegioFlowDbContext db, string id, int version, CancellationToken cancellationToken) =>
        await db.Checklists.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Version == version, cancellationToken)
            ?? throw new NotFoundException($"Het toetsingskader '{id}' versie {version} van deze regeling bestaat niet.");

    public static string Label(AssessmentStatus? status) => status switch
    {
        AssessmentStatus.Concept => "concept",
        AssessmentStatus.Ingediend => "ingediend",
        _ => "niet begonnen",
    };
}
