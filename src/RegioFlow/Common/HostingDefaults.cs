namespace RegioFlow.Common;

internal static class HostingDefaults
{
    /// <summary>
    /// `dotnet run --project src/RegioFlow` (which sets DOTNET_LAUNCH_PROFILE) means a developer at work: Development,
    /// unless an environment is named (ASPNETCORE_ENVIRONMENT, DOTNET_ENVIRONMENT or --environment), which then wins.
    /// A launch profile cannot do this itself: its variables override the caller's.
    /// </summary>
    public static string? EnvironmentWhenRunFromSource(string[] args)
    {
        var named = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 }
            || Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 }
            || args.Any(a => a.TrimStart('-', '/').StartsWith("environment", StringComparison.OrdinalIgnoreCase));
        return !named && Environment.GetEnvironmentVariable("DOTNET_LAUNCH_PROFILE") is { Length: > 0 } ? Environments.Development : null;
    }
}
