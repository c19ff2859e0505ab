using RegioFlow.Workflows;

namespace RegioFlow.Tests.Workflows;

public sealed class CaseClocksTests
{
    private static readonly IsoDuration EightWeeks = IsoDuration.Parse("P8W");
    private static readonly IsoDuration SixWeeks = IsoDuration.Parse("P6W");

    [Fact]
    public void The_legal_term_is_start_plus_doorlooptijd()
    {
        // Received Monday 5 January 2026; eight weeks later is Monday 2 March.
        var clocks = new CaseClocks(new DateOnly(2026, 1, 5), EightWeeks, SixWeeks, SuspendedDays: 0, Extension: null);

        Assert.Equal(new DateOnly(2026, 3, 2), clocks.LegalDeadline);
        Assert.Equal(new DateOnly(2026, 2, 16), clocks.ServiceDeadline);
    }

    [Fact]
    public void A_legal_term_ending_on_a_holiday_moves_to_the_next_working_day()
    {
        // 19 March 2026 + 8 weeks = Thursday 14 May 2026, Hemelvaartsdag → Friday 15 May.
        var clocks = new CaseClocks(new DateOnly(2026, 3, 19), EightWeeks, null, 0, null);

        Assert.Equal(new DateOnly(2026, 5, 15), clocks.LegalDeadline);
        Assert.Null(clocks.ServiceDeadline);
    }

    [Fact]
    public void Opschorting_shifts_both_terms_by_the_days_suspended_then_applies_the_weekend_rule()
    {
        // Base end Monday 2 March; 12 days suspended → Saturday 14 March → Monday 16 March. Service: 16 Feb + 12 = 28 Feb.
        var clocks = new CaseClocks(new DateOnly(2026, 1, 5), EightWeeks, SixWeeks, SuspendedDays: 12, Extension: null);

        Assert.Equal(new DateOnly(2026, 3, 16), clocks.LegalDeadline);
        Assert.Equal(new DateOnly(2026, 2, 28), clocks.ServiceDeadline);
    }

    [Fact]
    public void Verlenging_moves_only_the_legal_term()
    {
        // 2 March + 6 weeks = Monday 13 April 2026, a working day.
        var clocks = new CaseClocks(new DateOnly(2026, 1, 5), EightWeeks, SixWeeks, 0, Extension: SixWeeks);

        Assert.Equal(new DateOnly(2026, 4, 13), clocks.LegalDeadline);
        Assert.Equal(new DateOnly(2026, 2, 16), clocks.ServiceDeadline);
    }

    [Fact]
    public void Opschorting_past_easter_and_koningsdag_lands_on_a_working_day()
    {
        // 9 Feb 2026 + 8 weeks = 6 April (Tweede Paasdag); with 0 extra days → Tuesday 7 April.
        var clocks = new CaseClocks(new DateOnly(2026, 2, 9), EightWeeks, null, 0, null);
        Assert.Equal(new DateOnly(2026, 4, 7), clocks.LegalDeadline);

        // Suspended 20 days: 6 April + 20 = Sunday 26 April → Monday 27 April is Koningsdag → Tuesday 28 April.
        var suspended = clocks with { SuspendedDays = 20 };
        Assert.Equal(new DateOnly(2026, 4, 28), suspended.LegalDeadline);
    }

    [Theory]
    [InlineData("P8W", "P8W", true)]
    [InlineData("P6W", "P8W", true)]
    [InlineData("P2M", "P8W", false)]
    [InlineData("P57D", "P8W", false)]
    public void An_extension_must_fit_within_the_verlengingstermijn(string extension, string allowed, bool fits) =>
        Assert.Equal(fits, CaseClocks.FitsWithin(IsoDuration.Parse(extension), IsoDuration.Parse(allowed), new DateOnly(2026, 1, 5)));
}
