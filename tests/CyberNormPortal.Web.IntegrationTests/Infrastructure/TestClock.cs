namespace CyberNormPortal.Web.IntegrationTests.Infrastructure;

/// <summary>A clock the test moves by hand, to put a session hours into the future without waiting.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
