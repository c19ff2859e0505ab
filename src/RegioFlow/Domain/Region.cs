namespace RegioFlow.Domain;

/// <summary>An arbeidsmarktregio (labour-market region) with the gemeenten that form it.</summary>
public sealed class Region
{
    private readonly List<Gemeente> _gemeenten = [];

    private Region()
    {
    }

    public Region(string code, string name, string province, string centrumgemeente)
    {
        Code = code;
        Name = name;
        Province = province;
        Centrumgemeente = centrumgemeente;
    }

    public int Id { get; private set; }

    /// <summary>Stable slug, e.g. "achterhoek"; reference data is matched on it when seeding.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Province { get; private set; } = "";

    public string Centrumgemeente { get; private set; } = "";

    public IReadOnlyCollection<Gemeente> Gemeenten => _gemeenten;

    public void Update(string name, string province, string centrumgemeente)
    {
        Name = name;
        Province = province;
        Centrumgemeente = centrumgemeente;
    }

    public Gemeente AddGemeente(string name)
    {
        var gemeente = new Gemeente(name);
        _gemeenten.Add(gemeente);
        return gemeente;
    }
}

public sealed class Gemeente
{
    private Gemeente()
    {
    }

    internal Gemeente(string name) => Name = name;

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public int RegionId { get; private set; }
}
