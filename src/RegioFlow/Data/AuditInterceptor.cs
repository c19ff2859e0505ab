using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RegioFlow.Auth;
using RegioFlow.Domain;

namespace RegioFlow.Data;

/// <summary>Who is acting for the audit trail: the signed-in user, or the name a job gives (default "systeem").</summary>
public sealed class AuditActor(CurrentUser currentUser)
{
    public const string System = "systeem";

    public string? Override { get; set; }

    public string Name => Override ?? currentUser.SubjectId ?? System;
}

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every added, modified or deleted row in the same SaveChanges, so no code path
/// can change data without a trace. The journal and the audit trail themselves are append-only and not audited again.
/// </summary>
internal sealed class AuditInterceptor(AuditActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>
    /// Personal data the trail must not copy: the retention job removes them from the row after the retention period,
    /// and a copy in the append-only trail would outlive that. The trail records that they changed, not their values.
    /// </summary>
    private static readonly Dictionary<Type, HashSet<string>> PersonalData = new()
    {
        [typeof(Voucher)] = [nameof(Voucher.PersonName), nameof(Voucher.DateOfBirth), nameof(Voucher.Email), nameof(Voucher.EmployerName), nameof(Voucher.PersonKey)],
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Capture(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var who = actor.Name;
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is not AuditEntry and not CaseJournalEntry)
            .ToList();
        foreach (var entry in entries)
        {
            var changes = Describe(entry);
            if (changes.Count == 0)
            {
                continue;
            }

            var caseId = entry.Entity switch
            {
                Case c => c.Id,
                CaseDeadline d => d.CaseId,
                _ => (Guid?)null,
            };
            var key = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));
            context.Add(new AuditEntry(now, who, entry.Metadata.ClrType.Name, key, entry.State.ToString(), JsonSerializer.Serialize(changes, Json), caseId));
        }
    }

    private static Dictionary<string, object?> Describe(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        var personal = PersonalData.GetValueOrDefault(entry.Metadata.ClrType);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (personal is not null && personal.Contains(name))
            {
                if (entry.State != EntityState.Modified || (property.IsModified && !Equals(property.OriginalValue, property.CurrentValue)))
                {
                    changes[name] = new { persoonsgegeven = true, leeg = property.CurrentValue is null };
                }

                continue;
            }

            if (property.Metadata.ClrType == typeof(byte[]))
            {
                // File contents are not copied into the trail: their size and the document's SHA-256 identify them.
                changes[name] = new { bytes = (property.CurrentValue as byte[] ?? property.OriginalValue as byte[])?.Length };
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    changes[name] = new { @new = property.CurrentValue };
                    break;
                case EntityState.Deleted:
                    changes[name] = new { old = property.OriginalValue };
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[name] = new { old = property.OriginalValue, @new = property.CurrentValue };
                    break;
            }
        }

        return changes;
    }
}
