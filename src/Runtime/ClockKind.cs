namespace DmaActors.Runtime;

/// <summary>Which clock the system keeps time with.</summary>
public enum ClockKind
{
    /// <summary>Simulated nanoseconds that move only when no actor has work.</summary>
    Virtual,

    /// <summary>Wall time.</summary>
    Real,
}
