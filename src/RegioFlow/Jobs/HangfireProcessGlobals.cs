using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace RegioFlow.Jobs;

/// <summary>
/// Hangfire keeps its log provider in a process-wide static. With more than one app instance in a process (the tests,
/// the two-instance deadline test) the last instance's logger factory wins and may already be disposed; logging must
/// then be skipped, not fail the job or the command that schedules it.
/// </summary>
internal sealed class DisposalTolerantLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new TolerantLog(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new TolerantLog(null);
        }
    }

    private sealed class TolerantLog(ILog? inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner?.Log(logLevel, messageFunc, exception) ?? false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}

internal static class HangfireProcessGlobals
{
    /// <summary>Jobs are activated in a scope of the app instance whose server runs them, never another instance's.</summary>
    public static IServiceCollection AddPerInstanceJobActivator(this IServiceCollection services) =>
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
}
