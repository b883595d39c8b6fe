namespace DmaActors.Runtime;

/// <summary>How a drive of a simulated world (<see cref="SimulatedWorld.RunUntil"/>) ended.</summary>
public enum RunOutcome
{
    /// <summary>The condition became true.</summary>
    ConditionMet,

    /// <summary>The time limit passed first.</summary>
    TimedOut,

    /// <summary>No actor has work and no timer is pending: nothing can ever make the condition true.</summary>
    Idle,
}
