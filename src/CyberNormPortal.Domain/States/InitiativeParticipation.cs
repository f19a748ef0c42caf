namespace CyberNormPortal.Domain.States;

/// <summary>
/// How a State takes part in the initiative: a member's approved entries publish directly,
/// a partner's wait for the secretariat's moderation.
/// </summary>
public enum InitiativeParticipation
{
    Partner,
    Member,
}
