namespace RegioFlow.Common;

internal static class HttpContextExtensions
{
    /// <summary>API requests get ProblemDetails and bearer authentication; everything else is the web UI.</summary>
    public static bool IsApiRequest(this HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
