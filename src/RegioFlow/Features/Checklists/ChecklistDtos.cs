using RegioFlow.Domain;
using RegioFlow.Features.Initiatives;

namespace RegioFlow.Features.Checklists;

/// <summary>
/// The checklist of an application as the caller may see it. <see cref="Assessments"/> is null for whom may not see
/// every assessor's answers (a plain member before the advice, the initiative lead).
/// </summary>
/// <param name="Own">The caller's own assessment when they are an assessor of the table; status "niet begonnen" before the first save.</param>
/// <param name="Submitted">Submitted assessments; the chair may advise once this reaches <paramref name="Quorum"/>.</param>
/// <param name="WhyNotAnswer">Why the caller may not answer now, in Dutch; null when they may.</param>
/// <param name="WhyNotAdvise">Why the caller may not advise now, in Dutch; null when they may.</param>
public sealed record ChecklistView(
    Guid ApplicationId,
    Guid CaseId,
    long CaseVersion,
    string State,
    string StateLabel,
    ChecklistDto Checklist,
    AssessmentDto? Own,
    int Submitted,
    int Quorum,
    AdviceDto? Advice,
    bool MayAnswer,
    string? WhyNotAnswer,
    bool MayAdvise,
    string? WhyNotAdvise,
    IReadOnlyList<AssessorAssessmentDto>? Assessments);

public sealed record ChecklistDto(string Id, int Version, string Name, string Owner, IReadOnlyList<ChecklistItemDto> Items);

/// <param name="SimilarInitiatives">Only for TK-06 ("lopen er vergelijkbare projecten?"): the most similar initiatives the caller may see.</param>
public sealed record ChecklistItemDto(string Code, string Text, string? TextEn, bool Mandatory, ChecklistItemKind Kind, IReadOnlyList<SimilarInitiativeDto>? SimilarInitiatives);

/// <param name="Status">niet begonnen, concept or ingediend.</param>
/// <param name="Version">Send it back with the next save; a newer one gives 409.</param>
public sealed record AssessmentDto(Guid? Id, string Status, long Version, IReadOnlyList<ChecklistAnswer> Answers, DateTimeOffset? UpdatedAt, DateTimeOffset? SubmittedAt)
{
    public static AssessmentDto From(Assessment? a) => a is null
        ? new AssessmentDto(null, ChecklistRules.Label(null), 0, [], null, null)
        : new AssessmentDto(a.Id, ChecklistRules.Label(a.Status), a.Version, a.Answers, a.UpdatedAt, a.SubmittedAt);
}

/// <summary>One assessor's answers, side by side with the others' for the chair, the fund administrator and oversight.</summary>
public sealed record AssessorAssessmentDto(string AssessorId, string AssessorName, string Status, DateTimeOffset? SubmittedAt, IReadOnlyList<ChecklistAnswer> Answers);

/// <param name="Advice">positief, negatief or aanhouden.</param>
public sealed record AdviceDto(string Advice, string Motivation, string AdvisedBy, string AdvisedByName, DateTimeOffset AdvisedAt);
