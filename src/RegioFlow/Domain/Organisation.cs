namespace RegioFlow.Domain;

/// <summary>Kinds of partner organisation named in the region reports (triple helix plus funds and providers).</summary>
public enum OrganisationKind
{
    Gemeente,
    Provincie,
    Uwv,
    MboSchool,
    HboSchool,
    Werkgever,
    Brancheorganisatie,
    OenOFonds,
    Vakbond,
    Opleider,
    Regiobureau,
    Overig,
}

public sealed class Organisation
{
    private Organisation()
    {
    }

    public Organisation(string name, OrganisationKind kind, int? regionId, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7(createdAt);
        Name = name;
        Kind = kind;
        RegionId = regionId;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public OrganisationKind Kind { get; private set; }

    public int? RegionId { get; private set; }

    public Region? Region { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
