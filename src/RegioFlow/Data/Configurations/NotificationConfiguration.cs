using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegioFlow.Domain;

namespace RegioFlow.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox");
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Notification).HasMaxLength(100);
        builder.Property(o => o.RecipientRole).HasMaxLength(40);
        builder.Property(o => o.LastError).HasMaxLength(1000);
        builder.HasIndex(o => new { o.DeliveredAt, o.CreatedAt });
    }
}

internal sealed class UserNotificationConfiguration : IEntityTypeConfiguration<UserNotification>
{
    public void Configure(EntityTypeBuilder<UserNotification> builder)
    {
        builder.ToTable("notifications");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Recipient).HasMaxLength(200);
        builder.Property(n => n.Notification).HasMaxLength(100);
        builder.Property(n => n.Subject).HasMaxLength(300);
        builder.HasIndex(n => new { n.OutboxMessageId, n.Recipient }).IsUnique();
        builder.HasIndex(n => new { n.Recipient, n.CreatedAt });
    }
}
