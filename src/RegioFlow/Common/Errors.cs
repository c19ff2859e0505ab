namespace RegioFlow.Common;

/// <summary>The thing asked for does not exist (or the caller may not know it exists) → 404.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The caller is known but may not do this → 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>The request is valid but conflicts with the current state (duplicate, stale version, exhausted budget) → 409.</summary>
public sealed class ConflictException(string message) : Exception(message);
