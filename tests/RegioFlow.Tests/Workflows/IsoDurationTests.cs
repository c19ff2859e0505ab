using RegioFlow.Workflows;

namespace RegioFlow.Tests.Workflows;

public sealed class IsoDurationTests
{
    [Theory]
    [InlineData("P8W", 0, 0, 8, 0, 0)]
    [InlineData("P1Y2M10D", 1, 2, 0, 10, 0)]
    [InlineData("PT30S", 0, 0, 0, 0, 30)]
    [InlineData("P1DT12H", 0, 0, 0, 1, 43200)]
    public void Parses_statutory_durations(string text, int years, int months, int weeks, int days, int seconds)
    {
        var duration = IsoDuration.Parse(text);

        Assert.Equal((years, months, weeks, days, TimeSpan.FromSeconds(seconds)), (duration.Years, duration.Months, duration.Weeks, duration.Days, duration.Time));
        Assert.Equal(duration, IsoDuration.Parse(duration.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("8W")]
    [InlineData("P8X")]
    [InlineData("P0D")]
    [InlineData("P-1D")]
    public void Refuses_what_is_not_a_positive_iso_8601_duration(string text) =>
        Assert.False(IsoDuration.TryParse(text, out _));
}
