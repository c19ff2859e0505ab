namespace RegioFlow.Data;

/// <summary>
/// One row of the SQLite register search index (the FTS5 table <c>initiative_search</c> with the trigram tokenizer):
/// a copy of an initiative's search keys that the database keeps in step with <c>initiatives</c> by triggers. It answers
/// <c>LIKE '%woord%'</c> from its trigram index instead of reading every initiative. Only the SQLite model maps it; on
/// PostgreSQL the same LIKE runs on <c>initiatives</c> itself, which has pg_trgm indexes.
/// </summary>
public sealed class InitiativeSearchEntry
{
    public const string TableName = "initiative_search";

    public Guid Id { get; private set; }

    public string SearchText { get; private set; } = "";

    public string SectorKeys { get; private set; } = "";

    public string TargetGroupKeys { get; private set; } = "";
}
