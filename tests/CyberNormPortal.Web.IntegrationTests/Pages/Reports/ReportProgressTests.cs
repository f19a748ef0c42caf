using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Reports;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Reports;

/// <summary>The one rule of a State's progress in a cycle, over every status, before and after closing.</summary>
public sealed class ReportProgressTests
{
    private static readonly DateOnly ClosesOn = new(2027, 3, 31);

    [Theory]
    [InlineData(null, false, ReportProgress.NotStarted, ReportProgress.Late)]
    [InlineData(EntryStatus.Draft, false, ReportProgress.Draft, ReportProgress.Late)]
    [InlineData(EntryStatus.Withdrawn, false, ReportProgress.Draft, ReportProgress.Late)]
    [InlineData(EntryStatus.Submitted, false, ReportProgress.InReview, ReportProgress.Late)]
    [InlineData(EntryStatus.AwaitingModeration, false, ReportProgress.Submitted, ReportProgress.Submitted)]
    [InlineData(EntryStatus.Published, true, ReportProgress.Published, ReportProgress.Published)]
    [InlineData(EntryStatus.Draft, true, ReportProgress.Published, ReportProgress.Published)]
    [InlineData(EntryStatus.Submitted, true, ReportProgress.Published, ReportProgress.Published)]
    [InlineData(EntryStatus.AwaitingModeration, true, ReportProgress.Published, ReportProgress.Published)]
    public void Progress_BeforeAndAfterClosing(EntryStatus? status, bool published, ReportProgress onClosingDay, ReportProgress dayAfter)
    {
        var facts = new ReportFacts(status, published, SignedOffLate: false);

        Assert.Equal(onClosingDay, ReportProgressRule.Of(facts, ClosesOn, ClosesOn));
        Assert.Equal(dayAfter, ReportProgressRule.Of(facts, ClosesOn, ClosesOn.AddDays(1)));
        Assert.Equal(dayAfter is ReportProgress.Submitted or ReportProgress.Published, ReportProgressRule.HasSubmitted(dayAfter));
    }

    [Fact]
    public void SubmittedLate_IsMarkedOnlyOnceSignedOff()
    {
        var late = new ReportFacts(EntryStatus.AwaitingModeration, false, SignedOffLate: true);
        var returnedAfterLateSignOff = new ReportFacts(EntryStatus.Draft, false, SignedOffLate: true);

        Assert.True(ReportProgressRule.IsLate(late, ReportProgressRule.Of(late, ClosesOn, ClosesOn.AddDays(3))));
        Assert.False(ReportProgressRule.IsLate(returnedAfterLateSignOff, ReportProgressRule.Of(returnedAfterLateSignOff, ClosesOn, ClosesOn.AddDays(3))));
    }
}
