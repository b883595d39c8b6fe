namespace DmaActors.Actors.Devices;

/// <summary>
/// A deterministic byte stream for checking data end to end: byte <c>k</c> of the stream with
/// seed <c>s</c> is a hash of (s, k), so any byte can be computed on its own, in O(1), by the
/// device that puts it on the wire and by the test that finds it in memory. With a
/// <see cref="Period"/> the stream repeats (a cyclic buffer prefilled once and replayed).
/// </summary>
/// <remarks>
/// The hash is SplitMix64's finaliser: neighbouring indices give unrelated bytes, so a byte that
/// is lost, duplicated or reordered shows up as a mismatch (a counter would hide a shift by 256).
/// </remarks>
public sealed class DataPattern
{
    private readonly ulong _mixedSeed;

    /// <summary>Creates the stream for <paramref name="seed"/>, repeating every <paramref name="period"/> bytes (0: never).</summary>
    public DataPattern(ulong seed, long period = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(period);
        Seed = seed;
        Period = period;
        _mixedSeed = Mix(seed ^ 0xD1B5_4A32_D192_ED03UL);
    }

    /// <summary>The seed.</summary>
    public ulong Seed { get; }

    /// <summary>Bytes after which the stream repeats; 0 for a stream that never does.</summary>
    public long Period { get; }

    /// <summary>Byte <paramref name="index"/> (0-based) of the stream.</summary>
    public byte At(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (Period > 0) index %= Period;
        return (byte)(Mix(_mixedSeed + ((ulong)index * 0x9E37_79B9_7F4A_7C15UL)) >> 56);
    }

    /// <summary>Writes bytes <paramref name="start"/>, <paramref name="start"/> + 1, … into <paramref name="destination"/>.</summary>
    public void Fill(long start, Span<byte> destination)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = At(start + i);
    }

    /// <summary><paramref name="count"/> bytes of the stream from <paramref name="start"/>.</summary>
    public byte[] Bytes(long start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var bytes = new byte[count];
        Fill(start, bytes);
        return bytes;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }
}
