namespace RegioFlow.Domain;

/// <summary>
/// A person who signs in. <see cref="ExternalId"/> is the subject of their sign-in: the Entra object id in
/// production, the demo login name (e.g. "fondsbeheerder") with development sign-in.
/// </summary>
public sealed class UserAccount
{
    private readonly List<Membership> _memberships = [];

    private UserAccount()
    {
    }

    public UserAccount(string externalId, string displayName, string email, IEnumerable<Role> roles, bool isDemo, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7(createdAt);
        ExternalId = externalId;
        DisplayName = displayName;
        Email = email;
        Roles = [.. roles.Distinct()];
        IsDemo = isDemo;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string ExternalId { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public List<Role> Roles { get; private set; } = [];

    public bool IsDemo { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>SHA-256 (hex) of the token in the user's personal calendar feed URL; null when there is no feed. The token itself is never stored.</summary>
    public string? CalendarTokenHash { get; private set; }

    public DateTimeOffset? CalendarTokenIssuedAt { get; private set; }

    /// <summary>Starts a new calendar feed: the old URL stops working.</summary>
    public void IssueCalendarToken(string tokenHash, DateTimeOffset now)
    {
        CalendarTokenHash = tokenHash;
        CalendarTokenIssuedAt = now;
    }

    public void RevokeCalendarToken()
    {
        CalendarTokenHash = null;
        CalendarTokenIssuedAt = null;
    }

    public IReadOnlyCollection<Membership> Memberships => _memberships;

    public Membership JoinOrganisation(Organisation organisation, string? function)
    {
        var membership = new Membership(Id, organisation.Id, function);
        _memberships.Add(membership);
        return membership;
    }
}

/// <summary>A user's membership of an organisation; what a user may see follows from it (DOMAIN.md).</summary>
public sealed class Membership
{
    private Membership()
    {
    }

    internal Membership(Guid userAccountId, Guid organisationId, string? function)
    {
        Id = Guid.CreateVersion7();
        UserAccountId = userAccountId;
        OrganisationId = organisationId;
        Function = function;
    }

    public Guid Id { get; private set; }

    public Guid UserAccountId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Organisation? Organisation { get; private set; }

    public string? Function { get; private set; }
}
