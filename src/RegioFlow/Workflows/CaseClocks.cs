namespace RegioFlow.Workflows;

/// <summary>
/// The two clocks of a case (ARCHITECTURE.md §4): the legal decision term (uiterlijke einddatum afdoening = start +
/// doorlooptijd, Awb 4:13) and the service term (einddatum gepland = start + servicenorm). Opschorting (Awb 4:15)
/// shifts both by the calendar days suspended; one verlenging (Awb 4:14) moves the legal term, within the
/// verlengingstermijn. The legal term follows the Algemene termijnenwet; the service term is an internal norm.
/// </summary>
public sealed record CaseClocks(
    DateOnly StartDate,
    IsoDuration Doorlooptijd,
    IsoDuration? Servicenorm,
    int SuspendedDays,
    IsoDuration? Extension)
{
    /// <summary>Uiterlijke einddatum afdoening, after opschorting and verlenging, moved off weekends and holidays.</summary>
    public DateOnly LegalDeadline
    {
        get
        {
            var end = Add(StartDate, Doorlooptijd);
            if (Extension is { } extension)
            {
                end = Add(end, extension);
            }

            return DutchCalendar.StatutoryEnd(end.AddDays(SuspendedDays));
        }
    }

    /// <summary>Einddatum gepland, after opschorting; null when the case type has no servicenorm.</summary>
    public DateOnly? ServiceDeadline => Servicenorm is { } norm ? Add(StartDate, norm).AddDays(SuspendedDays) : null;

    /// <summary>True when <paramref name="extension"/> is no longer than the allowed verlengingstermijn.</summary>
    public static bool FitsWithin(IsoDuration extension, IsoDuration allowed, DateOnly from) =>
        Add(from, extension) <= Add(from, allowed);

    private static DateOnly Add(DateOnly date, IsoDuration duration) =>
        DateOnly.FromDateTime(duration.AddTo(date.ToDateTime(TimeOnly.MinValue)));
}
