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
        builder.Property(s => s.VoucherTerms).HasJsonConversion();
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
        builder.Property(i => i.Activity).HasMaxLength(4000);
        builder.Property(i => i.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(i => i.AgeBand).HasMaxLength(50);
        builder.Property(i => i.Gemeenten).HasJsonConversion();
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Source).HasMaxLength(200);
        builder.Property(i => i.SourceKey).HasMaxLength(100);
        builder.Property(i => i.SearchText).HasMaxLength(16000);
        builder.Property(i => i.SectorKeys).HasMaxLength(2000);
        builder.Property(i => i.TargetGroupKeys).HasMaxLength(2000);
        builder.HasIndex(i => new { i.Source, i.SourceKey }).IsUnique();
        // The register pages newest registered first (RegisteredAt desc, Title); a region, status or type filter walks
        // its own index in that order, so a page and its count read only the matching entries.
        // These hold the registered initiatives only, so that the drafts' query (RegisteredAt IS NULL) cannot pick them:
        // SQLite would rather look the drafts up in one and sort them than walk the drafts' own index below in order.
        const string Registered = "\"RegisteredAt\" IS NOT NULL";
        builder.HasIndex(i => new { i.RegisteredAt, i.Title }).HasFilter(Registered);
        builder.HasIndex(i => new { i.RegionId, i.RegisteredAt, i.Title }).HasFilter(Registered);
        builder.HasIndex(i => new { i.Status, i.RegisteredAt, i.Title }).HasFilter(Registered);
        builder.HasIndex(i => new { i.Type, i.RegisteredAt, i.Title }).HasFilter(Registered);
        // Drafts come first on a register page, newest created first: a partial index keeps them in that order.
        builder.HasIndex(i => new { i.CreatedAt, i.Title }, "IX_initiatives_Drafts_CreatedAt_Title").HasFilter("\"RegisteredAt\" IS NULL");
        builder.HasIndex(i => i.OrganisationId);
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
        builder.Property(a => a.Advice).HasMaxLength(20);
        builder.Property(a => a.AdviceMotivation).HasMaxLength(4000);
        builder.Property(a => a.AdvisedBy).HasMaxLength(200);
        builder.Property(a => a.SettlementMotivation).HasMaxLength(4000);
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
        builder.Property(p => p.Description).HasMaxLength(200);
        builder.Property(p => p.RequestedBy).HasMaxLength(200);
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

internal sealed class ChecklistConfiguration : IEntityTypeConfiguration<Checklist>
{
    public void Configure(EntityTypeBuilder<Checklist> builder)
    {
        builder.ToTable("checklists");
        builder.HasKey(c => new { c.Id, c.Version });
        builder.Property(c => c.Id).HasMaxLength(100);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Owner).HasMaxLength(300);
        builder.Property(c => c.Items).HasJsonConversion();
    }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.ToTable("assessments");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.AssessorId).HasMaxLength(200);
        builder.Property(a => a.ChecklistId).HasMaxLength(100);
        builder.Property(a => a.Answers).HasJsonConversion();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.ApplicationId, a.AssessorId }).IsUnique();
        builder.HasOne<FundingApplication>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApplicationDocumentConfiguration : IEntityTypeConfiguration<ApplicationDocument>
{
    public void Configure(EntityTypeBuilder<ApplicationDocument> builder)
    {
        builder.ToTable("application_documents");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.Description).HasMaxLength(500);
        builder.Property(d => d.UploadedBy).HasMaxLength(200);
        builder.HasIndex(d => d.ApplicationId);
        builder.HasOne<FundingApplication>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DocumentContentConfiguration : IEntityTypeConfiguration<DocumentContent>
{
    public void Configure(EntityTypeBuilder<DocumentContent> builder)
    {
        builder.ToTable("document_contents");
        builder.HasKey(c => c.DocumentId);
        builder.HasOne<ApplicationDocument>().WithOne().HasForeignKey<DocumentContent>(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> builder)
    {
        builder.ToTable("progress_reports");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Summary).HasMaxLength(8000);
        builder.Property(r => r.KpiActuals).HasJsonConversion();
        builder.Property(r => r.SubmittedBy).HasMaxLength(200);
        builder.HasIndex(r => r.ApplicationId);
        builder.HasOne<FundingApplication>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BorgingCheckConfiguration : IEntityTypeConfiguration<BorgingCheck>
{
    public void Configure(EntityTypeBuilder<BorgingCheck> builder)
    {
        builder.ToTable("borging_checks");
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Outcome).HasConversion<string>().HasMaxLength(40);
        builder.Property(b => b.Notes).HasMaxLength(4000);
        builder.Property(b => b.RecordedBy).HasMaxLength(200);
        builder.HasIndex(b => new { b.ApplicationId, b.Months }).IsUnique();
        builder.HasOne<FundingApplication>().WithMany().HasForeignKey(b => b.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VoucherConfiguration : IEntityTypeConfiguration<Voucher>
{
    public void Configure(EntityTypeBuilder<Voucher> builder)
    {
        builder.ToTable("vouchers");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.RequestedBy).HasMaxLength(200);
        builder.Property(v => v.PersonName).HasMaxLength(200);
        builder.Property(v => v.Email).HasMaxLength(320);
        builder.Property(v => v.EmployerName).HasMaxLength(200);
        builder.Property(v => v.PersonKey).HasMaxLength(64);
        builder.Property(v => v.Gemeente).HasMaxLength(100);
        builder.Property(v => v.EmploymentStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.TrainingName).HasMaxLength(300);
        builder.Property(v => v.Eligibility).HasJsonConversion();
        builder.Property(v => v.Code).HasMaxLength(20);
        builder.Property(v => v.DecisionMotivation).HasMaxLength(4000);
        builder.Property(v => v.PaymentReference).HasMaxLength(100);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasIndex(v => v.Code).IsUnique();
        builder.HasIndex(v => v.CaseId);
        builder.HasIndex(v => v.PersonKey);
        builder.HasIndex(v => v.SchemeId);
        builder.HasIndex(v => v.ProviderOrganisationId);
        builder.HasOne<Scheme>().WithMany().HasForeignKey(v => v.SchemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(v => v.ProviderOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(v => v.RequestedForOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VoucherDocumentConfiguration : IEntityTypeConfiguration<VoucherDocument>
{
    public void Configure(EntityTypeBuilder<VoucherDocument> builder)
    {
        builder.ToTable("voucher_documents");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.UploadedBy).HasMaxLength(200);
        builder.HasIndex(d => d.VoucherId);
        builder.HasOne<Voucher>().WithMany().HasForeignKey(d => d.VoucherId).OnDelete(DeleteBehavior.Cascade);
    }
}
