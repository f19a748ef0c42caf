using CyberNormPortal.Domain.Groups;

namespace CyberNormPortal.Domain.Tests.Groups;

public sealed class GroupTests
{
    [Fact]
    public void AddMember_TwiceForTheSameState_KeepsOneMembership()
    {
        var group = new Group("g7", "Group of Seven", "G7");

        Assert.True(group.AddMember("FRA"));
        Assert.False(group.AddMember("FRA"));
        Assert.True(group.AddMember("JPN"));

        Assert.Equal(["FRA", "JPN"], group.Memberships.Select(m => m.StateIso3));
    }

    [Fact]
    public void RemoveMember_MemberAndNonMember_RemovesOnlyTheMember()
    {
        var group = new Group("g7", "Group of Seven", "G7");
        group.AddMember("FRA");
        group.AddMember("JPN");

        Assert.True(group.RemoveMember("FRA"));
        Assert.False(group.RemoveMember("FRA"));

        Assert.Equal(["JPN"], group.Memberships.Select(m => m.StateIso3));
    }
}
