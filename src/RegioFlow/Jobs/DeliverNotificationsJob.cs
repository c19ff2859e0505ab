using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RegioFlow.Data;
using RegioFlow.Domain;
using RegioFlow.Workflows;

namespace RegioFlow.Jobs;

/// <summary>
/// Delivers outbox messages: an in-app notification for every person who holds the recipient role on the case, and an
/// e-mail to each of them. A message that fails stays in the outbox and is tried again on the next run.
/// </summary>
public sealed class DeliverNotificationsJob(RegioFlowDbContext db, MailSender mail, IOptions<MailOptions> options, AuditActor actor, TimeProvider clock, ILogger<DeliverNotificationsJob> logger)
{
    public const string RecurringId = "deliver-notifications";
    private const int BatchSize = 100;

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        actor.Override = AuditActor.System;
        var pending = await db.Outbox.Where(o => o.DeliveredAt == null && o.Attempts < 10).OrderBy(o => o.CreatedAt).Take(BatchSize).ToListAsync(cancellationToken);
        var delivered = 0;
        foreach (var message in pending)
        {
            try
            {
                await DeliverAsync(message, cancellationToken);
                message.Delivered(clock.GetUtcNow());
                delivered++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Notificatie {Id} kon niet worden bezorgd", message.Id);
                message.Failed(exception.Message);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return delivered;
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var @case = message.CaseId is { } caseId ? await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken) : null;
        var subject = WorkflowNotifications.Subjects.GetValueOrDefault(message.Notification, message.Notification);
        var known = await db.Notifications.Where(n => n.OutboxMessageId == message.Id).Select(n => n.Recipient).ToListAsync(cancellationToken);
        foreach (var recipient in await RecipientsAsync(message.RecipientRole, @case, cancellationToken))
        {
            if (known.Contains(recipient.ExternalId))
            {
                continue; // delivered to this person in an earlier, interrupted run
            }

            db.Notifications.Add(new UserNotification(message.Id, recipient.ExternalId, message.CaseId, message.Notification, subject, clock.GetUtcNow()));
            if (!string.IsNullOrWhiteSpace(recipient.Email))
            {
                var link = @case is null ? options.Value.BaseUrl : $"{options.Value.BaseUrl.TrimEnd('/')}/api/cases/{@case.Id}";
                var body = $"Beste {recipient.DisplayName},\n\n{subject}.\n\nZaak: {@case?.Id} ({@case?.DefinitionId}), toestand '{@case?.State}'.\n{link}\n\nDit bericht is automatisch verstuurd door RegioFlow.";
                await mail.SendAsync(recipient.Email, $"RegioFlow: {subject}", body, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The people who hold a case role. On a subsidy case the roles follow the resource, as in
    /// <see cref="CaseRoleResolver"/>: a reminder about one application goes to the people of that application's
    /// organisation, fund, table and board, not to everyone with the same RegioFlow role. Other cases: the initiator
    /// by sign-in subject, other roles through RegioFlow roles.
    /// </summary>
    private async Task<List<UserAccount>> RecipientsAsync(string caseRole, Case? @case, CancellationToken cancellationToken)
    {
        if (@case?.SubjectType == FundingApplication.SubjectType)
        {
            return await SubsidyRecipientsAsync(caseRole, @case, cancellationToken);
        }

        if (@case?.SubjectType == Voucher.SubjectType)
        {
            return await VoucherRecipientsAsync(caseRole, @case, cancellationToken);
        }

        if (caseRole == CaseRoles.Initiator)
        {
            return @case?.Initiator is { } subject
                ? await db.Users.AsNoTracking().Where(u => u.ExternalId == subject).ToListAsync(cancellationToken)
                : [];
        }

        var role = caseRole switch
        {
            CaseRoles.Behandelaar => Role.FundAdministrator,
            CaseRoles.Adviseur => Role.TableMember,
            CaseRoles.Voorzitter => Role.TableChair,
            CaseRoles.Beslisser => Role.DecisionBodyMember,
            _ => Role.Admin,
        };
        return await db.Users.AsNoTracking().Where(u => u.Roles.Contains(role)).ToListAsync(cancellationToken);
    }

    private async Task<List<UserAccount>> SubsidyRecipientsAsync(string caseRole, Case @case, CancellationToken cancellationToken)
    {
        var application = Guid.TryParse(@case.SubjectId, out var applicationId)
            ? await db.FundingApplications.AsNoTracking().Where(a => a.Id == applicationId)
                .Join(db.Schemes, a => a.SchemeId, s => s.Id, (a, s) => new { a.OrganisationId, s.FundOrganisationId, s.AssessingBodyId, s.DecisionBodyId })
                .SingleOrDefaultAsync(cancellationToken)
            : null;
        if (application is null)
        {
            return [];
        }

        var users = db.Users.AsNoTracking();
        IQueryable<UserAccount> MembersOf(Guid organisationId, Role role) =>
            users.Where(u => u.Roles.Contains(role) && db.Memberships.Any(m => m.UserAccountId == u.Id && m.OrganisationId == organisationId));
        IQueryable<UserAccount> InBody(Guid? bodyId, bool chairOnly) =>
            users.Where(u => db.BodyMembers.Any(m => m.BodyId == bodyId && m.UserExternalId == u.ExternalId && (!chairOnly || m.Role == BodyRole.Voorzitter)));
        var recipients = caseRole switch
        {
            CaseRoles.Initiator => MembersOf(application.OrganisationId, Role.InitiativeLead),
            CaseRoles.Behandelaar => MembersOf(application.FundOrganisationId, Role.FundAdministrator),
            CaseRoles.Adviseur => InBody(application.AssessingBodyId, chairOnly: false).Where(u => u.Roles.Contains(Role.TableMember) || u.Roles.Contains(Role.TableChair)),
            CaseRoles.Voorzitter => InBody(application.AssessingBodyId, chairOnly: true).Where(u => u.Roles.Contains(Role.TableChair)),
            CaseRoles.Beslisser => InBody(application.DecisionBodyId, chairOnly: false).Where(u => u.Roles.Contains(Role.DecisionBodyMember)),
            _ => users.Where(u => u.Roles.Contains(Role.Admin)),
        };
        return await recipients.OrderBy(u => u.ExternalId).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// On a voucher case, as in <see cref="CaseRoleResolver"/>: initiator = the user who requested it; behandelaar = the
    /// fund administrators of the scheme's fund; opleider = the training provider users of the provider named on it.
    /// </summary>
    private async Task<List<UserAccount>> VoucherRecipientsAsync(string caseRole, Case @case, CancellationToken cancellationToken)
    {
        var voucher = Guid.TryParse(@case.SubjectId, out var voucherId)
            ? await db.Vouchers.AsNoTracking().Where(v => v.Id == voucherId)
                .Join(db.Schemes, v => v.SchemeId, s => s.Id, (v, s) => new { v.RequestedBy, v.ProviderOrganisationId, s.FundOrganisationId })
                .SingleOrDefaultAsync(cancellationToken)
            : null;
        if (voucher is null)
        {
            return [];
        }

        var users = db.Users.AsNoTracking();
        IQueryable<UserAccount> MembersOf(Guid organisationId, Role role) =>
            users.Where(u => u.Roles.Contains(role) && db.Memberships.Any(m => m.UserAccountId == u.Id && m.OrganisationId == organisationId));
        var recipients = caseRole switch
        {
            CaseRoles.Initiator => users.Where(u => u.ExternalId == voucher.RequestedBy),
            CaseRoles.Behandelaar => MembersOf(voucher.FundOrganisationId, Role.FundAdministrator),
            CaseRoles.Opleider => MembersOf(voucher.ProviderOrganisationId, Role.TrainingProvider),
            _ => users.Where(u => u.Roles.Contains(Role.Admin)),
        };
        return await recipients.OrderBy(u => u.ExternalId).ToListAsync(cancellationToken);
    }
}
