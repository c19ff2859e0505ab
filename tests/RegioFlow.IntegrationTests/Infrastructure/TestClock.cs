namespace RegioFlow.IntegrationTests.Infrastructure;

/// <summary>
/// The app's clock in tests: set to a fixed instant before each test and moved forward by the test. (FakeTimeProvider
/// cannot be set back, and the suite shares one app.) Only GetUtcNow is faked; timers still run on the system clock.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTimeOffset now) => _now = now;

    public void Advance(TimeSpan by) => _now += by;
}
