using RegioFlow.Workflows;

namespace RegioFlow.Tests.Workflows;

public sealed class DutchCalendarTests
{
    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2038, "2038-04-25")]
    public void Computes_easter_sunday(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), DutchCalendar.EasterSunday(year));

    [Fact]
    public void Lists_the_holidays_of_the_algemene_termijnenwet_for_2026()
    {
        var holidays = DutchCalendar.Holidays(2026).ToDictionary(h => h.Name, h => h.Date.ToString("yyyy-MM-dd"));

        Assert.Equal("2026-01-01", holidays["Nieuwjaarsdag"]);
        Assert.Equal("2026-04-06", holidays["Tweede Paasdag"]);
        Assert.Equal("2026-04-27", holidays["Koningsdag"]);
        Assert.Equal("2026-05-05", holidays["Bevrijdingsdag"]);
        Assert.Equal("2026-05-14", holidays["Hemelvaartsdag"]);
        Assert.Equal("2026-05-25", holidays["Tweede Pinksterdag"]);
        Assert.Equal("2026-12-25", holidays["Eerste Kerstdag"]);
        Assert.Equal("2026-12-26", holidays["Tweede Kerstdag"]);
        Assert.Equal(8, holidays.Count);
    }

    [Theory]
    [InlineData(2025, "2025-04-26")] // 27 April 2025 is a Sunday
    [InlineData(2026, "2026-04-27")]
    [InlineData(2031, "2031-04-26")] // 27 April 2031 is a Sunday
    public void Koningsdag_moves_to_saturday_when_the_27th_is_a_sunday(int year, string expected) =>
        Assert.Contains(DutchCalendar.Holidays(year), h => h.Name == "Koningsdag" && h.Date == DateOnly.Parse(expected));

    [Fact]
    public void Goede_vrijdag_is_not_a_holiday_of_the_termijnenwet() =>
        Assert.True(DutchCalendar.IsWorkingDay(new DateOnly(2026, 4, 3)));

    [Theory]
    [InlineData("2026-03-06", "2026-03-06")] // Friday stays
    [InlineData("2026-03-07", "2026-03-09")] // Saturday → Monday
    [InlineData("2026-03-08", "2026-03-09")] // Sunday → Monday
    [InlineData("2026-04-05", "2026-04-07")] // Easter Sunday, then Tweede Paasdag → Tuesday
    [InlineData("2026-05-14", "2026-05-15")] // Hemelvaartsdag → Friday
    [InlineData("2026-12-25", "2026-12-28")] // Kerstdag (Fri), 26th (Sat), Sunday → Monday
    [InlineData("2027-12-31", "2027-12-31")] // Friday, no holiday: stays
    [InlineData("2028-01-01", "2028-01-03")] // Nieuwjaarsdag on a Saturday → Monday
    [InlineData("2025-04-26", "2025-04-28")] // Koningsdag (Sat) → Monday
    public void A_statutory_term_ending_on_a_non_working_day_moves_to_the_next_working_day(string end, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), DutchCalendar.StatutoryEnd(DateOnly.Parse(end)));

    [Fact]
    public void Adds_calendar_parts_in_amsterdam_time_across_the_clock_change()
    {
        // 28 March 2026 12:00 CET (11:00 UTC) + 1 day = 29 March 12:00 CEST (10:00 UTC): a calendar day, not 24 hours.
        var start = new DateTimeOffset(2026, 3, 28, 11, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 10, 0, 0, TimeSpan.Zero), DutchCalendar.Add(start, IsoDuration.Parse("P1D")));
        Assert.Equal(start.AddSeconds(30), DutchCalendar.Add(start, IsoDuration.Parse("PT30S")));
    }
}
