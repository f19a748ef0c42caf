namespace CyberNormPortal.Domain.Groups;

public sealed class GroupMembership
{
    private GroupMembership()
    {
    }

    internal GroupMembership(int groupId, string stateIso3)
    {
        GroupId = groupId;
        StateIso3 = stateIso3;
    }

    public int GroupId { get; private set; }

    public string StateIso3 { get; private set; } = "";
}
