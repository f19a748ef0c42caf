namespace CyberNormPortal.Domain.Synthesis;

/// <summary>
/// The curated lead paragraph a moderator writes for one norm in one scope (group and cycle),
/// such as "G7 countries have taken a number of steps to …".
/// </summary>
public sealed class SynthesisStatement
{
    private SynthesisStatement()
    {
    }

    public SynthesisStatement(int normNumber, int? groupId, int? cycleId, string text, DateTimeOffset updatedAt)
    {
        NormNumber = normNumber;
        GroupId = groupId;
        CycleId = cycleId;
        Text = text;
        UpdatedAt = updatedAt;
    }

    public int Id { get; private set; }

    public int NormNumber { get; private set; }

    /// <summary>The group the statement speaks for; null for all States.</summary>
    public int? GroupId { get; private set; }

    /// <summary>The cycle it sums up; null for all cycles.</summary>
    public int? CycleId { get; private set; }

    public string Text { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool UpdateText(string text, DateTimeOffset updatedAt)
    {
        if (Text == text)
        {
            return false;
        }

        Text = text;
        UpdatedAt = updatedAt;
        return true;
    }
}
