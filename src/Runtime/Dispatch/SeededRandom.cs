namespace DmaActors.Runtime.Dispatch;

/// <summary>
/// SplitMix64: a tiny generator whose sequence for a seed is fixed by this file alone, so a
/// schedule replays identically on any runtime version (System.Random promises no such thing).
/// </summary>
internal sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        // Multiply-shift (Lemire) maps 32 random bits onto the range without a division.
        return (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);
    }
}
