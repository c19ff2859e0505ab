using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Features.Applications;
using RegioFlow.Workflows;

namespace RegioFlow.Features.Checklists;

/// <summary>
/// A member of the assessing table saves their answers to the checklist (score 1–5 and a motivation per item), and
/// submits them when done. The answers sent replace those saved before (the form sends them all). Only in the state
/// toetsing; a submitted assessment is final, because the chair's advice and the quorum rest on it. The assessment
/// row is created on the first save; until then a member of the table is "niet begonnen".
/// </summary>
public static class SaveAssessment
{
    public const int MaxAnswers = 100;

    public sealed record AnswerInput(string? ItemCode, int? Score, string? Motivation);

    /// <param name="Version">The assessment version the caller saw (0 before the first save); a newer one gives 409.</param>
    public sealed record Command(Guid ApplicationId, IReadOnlyList<AnswerInput?>? Answers, bool Submit, long? Version) : ICommand<AssessmentDto>;

    /// <summary>
    /// Checks each answer on its own; the names are written out ("answers[0].score") so the client gets them in the same
    /// camelCase as the body it sent. Whether a code exists in the checklist is checked by the handler, which has it.
    /// </summary>
    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Answers).NotNull().WithMessage("Geef de antwoorden op (een lege lijst mag).")
                .Must(a => a is null || a.Count <= MaxAnswers).WithMessage($"Geef hoogstens {MaxAnswers} antwoorden.");
            RuleFor(c => c.Answers).Custom((answers, context) =>
            {
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; answers is not null && i < Math.Min(answers.Count, MaxAnswers); i++)
                {
                    var field = $"answers[{i}]";
                    if (answers[i] is not { } answer)
                    {
                        context.AddFailure(new ValidationFailure(field, "Dit antwoord is leeg."));
                        continue;
                    }

                    if (string.IsNullOrWhiteSpace(answer.ItemCode))
                    {
                        context.AddFailure(new ValidationFailure($"{field}.itemCode", "Geef de code van de vraag op, bijvoorbeeld TK-01."));
                    }
                    else if (!seen.Add(answer.ItemCode.Trim()))
                    {
                        context.AddFailure(new ValidationFailure($"{field}.itemCode", $"Vraag {answer.ItemCode.Trim()} staat meer dan één keer in de antwoorden."));
                    }

                    if (answer.Score is not { } score)
                    {
                        context.AddFailure(new ValidationFailure($"{field}.score", "Geef een score van 1 tot en met 5."));
                    }
                    else if (score is < 1 or > 5)
                    {
                        context.AddFailure(new ValidationFailure($"{field}.score", "De score moet tussen 1 en 5 liggen."));
                    }

                    if (string.IsNullOrWhiteSpace(answer.Motivation))
                    {
                        context.AddFailure(new ValidationFailure($"{field}.motivation", "Motiveer de score."));
                    }
                    else if (answer.Motivation.Length > 4000)
                    {
                        context.AddFailure(new ValidationFailure($"{field}.motivation", "De motivering mag hoogstens 4000 tekens lang zijn."));
                    }
                }
            });
        }
    }

    internal sealed class Handler(RegioFlowDbContext db, ApplicationAccess access, WorkflowRegistry registry, TimeProvider clock) : ICommandHandler<Command, AssessmentDto>
    {
        public async ValueTask<AssessmentDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var (application, @case, actor) = await access.ActorAsync(command.ApplicationId, cancellationToken);
            var own = await db.Assessments.SingleOrDefaultAsync(a => a.ApplicationId == application.Id && a.AssessorId == actor.Name, cancellationToken);
            var stateLabel = registry.Get(@case.DefinitionId, @case.DefinitionVersion).State(@case.State).Label;
            if (ChecklistRules.CannotAnswer(@case, stateLabel, actor, own) is { } refused)
            {
                throw refused;
            }

            var current = own?.Version ?? 0;
            if (command.Version is { } expected && expected != current)
            {
                throw new ConflictException($"Uw beoordeling is intussen gewijzigd (versie {current}, u had versie {expected}). Laad haar opnieuw.");
            }

            var scheme = await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == application.SchemeId, cancellationToken);
            var checklist = await ChecklistRules.LoadAsync(db, own?.ChecklistId ?? scheme.ChecklistId, own?.ChecklistVersion ?? scheme.ChecklistVersion, cancellationToken);
            var answers = ToAnswers(checklist, command.Answers!);
            if (command.Submit)
            {
                var missing = checklist.Items.Where(i => i.Mandatory && answers.All(a => a.ItemCode != i.Code)).Select(i => i.Code).ToList();
                if (missing.Count > 0)
                {
                    throw new ValidationException([new ValidationFailure("answers",
                        $"Beantwoord eerst alle verplichte vragen; nog niet beantwoord: {string.Join(", ", missing)}.")]);
                }
            }

            var now = clock.GetUtcNow();
            if (own is null)
            {
                own = new Assessment(application.Id, actor.Name, checklist.Id, checklist.Version, now);
                db.Assessments.Add(own);
            }

            own.Answer(answers, now);
            if (command.Submit)
            {
                own.Submit(now);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The version token or the one-assessment-per-member index: the same member saved at the same moment elsewhere.
                throw new ConflictException("Uw beoordeling is op hetzelfde moment ook ergens anders opgeslagen. Laad haar opnieuw.");
            }

            return AssessmentDto.From(own);
        }

        /// <summary>The answers in the checklist's order, with the checklist's spelling of each code; unknown codes are 400 per field.</summary>
        private static List<ChecklistAnswer> ToAnswers(Checklist checklist, IReadOnlyList<AnswerInput?> input)
        {
            var items = checklist.Items.Select((item, index) => (item.Code, index)).ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
            var unknown = input.Select((answer, index) => (Code: answer!.ItemCode!.Trim(), index)).Where(a => !items.ContainsKey(a.Code))
                .Select(a => new ValidationFailure($"answers[{a.index}].itemCode", $"Het toetsingskader heeft geen vraag {a.Code}.")).ToList();
            if (unknown.Count > 0)
            {
                throw new ValidationException(unknown);
            }

            return [.. input.Select(a => (Item: items[a!.ItemCode!.Trim()], Answer: a))
                .OrderBy(a => a.Item.index)
                .Select(a => new ChecklistAnswer(a.Item.Code, a.Answer.Score!.Value, a.Answer.Motivation!.Trim()))];
        }
    }
}
