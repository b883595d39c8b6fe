using DmaActors.Runtime.Time;

namespace DmaActors.Actors.Bus;

/// <summary>
/// Back-to-back bursts of one physical channel, granted at once because nobody else wanted the
/// bus (burst coalescing). Burst <c>i</c> occupies the bus from <c>Start + i × BurstNanoseconds</c>
/// for <see cref="BurstNanoseconds"/>, exactly as if each had been granted on its own; the train is
/// cut at the next burst boundary the moment anything else needs the arbiter.
/// </summary>
/// <param name="Start">Virtual time (ns) the first burst was granted.</param>
/// <param name="BurstNanoseconds">Bus time of one burst (its cycles plus the policy's per-grant overhead).</param>
/// <param name="Bursts">How many bursts the train holds.</param>
/// <param name="BurstBytes">Bytes per burst.</param>
public sealed record BurstTrain(long Start, long BurstNanoseconds, int Bursts, int BurstBytes)
{
    /// <summary>
    /// Bursts granted by now on <paramref name="clock"/>: the first at once, each later one at its
    /// start boundary, where per-burst arbitration would grant it when the previous burst's
    /// bus-free timer fires. At exactly a boundary, the burst counts once that timer would have
    /// fired (<see cref="IClock.HasFired"/>): a request arriving before it competes for that
    /// burst, an observer after it sees the burst granted.
    /// </summary>
    public int StartedBy(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        long elapsed = clock.NowNanoseconds - Start;
        if (elapsed <= 0) return 1;
        long before = (elapsed + BurstNanoseconds - 1) / BurstNanoseconds; // boundaries strictly before now, plus the first burst
        if (before < Bursts && elapsed % BurstNanoseconds == 0 && clock.HasFired(EndOf((int)before), EndOf((int)before - 1))) before++;
        return (int)Math.Clamp(before, 1, Bursts);
    }

    /// <summary>Virtual time the bus is free again after the first <paramref name="bursts"/> bursts.</summary>
    public long EndOf(int bursts) => Start + bursts * BurstNanoseconds;
}
