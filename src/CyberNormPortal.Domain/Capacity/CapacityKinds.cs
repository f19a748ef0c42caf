namespace CyberNormPortal.Domain.Capacity;

/// <summary>Which side of capacity building an item stands on: what a State needs, or what a State or organisation offers.</summary>
public enum CapacitySide
{
    Need,
    Offer,
}

/// <summary>The kind of help a need asks for or an offer gives.</summary>
public enum KindOfHelp
{
    Training,
    TechnicalAssistance,
    LegislativeDrafting,
    Exercises,
    Equipment,
    Mentoring,
    Other,
}

/// <summary>
/// Where a match between a need and an offer stands. A match exists once one side has expressed interest; the
/// secretariat introduces the two sides when both have, and follows it to its outcome.
/// </summary>
public enum MatchStatus
{
    /// <summary>One or both sides have expressed interest; the secretariat has not introduced them yet.</summary>
    Open,

    /// <summary>Introduced: the two sides are talking.</summary>
    InDiscussion,

    Agreed,

    UnderWay,

    Delivered,

    /// <summary>Ended, with a reason (and, after delivery, an outcome note).</summary>
    Closed,
}

/// <summary>A step on a match.</summary>
public enum MatchAction
{
    /// <summary>A side consents to be introduced to the other.</summary>
    ExpressInterest,

    /// <summary>The secretariat introduces the two sides: one e-mail to both, only once both consented.</summary>
    Introduce,

    Agree,

    StartWork,

    /// <summary>Needs an outcome note.</summary>
    Deliver,

    /// <summary>Needs a reason.</summary>
    Close,
}

/// <summary>Whom an actor speaks for on a match: the need's State, the offer's State or organisation, the secretariat.</summary>
[Flags]
public enum MatchParty
{
    None = 0,
    NeedSide = 1,
    OfferSide = 2,
    Secretariat = 4,
}
