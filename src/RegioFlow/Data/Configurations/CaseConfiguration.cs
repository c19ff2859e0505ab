using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegioFlow.Domain;

namespace RegioFlow.Data.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.DefinitionId).HasMaxLength(100);
        builder.Property(c => c.SubjectType).HasMaxLength(100);
        builder.Property(c => c.SubjectId).HasMaxLength(100);
        builder.Property(c => c.Initiator).HasMaxLength(200);
        builder.Property(c => c.State).HasMaxLength(100);
        builder.Property(c => c.SuspensionReason).HasMaxLength(1000);
        builder.Property(c => c.Extension).HasMaxLength(40);
        builder.Property(c => c.ExtensionReason).HasMaxLength(1000);
        // One token for both providers: every engine change bumps Version, so a stale writer matches no row.
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.SubjectType, c.SubjectId });
        builder.HasIndex(c => new { c.DefinitionId, c.State });
    }
}

internal sealed class CaseJournalEntryConfiguration : IEntityTypeConfiguration<CaseJournalEntry>
{
    public void Configure(EntityTypeBuilder<CaseJournalEntry> builder)
    {
        builder.ToTable("case_journal");
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(j => j.Actor).HasMaxLength(200);
        builder.Property(j => j.Trigger).HasMaxLength(100);
        builder.Property(j => j.FromState).HasMaxLength(100);
        builder.Property(j => j.ToState).HasMaxLength(100);
        builder.Property(j => j.Detail).HasMaxLength(4000);
        builder.HasIndex(j => new { j.CaseId, j.Sequence }).IsUnique();
        builder.HasOne<Case>().WithMany().HasForeignKey(j => j.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseDeadlineConfiguration : IEntityTypeConfiguration<CaseDeadline>
{
    public void Configure(EntityTypeBuilder<CaseDeadline> builder)
    {
        builder.ToTable("case_deadlines");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.State).HasMaxLength(100);
        builder.Property(d => d.TimerId).HasMaxLength(100);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Trigger).HasMaxLength(100);
        builder.Property(d => d.Notification).HasMaxLength(100);
        builder.Property(d => d.RecipientRole).HasMaxLength(40);
        builder.Property(d => d.JobId).HasMaxLength(100);
        builder.Property(d => d.Version).IsConcurrencyToken();
        // The reconciler asks "planned and due before T", paged by due time.
        builder.HasIndex(d => new { d.Status, d.DueAt });
        builder.HasIndex(d => d.CaseId);
        builder.HasOne<Case>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_trail");
        builder.Property(a => a.Actor).HasMaxLength(200);
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.Property(a => a.Action).HasMaxLength(20);
        builder.Property(a => a.Changes).HasMaxLength(int.MaxValue);
        builder.HasIndex(a => a.CaseId);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}

internal sealed class WorkflowDefinitionRecordConfiguration : IEntityTypeConfiguration<WorkflowDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionRecord> builder)
    {
        builder.ToTable("workflow_definitions");
        builder.HasKey(w => new { w.DefinitionId, w.Version });
        builder.Property(w => w.DefinitionId).HasMaxLength(100);
        builder.Property(w => w.Sha256).HasMaxLength(64);
    }
}
