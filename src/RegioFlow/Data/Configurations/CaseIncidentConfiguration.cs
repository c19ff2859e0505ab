using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegioFlow.Domain;

namespace RegioFlow.Data.Configurations;

internal sealed class CaseIncidentConfiguration : IEntityTypeConfiguration<CaseIncident>
{
    public void Configure(EntityTypeBuilder<CaseIncident> builder)
    {
        builder.ToTable("incidents");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.JobId).HasMaxLength(100);
        builder.Property(i => i.Job).HasMaxLength(100);
        builder.Property(i => i.Error).HasMaxLength(2000);
        builder.Property(i => i.RetriedBy).HasMaxLength(200);
        builder.Ignore(i => i.IsOpen);
        builder.HasIndex(i => new { i.RetriedAt, i.OccurredAt });
        builder.HasIndex(i => i.CaseId);
    }
}
