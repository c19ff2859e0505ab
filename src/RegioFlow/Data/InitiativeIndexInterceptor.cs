using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RegioFlow.Domain;
using RegioFlow.Features.Initiatives;

namespace RegioFlow.Data;

/// <summary>
/// Keeps <see cref="InitiativeSimilarityIndex"/> current: notes the initiatives a SaveChanges adds, modifies or deletes,
/// and hands them to the index once the save succeeded, so a new or edited initiative is in the similar lists at once.
/// </summary>
internal sealed class InitiativeIndexInterceptor(InitiativeSimilarityIndex index) : SaveChangesInterceptor
{
    private List<InitiativeChange>? _noted;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Hand();
        return base.SavedChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Hand();
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _noted = null;

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _noted = null;
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => _noted = null;

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        _noted = null;
        return Task.CompletedTask;
    }

    private void Note(DbContext? context) =>
        _noted = context?.ChangeTracker.Entries<Initiative>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => InitiativeChange.Of(e.Entity, e.State == EntityState.Deleted))
            .ToList();

    private void Hand()
    {
        if (_noted is { Count: > 0 } changes)
        {
            index.Apply(changes);
        }

        _noted = null;
    }
}
