namespace DmaActors.Runtime.Time;

/// <summary>What <see cref="VirtualClock.TryFireNext"/> did.</summary>
internal enum FireResult
{
    /// <summary>Moved time to the earliest timer due and ran it.</summary>
    Fired,

    /// <summary>No timer is due by the limit; time was left alone.</summary>
    NoneDue,

    /// <summary>A timer is due, but something is in flight, so time may not move now: try again at quiescence.</summary>
    Busy,
}
