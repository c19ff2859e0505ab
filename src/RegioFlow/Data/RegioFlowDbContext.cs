using Microsoft.EntityFrameworkCore;
using RegioFlow.Domain;

namespace RegioFlow.Data;

/// <summary>
/// The one DbContext. Each database provider has a thin subclass that owns its own migration set
/// (<see cref="SqliteRegioFlowDbContext"/>, <see cref="PostgresRegioFlowDbContext"/>); handlers depend on this type.
/// </summary>
public abstract class RegioFlowDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Gemeente> Gemeenten => Set<Gemeente>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<UserAccount> Users => Set<UserAccount>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseJournalEntry> CaseJournal => Set<CaseJournalEntry>();

    public DbSet<CaseDeadline> CaseDeadlines => Set<CaseDeadline>();

    public DbSet<AuditEntry> AuditTrail => Set<AuditEntry>();

    public DbSet<WorkflowDefinitionRecord> WorkflowDefinitions => Set<WorkflowDefinitionRecord>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<UserNotification> Notifications => Set<UserNotification>();

    public DbSet<CaseIncident> Incidents => Set<CaseIncident>();

    public DbSet<Scheme> Schemes => Set<Scheme>();

    public DbSet<Body> Bodies => Set<Body>();

    public DbSet<BodyMember> BodyMembers => Set<BodyMember>();

    public DbSet<Initiative> Initiatives => Set<Initiative>();

    public DbSet<FundingApplication> FundingApplications => Set<FundingApplication>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<Checklist> Checklists => Set<Checklist>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<ApplicationDocument> Documents => Set<ApplicationDocument>();

    public DbSet<DocumentContent> DocumentContents => Set<DocumentContent>();

    public DbSet<ProgressReport> Reports => Set<ProgressReport>();

    public DbSet<BorgingCheck> BorgingChecks => Set<BorgingCheck>();

    public DbSet<Voucher> Vouchers => Set<Voucher>();

    public DbSet<VoucherDocument> VoucherDocuments => Set<VoucherDocument>();

    /// <summary>
    /// The register's trigram search index where the database needs one beside <see cref="Initiatives"/> (SQLite's FTS5
    /// table); null where LIKE on the initiatives' own search columns is indexed (PostgreSQL with pg_trgm).
    /// </summary>
    public virtual IQueryable<InitiativeSearchEntry>? InitiativeSearch => null;

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RegioFlowDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money is euros with two decimals everywhere (ARCHITECTURE.md §5).
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<string>().HaveMaxLength(400);
    }
}

public sealed class SqliteRegioFlowDbContext(DbContextOptions<SqliteRegioFlowDbContext> options) : RegioFlowDbContext(options)
{
    public override IQueryable<InitiativeSearchEntry> InitiativeSearch => Set<InitiativeSearchEntry>().AsNoTracking();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // An FTS5 virtual table with triggers, created by SQL in the SearchIndexes migration; EF only reads it.
        modelBuilder.Entity<InitiativeSearchEntry>(entry =>
        {
            entry.HasNoKey();
            entry.ToTable(InitiativeSearchEntry.TableName, t => t.ExcludeFromMigrations());
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite stores DateTimeOffset as text, which it cannot compare or order in SQL. Storing UTC ticks
        // keeps "due before now" queries in the database (deadlines, reminders).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        // SQLite keeps decimals as text, which it compares as text: "900.00" > "1000.00". Whole cents compare right,
        // so the budget check (committed + amount <= ceiling) can run in one conditional UPDATE.
        configurationBuilder.Properties<decimal>().HaveConversion<DecimalToCentsConverter>();
    }
}

public sealed class PostgresRegioFlowDbContext(DbContextOptions<PostgresRegioFlowDbContext> options) : RegioFlowDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // The register's text search and sector / target group filters are LIKE '%...%': pg_trgm GIN indexes answer
        // those from the index instead of scanning every initiative (SQLite has the FTS5 table initiative_search instead).
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.Entity<Initiative>(initiative =>
        {
            initiative.HasIndex(i => i.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
            initiative.HasIndex(i => i.SectorKeys).HasMethod("gin").HasOperators("gin_trgm_ops");
            initiative.HasIndex(i => i.TargetGroupKeys).HasMethod("gin").HasOperators("gin_trgm_ops");
        });
    }
}
