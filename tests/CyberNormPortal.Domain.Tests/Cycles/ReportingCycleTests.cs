using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Cycles;

namespace CyberNormPortal.Domain.Tests.Cycles;

public sealed class ReportingCycleTests
{
    [Fact]
    public void Cycle_ThatClosesBeforeItOpens_IsRefused()
    {
        Assert.Throws<DomainException>(() =>
            new ReportingCycle("c", "Cycle", new DateOnly(2020, 2, 1), new DateOnly(2020, 1, 1), null, isOpen: true));
    }

    [Fact]
    public void Cycle_WithoutAScopeGroup_AsksEveryState()
    {
        var cycle = new ReportingCycle("c", "Cycle", new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31), null, isOpen: true);

        Assert.Null(cycle.ScopeGroupId);
        Assert.True(cycle.IsOpen);
    }
}
