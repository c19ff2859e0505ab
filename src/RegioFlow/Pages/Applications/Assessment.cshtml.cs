using System.Text.RegularExpressions;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RegioFlow.Auth;
using RegioFlow.Common;
using RegioFlow.Domain;
using RegioFlow.Features.Checklists;

namespace RegioFlow.Pages.Applications;

/// <summary>
/// The toetsing of one application. A member of the table fills in the checklist (score 1–5 and a motivation per item)
/// and saves or submits it (<see cref="SaveAssessment.Command"/>); the chair sees every member's answers side by side
/// and gives the advice once the quorum is reached (<see cref="AdviseApplication.Command"/>). What a user sees and may
/// do comes from <see cref="GetChecklist"/>; anyone who may not see the application gets 403.
/// </summary>
public sealed partial class AssessmentModel(IMediator mediator, CurrentUser currentUser) : PageModel
{
    public ChecklistView View { get; private set; } = null!;

    /// <summary>A chair of a table: the advice section is shown (enabled only when <see cref="ChecklistView.MayAdvise"/>).</summary>
    public bool IsChair => currentUser.IsInRole(Role.TableChair);

    /// <summary>One entry per checklist item, in the checklist's order: the form's fields.</summary>
    [BindProperty]
    public List<AnswerField> Answers { get; set; } = [];

    [BindProperty]
    public long? Version { get; set; }

    [BindProperty]
    public AdviceInput Advice { get; set; } = new();

    /// <summary>A conflict with the current state (submitted meanwhile, quorum not reached, stale version).</summary>
    public string? Conflict { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var own = View.Own?.Answers ?? [];
        Answers = [.. View.Checklist.Items.Select(item => own.FirstOrDefault(a => a.ItemCode == item.Code) is { } answer
            ? new AnswerField { ItemCode = item.Code, Score = answer.Score.ToString(System.Globalization.CultureInfo.InvariantCulture), Motivation = answer.Motivation }
            : new AnswerField { ItemCode = item.Code })];
        Version = View.Own?.Version;
        return Page();
    }

    /// <summary>"Opslaan" (submit=false) or "Indienen" (submit=true): only the items with a score or a motivation are sent.</summary>
    public async Task<IActionResult> OnPostSaveAsync(Guid id, bool submit, CancellationToken cancellationToken)
    {
        var sent = Answers.Select((field, index) => (field, index))
            .Where(a => !string.IsNullOrWhiteSpace(a.field.Score) || !string.IsNullOrWhiteSpace(a.field.Motivation)).ToList();
        var answers = sent.Select(a => (SaveAssessment.AnswerInput?)new SaveAssessment.AnswerInput(a.field.ItemCode,
            int.TryParse(a.field.Score, out var score) ? score : string.IsNullOrWhiteSpace(a.field.Score) ? null : 0, a.field.Motivation)).ToList();
        return await SendAsync(id, new SaveAssessment.Command(id, answers, submit, Version),
            submit ? "Uw beoordeling is ingediend." : "Uw antwoorden zijn opgeslagen.",
            validation =>
            {
                foreach (var error in validation.Errors)
                {
                    // "answers[2].score" is the third answer sent; the form field is that of its checklist item.
                    var match = AnswerPath().Match(error.PropertyName);
                    var key = match.Success && int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var k && k < sent.Count
                        ? $"{nameof(Answers)}[{sent[k].index}].{char.ToUpperInvariant(match.Groups[2].Value[0])}{match.Groups[2].Value[1..]}"
                        : nameof(Answers);
                    ModelState.AddModelError(key, error.ErrorMessage);
                }
            },
            cancellationToken);
    }

    public async Task<IActionResult> OnPostAdviseAsync(Guid id, CancellationToken cancellationToken) =>
        await SendAsync(id, new AdviseApplication.Command(id, Advice.Advice, Advice.Motivation, Advice.Version), "Het advies is uitgebracht aan het besluitvormend orgaan.",
            validation => FormErrors.Add(ModelState, nameof(Advice), validation), cancellationToken);

    private async Task<IActionResult> SendAsync<TResponse>(Guid id, ICommand<TResponse> command, string done, Action<ValidationException> showErrors, CancellationToken cancellationToken)
    {
        var status = StatusCodes.Status400BadRequest;
        try
        {
            await mediator.Send(command, cancellationToken);
            Done = done;
            return RedirectToPage(new { id });
        }
        catch (ValidationException validation)
        {
            showErrors(validation);
        }
        catch (ConflictException conflict)
        {
            Conflict = conflict.Message;
            status = StatusCodes.Status409Conflict;
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Response.StatusCode = status;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            View = await mediator.Send(new GetChecklist.Query(id), cancellationToken);
            Advice.Version ??= View.CaseVersion;
            return null;
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    [GeneratedRegex(@"^answers\[(\d+)\]\.(\w+)$", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerPath();

    public sealed class AnswerField
    {
        public string? ItemCode { get; set; }

        /// <summary>Text, so an odd value gets the command's Dutch message instead of the model binder's English one.</summary>
        public string? Score { get; set; }

        public string? Motivation { get; set; }
    }

    public sealed class AdviceInput
    {
        public string? Advice { get; set; }

        public string? Motivation { get; set; }

        public long? Version { get; set; }
    }
}
