using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;

namespace RegioFlow.Tests.Data;

/// <summary>Every model change needs a migration in both sets; this fails the build's tests when one is missing.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void Sqlite_migrations_cover_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "SQLite has model changes without a migration: run `dotnet ef migrations add <Name> --context SqliteRegioFlowDbContext --output-dir Data/Migrations/Sqlite` in src/RegioFlow.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Postgres_migrations_cover_the_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "PostgreSQL has model changes without a migration: run `dotnet ef migrations add <Name> --context PostgresRegioFlowDbContext --output-dir Data/Migrations/Postgres` in src/RegioFlow.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Both_providers_have_the_same_migration_names()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);
        Assert.Equal(Names(sqlite), Names(postgres));
    }
}
