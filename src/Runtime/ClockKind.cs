namespace DmaActors.Runtime;

/// <summary>Which clock a simulated world keeps time with.</summary>
public enum ClockKind
{
    /// <summary>Simulated nanoseconds that move only when no actor has work.</summary>
    Virtual,

    /// <summary>Wall time (Akka's own scheduler; nanosecond timers on the .NET timer queue).</summary>
    Real,
}
