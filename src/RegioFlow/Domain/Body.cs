namespace RegioFlow.Domain;

public enum BodyKind
{
    /// <summary>A thematic table of the region's partners that assesses and advises.</summary>
    Thematafel,

    /// <summary>The body that decides (e.g. the Achterhoek Board).</summary>
    Besluitorgaan,
}

public enum BodyRole
{
    Voorzitter,
    Secretaris,
    Lid,
}

/// <summary>A thematafel or a decision body, with its members (DOMAIN.md "Who uses it").</summary>
public sealed class Body
{
    private readonly List<BodyMember> _members = [];

    private Body()
    {
    }

    public Body(string name, BodyKind kind, int? regionId, IEnumerable<string> speerpunten, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Name = name;
        Kind = kind;
        RegionId = regionId;
        Speerpunten = [.. speerpunten];
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public BodyKind Kind { get; private set; }

    public int? RegionId { get; private set; }

    public List<string> Speerpunten { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyCollection<BodyMember> Members => _members;

    public void AddMember(string userExternalId, BodyRole role) => _members.Add(new BodyMember(Id, userExternalId, role));

    public void Rename(string name, IEnumerable<string> speerpunten)
    {
        Name = name;
        Speerpunten = [.. speerpunten];
    }

    /// <summary>
    /// Makes the members exactly these: who leaves is removed, who stays keeps their row (with the new role), who joins
    /// is added. Rows are kept rather than replaced, so the unique (body, user) index is never hit halfway.
    /// </summary>
    public void SetMembers(IReadOnlyDictionary<string, BodyRole> members)
    {
        _members.RemoveAll(m => !members.ContainsKey(m.UserExternalId));
        foreach (var (user, role) in members)
        {
            if (_members.Find(m => m.UserExternalId == user) is { } member)
            {
                member.ChangeRole(role);
            }
            else
            {
                AddMember(user, role);
            }
        }
    }
}

public sealed class BodyMember
{
    private BodyMember()
    {
    }

    internal BodyMember(Guid bodyId, string userExternalId, BodyRole role)
    {
        Id = Guid.CreateVersion7();
        BodyId = bodyId;
        UserExternalId = userExternalId;
        Role = role;
    }

    public Guid Id { get; private set; }

    public Guid BodyId { get; private set; }

    /// <summary>The member's sign-in subject (<see cref="UserAccount.ExternalId"/>).</summary>
    public string UserExternalId { get; private set; } = "";

    public BodyRole Role { get; private set; }

    internal void ChangeRole(BodyRole role) => Role = role;
}
