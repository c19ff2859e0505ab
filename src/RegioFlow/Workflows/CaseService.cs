using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using RegioFlow.Common;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Jobs;

namespace RegioFlow.Workflows;

/// <summary>Feature work run inside the command's transaction, after the engine recorded the step (see <see cref="CaseService.StartAsync"/>).</summary>
public delegate Task CaseEffects(Case @case, CancellationToken cancellationToken);

/// <summary>
/// Feature work named in a definition (a state's <c>onEntry</c>), run whenever a case enters that state, whoever or
/// whatever fired the step: a person through a feature, the case API, or a timer as the system. That last one is why it
/// exists: a timeout has no feature handler around it that could pass <see cref="CaseEffects"/> (a voucher that expires
/// must give its money back). It runs inside the step's transaction, after the feature's own effects, so the step and
/// the effect are stored together or not at all. Implementations must be idempotent in spirit: the feature may already
/// have done part of the work (e.g. closed the voucher) in the same command.
/// </summary>
public interface ICaseEffect
{
    /// <summary>The name the YAML uses (kebab-case); it must be in <see cref="WorkflowSetup.EffectNames"/>.</summary>
    string Name { get; }

    /// <param name="state">The state just entered.</param>
    Task RunAsync(Case @case, string state, CancellationToken cancellationToken);
}

/// <summary>Who acts on a case and with which case roles (<see cref="CaseRoles"/>).</summary>
public sealed record CaseActor(string Name, IReadOnlySet<string> Roles)
{
    public static readonly CaseActor System = new(AuditActor.System, new HashSet<string> { CaseRoles.Systeem });
}

/// <summary>A trigger in the current state, and whether this actor may fire it now, and if not why.</summary>
public sealed record PermittedTrigger(string Trigger, string Target, string TargetLabel, bool Allowed, IReadOnlyList<string> Reasons, IReadOnlyList<string> Parameters);

/// <summary>
/// The workflow runtime used by feature code and the case API. Every command: load the case with its version, build a
/// fresh state machine, check role, parameters and guards, fire, record journal/deadlines/clock changes as rows, one
/// SaveChanges; after the commit hand new deadlines to Hangfire and delete cancelled jobs.
/// </summary>
public sealed class CaseService(
    RegioFlowDbContext db,
    WorkflowRegistry registry,
    IEnumerable<IWorkflowGuard> guards,
    IEnumerable<ICaseEffect> caseEffects,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    ILogger<CaseService> logger)
{
    private readonly Dictionary<string, IWorkflowGuard> _guards = guards.ToDictionary(g => g.Name);
    private readonly Dictionary<string, ICaseEffect> _effects = caseEffects.ToDictionary(e => e.Name);
    private readonly List<(Case Case, string State, string Effect)> _entryEffects = [];
    private readonly List<CaseDeadline> _toSchedule = [];
    private readonly List<string> _toDelete = [];
    private bool _deliver;
    private IReadOnlyDictionary<string, DateTimeOffset>? _dueAt;

    /// <param name="effects">
    /// Feature work that belongs to the same command (e.g. linking the subject to the case, committing budget): runs
    /// after the engine has recorded the step, inside one transaction with the SaveChanges, so either all is stored or
    /// nothing is.
    /// </param>
    public async Task<Case> StartAsync(string definitionId, string subjectType, string subjectId, string actor, CancellationToken cancellationToken, CaseEffects? effects = null)
    {
        var now = clock.GetUtcNow();
        var definition = registry.ValidOn(definitionId, DutchCalendar.LocalDate(now));
        var @case = new Case(definition, subjectType, subjectId, actor == AuditActor.System ? null : actor, now);
        db.Cases.Add(@case);
        db.CaseJournal.Add(new CaseJournalEntry(@case, JournalKind.CaseStarted, actor, now, detail: $"{definition.Id} v{definition.Version}"));
        Enter(@case, definition, definition.InitialState, actor, now);
        await CommitAsync(cancellationToken, effects is null ? null : ct => effects(@case, ct));
        return @case;
    }

    /// <summary>Fires <paramref name="trigger"/>. 404 unknown case, 403 role, 400 missing parameters, 409 state/guard/version.</summary>
    /// <param name="dueAt">
    /// Due moments for timers of the state entered, by timer id (an escalation is "{id}-escalatie"), where the subject
    /// sets them (a voucher's expiry date); timers not named fall due after the definition's duration.
    /// </param>
    public async Task<Case> FireAsync(Guid caseId, string trigger, IReadOnlyDictionary<string, string> parameters, CaseActor actor, long? expectedVersion, CancellationToken cancellationToken, CaseEffects? effects = null, IReadOnlyDictionary<string, DateTimeOffset>? dueAt = null)
    {
        var (@case, definition) = await LoadAsync(caseId, expectedVersion, cancellationToken);
        _dueAt = dueAt;
        Fire(@case, definition, trigger, parameters, actor, firing: null);
        _dueAt = null;
        await CommitAsync(cancellationToken, effects is null ? null : ct => effects(@case, ct));
        return @case;
    }

    /// <summary>The triggers of the current state, with for each whether <paramref name="actor"/> may fire it and why not.</summary>
    public IReadOnlyList<PermittedTrigger> PermittedTriggers(Case @case, CaseActor actor)
    {
        var definition = registry.Get(@case.DefinitionId, @case.DefinitionVersion);
        var state = definition.State(@case.State);
        var context = new GuardContext(@case, definition, new Dictionary<string, string>(), clock.GetUtcNow());
        return [.. state.Transitions.Select(t =>
        {
            var reasons = new List<string>();
            if (@case.IsClosed)
            {
                reasons.Add("De zaak is afgesloten.");
            }

            if (!t.Roles.Any(actor.Roles.Contains))
            {
                reasons.Add($"Alleen {string.Join(" of ", t.Roles)} mag dit doen.");
            }

            if (t.Guard is { } name && !_guards[name].IsMet(context))
            {
                reasons.Add(_guards[name].Description);
            }

            return new PermittedTrigger(t.Trigger, t.Target, definition.State(t.Target).Label, reasons.Count == 0, reasons, t.Parameters);
        })];
    }

    /// <summary>Opschorting on request (Awb 4:15): pauses both clocks and the timers of the current state.</summary>
    public async Task<Case> SuspendAsync(Guid caseId, string reason, CaseActor actor, long? expectedVersion, CancellationToken cancellationToken)
    {
        var (@case, definition) = await LoadAsync(caseId, expectedVersion, cancellationToken);
        RequireBehandelaar(actor, "opschorten");
        if (!definition.CaseType.OpschortingMogelijk)
        {
            throw new ConflictException($"Opschorting is niet mogelijk voor zaaktype '{definition.CaseType.Omschrijving}'.");
        }

        if (@case.IsSuspended)
        {
            throw new ConflictException($"De zaak is al opgeschort ({@case.SuspensionReason}).");
        }

        var now = clock.GetUtcNow();
        @case.SuspendClocks(reason, manually: true, now);
        db.CaseJournal.Add(new CaseJournalEntry(@case, JournalKind.Suspended, actor.Name, now, detail: reason));
        foreach (var deadline in await OpenDeadlinesAsync(@case, DeadlineStatus.Planned, cancellationToken))
        {
            deadline.Pause(now);
            if (deadline.JobId is { } jobId)
            {
                _toDelete.Add(jobId);
            }

            db.CaseJournal.Add(new CaseJournalEntry(@case, JournalKind.DeadlinePaused, actor.Name, now, detail: deadline.TimerId));
        }

        await CommitAsync(cancellationToken);
        return @case;
    }

    /// <summary>Ends an opschorting on request: clocks move by the days suspended, paused timers run their remaining time.</summary>
    public async Task<Case> ResumeAsync(Guid caseId, CaseActor actor, long? expectedVersion, CancellationToken cancellationToken)
    {
        var (@case, _) = await LoadAsync(caseId, expectedVersion, cancellationToken);
        RequireBehandelaar(actor, "hervatten");
        if (!@case.IsSuspended || !@case.SuspendedManually)
        {
            throw new ConflictException(@case.IsSuspended
                ? "De klok staat stil door de toestand van de zaak (bijvoorbeeld wachten op aanvulling); die eindigt met de volgende stap."
                : "De zaak is niet opgeschort.");
        }

        var now = clock.GetUtcNow();
        var days = @case.ResumeClocks(now);
        db.CaseJournal.Add(new CaseJournalEntry(@case, JournalKind.Resumed, actor.Name, now, detail: $"{days} dag(en) opgeschort"));
        foreach (var deadline in await OpenDeadlinesAsync(@case, DeadlineStatus.Paused, cancellationToken))
        {
            deadline.Resume(now);
            _toSchedule.Add(deadline);
            db.CaseJournal.Add(new CaseJournalEntry(@case, JournalKind.DeadlineResumed, actor.Name, now, detail: $"{deadline.TimerId} → {deadline.DueAt:O}"));
        }

        await CommitAsync(cancellationToken);
        return @case;
    }

    /// <summary>Verlenging (Awb 4:14): once, within the verlengingstermijn, with a reason; moves the legal term only.</summary>
    public async Task<Case> ExtendAsync(Guid caseId, IsoDuration extension, string reason, CaseActor actor, long? expectedVersion, CancellationToken cancellationToken)
    {
        var (@case, definition) = await LoadAsync(caseId, expectedVersion, cancellationToken);
        RequireBehandelaar(actor, "verlengen");
        var type = definition.CaseType;
        if (!type.VerlengingMogelijk || type.Verlengingstermijn is not { } allowed)
        {
            throw new ConflictException($"Verlenging is niet mogelijk voor zaaktype '{type.Omschrijving}'.");
        }

        if (@case.Extension is not null)
        {
            throw new ConflictException($"De beslistermijn is al eens verlengd ({@case.Extension}); dat kan maar één keer.");
        }

        if (!CaseClocks.FitsWithin(extension, allowed, @case.StartDate))
        {
            throw new ValidationException([new ValidationFailure("duration", $"De verlenging mag hoogstens {allowed} zijn.")]);
        }

        var now = clock.GetUtcNow();
        var before = @case.Clocks(definition).LegalDeadline;
        @case.Extend(extension, reason);
        db.CaseJournal.Add(new CaseJournalEntry(@case, JournalKind.Extended, actor.Name, now,
            detail: $"{extension}: {before:yyyy-MM-dd} → {@case.Clocks(definition).LegalDeadline:yyyy-MM-dd}; {reason}"));
        await CommitAsync(cancellationToken);
        return @case;
    }

    /// <summary>
    /// Called by the deadline job: fires a due timeout as the system, or records a due reminder. Returns quietly when the
    /// row is no longer planned (already fired elsewhere, cancelled, paused): that is what makes firing exactly once.
    /// </summary>
    public async Task FireDeadlineAsync(Guid deadlineId, CancellationToken cancellationToken)
    {
        var deadline = await db.CaseDeadlines.SingleOrDefaultAsync(d => d.Id == deadlineId, cancellationToken);
        var now = clock.GetUtcNow();
        if (deadline is null || deadline.Status != DeadlineStatus.Planned || deadline.DueAt > now)
        {
            return;
        }

        var (@case, definition) = await LoadAsync(deadline.CaseId, expectedVersion: null, cancellationToken);
        if (@case.StateEntry != deadline.StateEntry || @case.IsClosed)
        {
            // The case moved on without cancelling this row (cannot normally happen); it must never fire late.
            deadline.Cancel();
            db.CaseJournal.Add(new CaseJournalEntry(@case, JournalKind.DeadlineCancelled, AuditActor.System, now, detail: deadline.TimerId));
        }
        else if (deadline.Kind == DeadlineKind.Timeout)
        {
            Fire(@case, definition, deadline.Trigger!, new Dictionary<string, string>(), CaseActor.System, firing: deadline);
        }
        else
        {
            deadline.Fire(now);
            db.Outbox.Add(new OutboxMessage(@case.Id, deadline.Notification!, deadline.RecipientRole!, now));
            db.CaseJournal.Add(new CaseJournalEntry(@case, JournalKind.ReminderSent, AuditActor.System, now,
                detail: $"{deadline.Notification} → {deadline.RecipientRole}"));
            _deliver = true;
        }

        await CommitAsync(cancellationToken);
    }

    private void Fire(Case @case, WorkflowDefinition definition, string trigger, IReadOnlyDictionary<string, string> parameters, CaseActor actor, CaseDeadline? firing)
    {
        if (@case.IsClosed)
        {
            throw new ConflictException("De zaak is afgesloten; er kan niets meer gebeuren.");
        }

        var state = definition.State(@case.State);
        var candidates = state.Transitions.Where(t => t.Trigger == trigger).ToList();
        if (candidates.Count == 0)
        {
            throw new ConflictException($"'{trigger}' is niet mogelijk in de toestand '{state.Label}'.");
        }

        if (!candidates.Any(t => t.Roles.Any(actor.Roles.Contains)))
        {
            throw new ForbiddenException($"Alleen {string.Join(" of ", candidates.SelectMany(t => t.Roles).Distinct())} mag '{trigger}' uitvoeren.");
        }

        var now = clock.GetUtcNow();
        var context = new GuardContext(@case, definition, parameters, now);
        var from = @case.State;
        string? to = null;
        var machine = CaseMachine.Build(definition, () => @case.State, s => to = s, name => (_guards[name].IsMet(context), _guards[name].Description));
        if (!machine.CanFire(trigger, out var unmet))
        {
            throw new ConflictException($"'{trigger}' kan nu niet: {string.Join(" ", unmet)}");
        }

        var transition = candidates.Single(t => t.Guard is null || _guards[t.Guard].IsMet(context));
        if (!transition.Roles.Any(actor.Roles.Contains))
        {
            throw new ForbiddenException($"Alleen {string.Join(" of ", transition.Roles)} mag '{trigger}' uitvoeren.");
        }

        var missing = transition.Parameters.Where(p => !parameters.TryGetValue(p, out var value) || string.IsNullOrWhiteSpace(value)).ToList();
        if (missing.Count > 0)
        {
            throw new ValidationException(missing.Select(p => new ValidationFailure($"parameters.{p}", $"'{p}' is verplicht voor '{trigger}'.")));
        }

        machine.Fire(trigger);
        var detail = parameters.Count == 0 ? null : JsonSerializer.Serialize(parameters);
        db.CaseJournal.Add(new CaseJournalEntry(@case, JournalKind.TriggerFired, actor.Name, now, trigger, from, to, detail));
        if (firing is not null)
        {
            firing.Fire(now);
            db.CaseJournal.Add(new CaseJournalEntry(@case, JournalKind.DeadlineFired, actor.Name, now, trigger, detail: firing.TimerId));
        }

        Leave(@case, state, actor.Name, now, except: firing);
        Enter(@case, definition, to!, actor.Name, now);
    }

    /// <summary>Leaving a state cancels its open timers and, if the state held the clocks, starts them again.</summary>
    private void Leave(Case @case, StateDefinition state, string actor, DateTimeOffset now, CaseDeadline? except)
    {
        var open = db.CaseDeadlines.Local.Where(d => d.CaseId == @case.Id && d.StateEntry == @case.StateEntry && d != except).ToList();
        foreach (var deadline in open.Where(d => d.Status is DeadlineStatus.Planned or DeadlineStatus.Paused))
        {
            deadline.Cancel();
            if (deadline.JobId is { } jobId)
            {
                _toDelete.Add(jobId);
            }

            db.CaseJournal.Add(new CaseJournalEntry(@case, JournalKind.DeadlineCancelled, actor, now, detail: deadline.TimerId));
        }

        if (state.SuspendsClocks && @case.IsSuspended && !@case.SuspendedManually)
        {
            var days = @case.ResumeClocks(now);
            db.CaseJournal.Add(new CaseJournalEntry(@case, JournalKind.Resumed, actor, now, detail: $"{days} dag(en) opgeschort in '{state.Label}'"));
        }
    }

    /// <summary>Entering a state: journal, its timers as deadline rows, clocks held if the state says so, closed if terminal.</summary>
    private void Enter(Case @case, WorkflowDefinition definition, string stateId, string actor, DateTimeOffset now)
    {
        var state = definition.State(stateId);
        @case.EnterState(stateId, state.Terminal, now);
        _entryEffects.AddRange(state.OnEntry.Select(effect => (@case, stateId, effect)));
        db.CaseJournal.Add(new CaseJournalEntry(@case, JournalKind.StateEntered, actor, now, toState: stateId));
        foreach (var timer in state.Timers)
        {
            var kind = timer.Kind == TimerKind.Timeout ? DeadlineKind.Timeout : DeadlineKind.Reminder;
            Plan(new CaseDeadline(@case.Id, @case.StateEntry, stateId, timer.Id, kind, Due(timer.Id, timer.After), timer.Trigger, timer.Notification, timer.RecipientRole));
            if (timer.Escalation is { } escalation)
            {
                Plan(new CaseDeadline(@case.Id, @case.StateEntry, stateId, $"{timer.Id}-escalatie", DeadlineKind.Escalation,
                    Due($"{timer.Id}-escalatie", escalation.After), null, escalation.Notification, escalation.RecipientRole));
            }
        }

        if (state.SuspendsClocks && !@case.IsSuspended)
        {
            @case.SuspendClocks($"toestand '{state.Label}'", manually: false, now);
            db.CaseJournal.Add(new CaseJournalEntry(@case, JournalKind.Suspended, actor, now, detail: $"klokken stil in '{state.Label}'"));
        }

        DateTimeOffset Due(string timerId, IsoDuration after) =>
            _dueAt is not null && _dueAt.TryGetValue(timerId, out var at) ? at : DutchCalendar.Add(now, after);

        void Plan(CaseDeadline deadline)
        {
            db.CaseDeadlines.Add(deadline);
            _toSchedule.Add(deadline);
            db.CaseJournal.Add(new CaseJournalEntry(@case, JournalKind.DeadlineScheduled, actor, now, detail: $"{deadline.TimerId} → {deadline.DueAt:O}"));
        }
    }

    private async Task<(Case Case, WorkflowDefinition Definition)> LoadAsync(Guid caseId, long? expectedVersion, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new NotFoundException($"Er is geen zaak met id {caseId}.");
        if (expectedVersion is { } expected && expected != @case.Version)
        {
            throw new ConflictException($"De zaak is intussen gewijzigd (versie {@case.Version}, u had versie {expected}). Laad haar opnieuw.");
        }

        // The open deadlines of the current state entry are tracked, so leaving the state can cancel them.
        await db.CaseDeadlines.Where(d => d.CaseId == caseId && d.StateEntry == @case.StateEntry).LoadAsync(cancellationToken);
        return (@case, registry.Get(@case.DefinitionId, @case.DefinitionVersion));
    }

    private async Task<List<CaseDeadline>> OpenDeadlinesAsync(Case @case, DeadlineStatus status, CancellationToken cancellationToken) =>
        await db.CaseDeadlines.Where(d => d.CaseId == @case.Id && d.StateEntry == @case.StateEntry && d.Status == status).ToListAsync(cancellationToken);

    private static void RequireBehandelaar(CaseActor actor, string what)
    {
        if (!actor.Roles.Contains(CaseRoles.Behandelaar) && !actor.Roles.Contains(CaseRoles.Beheerder))
        {
            throw new ForbiddenException($"Alleen de behandelaar van de zaak mag {what}.");
        }
    }

    /// <summary>One SaveChanges for the command; then Hangfire bookkeeping, which the reconciler repairs if it fails.</summary>
    private async Task CommitAsync(CancellationToken cancellationToken, Func<CancellationToken, Task>? effects = null)
    {
        var entryEffects = _entryEffects.ToList();
        _entryEffects.Clear();
        if (entryEffects.Count > 0)
        {
            var featureEffects = effects;
            effects = async ct =>
            {
                if (featureEffects is not null)
                {
                    await featureEffects(ct);
                }

                foreach (var (@case, state, name) in entryEffects)
                {
                    await _effects[name].RunAsync(@case, state, ct);
                }
            };
        }

        try
        {
            if (effects is null)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            else
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await effects(cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException exception)
        {
            // A stale version (concurrency) or a journal sequence taken by a simultaneous writer: the other one won.
            logger.LogInformation(exception, "Gelijktijdige wijziging van een zaak geweigerd");
            throw new ConflictException("Iemand anders heeft deze zaak op hetzelfde moment gewijzigd. Laad haar opnieuw en probeer het nog eens.");
        }

        // The command is committed; what follows is Hangfire bookkeeping. If it fails, the reconciler schedules the
        // planned rows again and a cancelled row's job finds it cancelled, so the caller still gets a success.
        try
        {
            foreach (var jobId in _toDelete)
            {
                jobs.Delete(jobId);
            }

            if (_deliver)
            {
                jobs.Enqueue<DeliverNotificationsJob>(job => job.RunAsync(CancellationToken.None));
            }

            foreach (var deadline in _toSchedule.Where(d => d.Status == DeadlineStatus.Planned))
            {
                deadline.Scheduled(DeadlineScheduler.Schedule(jobs, deadline, clock.GetUtcNow()));
            }

            if (_toSchedule.Count > 0)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Zaakwijziging vastgelegd, maar de taken zijn niet (alle) ingepland; de reconciler plant ze opnieuw in");
        }

        _deliver = false;
        _toSchedule.Clear();
        _toDelete.Clear();
    }
}
