namespace RegioFlow.Workflows;

/// <summary>
/// Dutch dates for statutory terms. The Algemene termijnenwet (art. 1 and 3) moves a term that ends on a Saturday,
/// Sunday or general holiday to the next day that is none of these. Its holidays: Nieuwjaarsdag, tweede Paasdag,
/// Hemelvaartsdag, tweede Pinksterdag, Koningsdag, 5 mei (Bevrijdingsdag) and both Kerstdagen. Goede Vrijdag is not one.
/// </summary>
public static class DutchCalendar
{
    public static readonly TimeZoneInfo Amsterdam = FindAmsterdam();

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The general holidays of the Algemene termijnenwet in <paramref name="year"/>.</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> Holidays(int year)
    {
        var easter = EasterSunday(year);
        // Koningsdag is 27 April, or the 26th when the 27th is a Sunday.
        var kingsDay = new DateOnly(year, 4, 27);
        if (kingsDay.DayOfWeek == DayOfWeek.Sunday)
        {
            kingsDay = kingsDay.AddDays(-1);
        }

        return
        [
            (new DateOnly(year, 1, 1), "Nieuwjaarsdag"),
            (easter.AddDays(1), "Tweede Paasdag"),
            (kingsDay, "Koningsdag"),
            (new DateOnly(year, 5, 5), "Bevrijdingsdag"),
            (easter.AddDays(39), "Hemelvaartsdag"),
            (easter.AddDays(50), "Tweede Pinksterdag"),
            (new DateOnly(year, 12, 25), "Eerste Kerstdag"),
            (new DateOnly(year, 12, 26), "Tweede Kerstdag"),
        ];
    }

    public static bool IsHoliday(DateOnly date) => Holidays(date.Year).Any(h => h.Date == date);

    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date);

    /// <summary>Algemene termijnenwet: a term ending on a non-working day ends on the next working day.</summary>
    public static DateOnly StatutoryEnd(DateOnly end)
    {
        while (!IsWorkingDay(end))
        {
            end = end.AddDays(1);
        }

        return end;
    }

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Amsterdam).DateTime);

    /// <summary>Adds a duration to an instant in Amsterdam local time (calendar parts by calendar); returns UTC.</summary>
    public static DateTimeOffset Add(DateTimeOffset instant, IsoDuration duration)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Amsterdam).DateTime;
        var due = DateTime.SpecifyKind(duration.AddTo(local), DateTimeKind.Unspecified);
        if (Amsterdam.IsInvalidTime(due))
        {
            due = due.AddHours(1); // a local time skipped by the spring clock change
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(due, Amsterdam), TimeSpan.Zero);
    }

    /// <summary>Europe/Amsterdam from the system's tz data, or the EU rule (CET, CEST from the last Sunday of March to
    /// the last Sunday of October) where a machine has none.</summary>
    private static TimeZoneInfo FindAmsterdam()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                DateTime.MinValue.Date,
                DateTime.MaxValue.Date,
                TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday));
            return TimeZoneInfo.CreateCustomTimeZone("Europe/Amsterdam", TimeSpan.FromHours(1), "Europe/Amsterdam", "CET", "CEST", [rule]);
        }
    }
}
