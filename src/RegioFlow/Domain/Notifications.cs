namespace RegioFlow.Domain;

/// <summary>
/// A notification to deliver, written in the same SaveChanges as the event that causes it (transactional outbox).
/// It carries ids and names only; the text and the addresses are looked up when it is delivered.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    internal OutboxMessage(Guid? caseId, string notification, string recipientRole, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7(createdAt);
        CaseId = caseId;
        Notification = notification;
        RecipientRole = recipientRole;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid? CaseId { get; private set; }

    public string Notification { get; private set; } = "";

    public string RecipientRole { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    internal void Delivered(DateTimeOffset now)
    {
        DeliveredAt = now;
        Attempts++;
        LastError = null;
    }

    internal void Failed(string error)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
    }
}

/// <summary>A message in a person's in-app inbox. One per outbox message and recipient, so delivery can be repeated safely.</summary>
public sealed class UserNotification
{
    private UserNotification()
    {
    }

    internal UserNotification(Guid outboxMessageId, string recipient, Guid? caseId, string notification, string subject, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7(createdAt);
        OutboxMessageId = outboxMessageId;
        Recipient = recipient;
        CaseId = caseId;
        Notification = notification;
        Subject = subject;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid OutboxMessageId { get; private set; }

    /// <summary>The recipient's sign-in subject (UserAccount.ExternalId).</summary>
    public string Recipient { get; private set; } = "";

    public Guid? CaseId { get; private set; }

    public string Notification { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}
