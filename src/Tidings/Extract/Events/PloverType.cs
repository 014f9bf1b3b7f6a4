namespace Tidings.Extract.Events;

/// <summary>The 16 PLOVER event types (manual draft 0.8+), in the manual's order.</summary>
public enum PloverType
{
    AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST,
    ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT,
}

/// <summary>The four GDELT/PLOVER quad classes (GDELT's QuadClass numbering).</summary>
public enum QuadClass
{
    VerbalCooperation = 1,
    MaterialCooperation = 2,
    VerbalConflict = 3,
    MaterialConflict = 4,
}
