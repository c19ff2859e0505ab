using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegioFlow.Domain;

namespace RegioFlow.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ToTable("regions");
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property(r => r.Code).HasMaxLength(80);
        builder.Property(r => r.Name).HasMaxLength(120);
        builder.Property(r => r.Province).HasMaxLength(80);
        builder.Property(r => r.Centrumgemeente).HasMaxLength(120);
        builder.HasMany(r => r.Gemeenten).WithOne().HasForeignKey(g => g.RegionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Gemeenten).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class GemeenteConfiguration : IEntityTypeConfiguration<Gemeente>
{
    public void Configure(EntityTypeBuilder<Gemeente> builder)
    {
        builder.ToTable("gemeenten");
        builder.Property(g => g.Name).HasMaxLength(120);
        builder.HasIndex(g => new { g.RegionId, g.Name }).IsUnique();
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations");
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
        builder.HasIndex(o => o.Name).IsUnique();
        builder.HasOne(o => o.Region).WithMany().HasForeignKey(o => o.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.ExternalId).HasMaxLength(200);
        builder.HasIndex(u => u.ExternalId).IsUnique();
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.Email).HasMaxLength(254);
        builder.Property(u => u.CalendarTokenHash).HasMaxLength(64);
        builder.HasIndex(u => u.CalendarTokenHash).IsUnique();
        builder.PrimitiveCollection(u => u.Roles).ElementType(e => e.HasConversion<string>());
        builder.HasMany(u => u.Memberships).WithOne().HasForeignKey(m => m.UserAccountId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(u => u.Memberships).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.ToTable("memberships");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Function).HasMaxLength(200);
        builder.HasIndex(m => new { m.UserAccountId, m.OrganisationId }).IsUnique();
        builder.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
