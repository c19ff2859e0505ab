using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegioFlow.Domain;

namespace RegioFlow.Data.Configurations;

internal sealed class SchemeConfiguration : IEntityTypeConfiguration<Scheme>
{
    public void Configure(EntityTypeBuilder<Scheme> builder)
    {
        builder.ToTable("schemes", t => t.HasCheckConstraint("CK_schemes_budget", "\"Committed\" <= \"BudgetCeiling\""));
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Funder).HasMaxLength(200);
        builder.Property(s => s.ChecklistId).HasMaxLength(100);
        builder.Property(s => s.WorkflowId).HasMaxLength(100);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.FundOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(s => s.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Body>().WithMany().HasForeignKey(s => s.AssessingBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Body>().WithMany().HasForeignKey(s => s.DecisionBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(s => s.Remaining);
    }
}

internal sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> builder)
    {
        builder.ToTable("bodies");
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Speerpunten).HasJsonConversion();
        builder.HasIndex(b => b.Name).IsUnique();
        builder.HasOne<Region>().WithMany().HasForeignKey(b => b.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Members).WithOne().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.Members).HasField("_members");
    }
}

internal sealed class BodyMemberConfiguration : IEntityTypeConfiguration<BodyMember>
{
    public void Configure(EntityTypeBuilder<BodyMember> builder)
    {
        builder.ToTable("body_members");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.UserExternalId).HasMaxLength(200);
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(m => new { m.BodyId, m.UserExternalId }).IsUnique();
        builder.HasIndex(m => m.UserExternalId);
    }
}

internal sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> builder)
    {
        builder.ToTable("initiatives");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.Problem).HasMaxLength(4000);
        builder.Property(i => i.Goals).HasMaxLength(4000);
        builder.Property(i => i.TargetGroups).HasJsonConversion();
        builder.Property(i => i.Sectors).HasJsonConversion();
        builder.Property(i => i.Partners).HasJsonConversion();
        builder.Property(i => i.BudgetLines).HasJsonConversion();
        builder.Property(i => i.FundingLines).HasJsonConversion();
        builder.Property(i => i.Kpis).HasJsonConversion();
        builder.Property(i => i.BorgingPlan).HasJsonConversion();
        builder.Ignore(i => i.TotalBudget);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(i => i.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FundingApplicationConfiguration : IEntityTypeConfiguration<FundingApplication>
{
    public void Configure(EntityTypeBuilder<FundingApplication> builder)
    {
        builder.ToTable("funding_applications");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.CreatedBy).HasMaxLength(200);
        builder.Property(a => a.Conditions).HasMaxLength(4000);
        builder.Property(a => a.DecisionMotivation).HasMaxLength(4000);
        builder.HasIndex(a => a.CaseId).IsUnique();
        builder.HasIndex(a => a.OrganisationId);
        builder.HasOne<Scheme>().WithMany().HasForeignKey(a => a.SchemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Initiative>().WithMany().HasForeignKey(a => a.InitiativeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("payments");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Reference).HasMaxLength(100);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.SignedAmount);
        builder.HasIndex(p => p.ApplicationId);
        builder.HasIndex(p => p.SchemeId);
        builder.HasOne<FundingApplication>().WithMany().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Scheme>().WithMany().HasForeignKey(p => p.SchemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal static class JsonColumnExtensions
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>
    /// Stores a value list or record as JSON text, the same on SQLite and PostgreSQL. Compared by its JSON, so replacing
    /// a list with equal content is no change and the audit trail records old → new as JSON.
    /// </summary>
    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property) => property
        .HasConversion(
            value => JsonSerializer.Serialize(value, Json),
            json => JsonSerializer.Deserialize<T>(json, Json)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                value => JsonSerializer.Serialize(value, Json).GetHashCode(StringComparison.Ordinal),
                value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Json), Json)!))
        .HasMaxLength(16000);
}
