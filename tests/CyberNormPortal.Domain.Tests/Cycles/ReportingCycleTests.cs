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

    [Fact]
    public void Update_ClosingBeforeOpening_IsRefusedAndKeepsTheDates()
    {
        var cycle = new ReportingCycle("c", "Cycle", new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31), null, isOpen: true);

        Assert.Throws<DomainException>(() => cycle.Update("c", "Cycle", new DateOnly(2021, 2, 1), new DateOnly(2021, 1, 1), null, isOpen: true));

        Assert.Equal(new DateOnly(2020, 1, 1), cycle.OpensOn);
        Assert.Equal(new DateOnly(2020, 12, 31), cycle.ClosesOn);
    }

    [Fact]
    public void Update_SameValues_ReportsNoChange()
    {
        var cycle = new ReportingCycle("c", "Cycle", new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31), 3, isOpen: true);

        Assert.False(cycle.Update("c", "Cycle", new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31), 3, isOpen: true));
        Assert.True(cycle.Update("c-2021", "Cycle 2021", new DateOnly(2021, 1, 1), new DateOnly(2021, 1, 1), null, isOpen: false));

        Assert.Equal("c-2021", cycle.Slug);
        Assert.Null(cycle.ScopeGroupId);
        Assert.False(cycle.IsOpen);
    }
}
