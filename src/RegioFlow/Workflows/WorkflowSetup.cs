using Microsoft.EntityFrameworkCore;
using RegioFlow.Data;
using RegioFlow.Domain;

namespace RegioFlow.Workflows;

public sealed class WorkflowOptions
{
    public const string SectionName = "Workflows";

    /// <summary>The folder with the definitions, relative to the content root (the repository root with `dotnet run`).</summary>
    public string Path { get; set; } = "workflows";

    /// <summary>More folders, e.g. the test projects' definitions with timers of seconds.</summary>
    public string[] AdditionalPaths { get; set; } = [];
}

public static class WorkflowSetup
{
    /// <summary>The guards RegioFlow has; YAML may name these and no others.</summary>
    public static IReadOnlyList<IWorkflowGuard> Guards { get; } = [new NotSuspendedGuard(), new WithinLegalTermGuard()];

    /// <summary>
    /// The effects RegioFlow has (<see cref="ICaseEffect"/>), by name and class; YAML may name these and no others. Names
    /// live here rather than only on the instances because the loader checks definitions before the container exists.
    /// </summary>
    public static IReadOnlyDictionary<string, Type> EffectNames { get; } = new Dictionary<string, Type>
    {
        [Features.Vouchers.VoucherExpiredEffect.EffectName] = typeof(Features.Vouchers.VoucherExpiredEffect),
        [Features.Vouchers.VoucherClosedEffect.EffectName] = typeof(Features.Vouchers.VoucherClosedEffect),
    };

    public static WorkflowNames Names { get; } = new(
        Guards.Select(g => g.Name).ToHashSet(),
        EffectNames.Keys.ToHashSet(),
        WorkflowNotifications.Subjects.Keys.ToHashSet());

    /// <summary>Loads and validates every definition; problems come back as "path:line: message".</summary>
    public static (WorkflowRegistry? Registry, IReadOnlyList<string> Problems) Load(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(WorkflowOptions.SectionName).Get<WorkflowOptions>() ?? new WorkflowOptions();
        var roots = new[] { options.Path }.Concat(options.AdditionalPaths).Select(p => System.IO.Path.GetFullPath(p, contentRoot));
        var (definitions, errors) = WorkflowDefinitionLoader.LoadFolder(roots, Names, contentRoot);
        return errors.Count > 0 ? (null, errors.Select(e => e.ToString()).ToList()) : (new WorkflowRegistry(definitions), []);
    }

    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services, WorkflowRegistry registry)
    {
        services.AddSingleton(registry);
        foreach (var guard in Guards)
        {
            services.AddSingleton(guard);
        }

        foreach (var type in EffectNames.Values)
        {
            services.AddScoped(typeof(ICaseEffect), type);
        }

        services.AddScoped<CaseService>();
        services.AddScoped<CaseRoleResolver>();
        services.AddScoped<Features.Applications.ApplicationAccess>();
        services.AddScoped<Features.Vouchers.VoucherAccess>();
        services.AddScoped<Features.Initiatives.InitiativeAccess>();
        services.AddSingleton<Common.ReadCache>();
        services.AddScoped<BudgetLedger>();
        return services;
    }

    /// <summary>
    /// Published definitions are immutable: the first load stores each file's SHA-256; a later start with a changed
    /// file is refused ("publish a new version instead"). Returns the problems; stores hashes of new versions.
    /// </summary>
    public static async Task<IReadOnlyList<string>> VerifyPublishedAsync(RegioFlowDbContext db, WorkflowRegistry registry, TimeProvider clock, CancellationToken cancellationToken)
    {
        var known = await db.WorkflowDefinitions.ToDictionaryAsync(w => (w.DefinitionId, w.Version), cancellationToken);
        var problems = new List<string>();
        foreach (var definition in registry.All.Where(d => d.Status == DefinitionStatus.Gepubliceerd))
        {
            if (!known.TryGetValue((definition.Id, definition.Version), out var record))
            {
                db.WorkflowDefinitions.Add(new WorkflowDefinitionRecord(definition.Id, definition.Version, definition.Sha256, clock.GetUtcNow()));
            }
            else if (record.Sha256 != definition.Sha256)
            {
                problems.Add($"{definition.SourcePath}:1: gepubliceerde versie {definition.Version} van '{definition.Id}' is gewijzigd sinds {record.FirstLoadedAt:yyyy-MM-dd}; "
                    + "een gepubliceerde versie is onveranderlijk: zet de oude inhoud terug en publiceer de wijziging als nieuwe versie.");
            }
        }

        if (problems.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return problems;
    }
}
