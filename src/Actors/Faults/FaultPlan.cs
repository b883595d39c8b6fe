using DmaActors.Actors.Memory;

namespace DmaActors.Actors.Faults;

/// <summary>
/// Bus errors on demand: at address ranges, or at random with a seeded probability. Consulted by
/// a physical channel before every memory access of a burst; a hit makes the burst fail with a
/// read or write error, and the descriptor ends with DMA_TRANS_READ_FAILED or _WRITE_FAILED.
/// </summary>
/// <remarks>
/// Thread-safe (one lock): channels on the thread pool consult it concurrently. Under the
/// deterministic dispatcher the order of consultations, and so every random outcome, is fixed by
/// the seeds.
/// </remarks>
public sealed class FaultPlan
{
    private readonly Lock _gate = new();
    private readonly List<(ulong Start, ulong End, bool Write)> _ranges = [];
    private readonly Random _random;
    private double _readProbability;
    private double _writeProbability;

    /// <summary>Creates an empty plan whose random faults follow <paramref name="seed"/>.</summary>
    public FaultPlan(int seed = 1) => _random = new Random(seed);

    /// <summary>How many faults the plan has caused.</summary>
    public long FaultsInjected { get; private set; }

    /// <summary>Reads touching [<paramref name="address"/>, +<paramref name="length"/>) fail.</summary>
    public FaultPlan FailReads(ulong address, ulong length) => AddRange(address, length, write: false);

    /// <summary>Writes touching [<paramref name="address"/>, +<paramref name="length"/>) fail.</summary>
    public FaultPlan FailWrites(ulong address, ulong length) => AddRange(address, length, write: true);

    /// <summary>Each burst's read fails with probability <paramref name="probability"/>.</summary>
    public FaultPlan FailReadsRandomly(double probability)
    {
        lock (_gate) _readProbability = Probability(probability);
        return this;
    }

    /// <summary>Each burst's write fails with probability <paramref name="probability"/>.</summary>
    public FaultPlan FailWritesRandomly(double probability)
    {
        lock (_gate) _writeProbability = Probability(probability);
        return this;
    }

    /// <summary>Whether an access of <paramref name="length"/> bytes at <paramref name="address"/> faults.</summary>
    public BusStatus Check(ulong address, long length, bool write)
    {
        lock (_gate)
        {
            bool hit = _ranges.Any(r => r.Write == write && address < r.End && address + (ulong)length > r.Start)
                || (write ? _writeProbability : _readProbability) is > 0 and var p && _random.NextDouble() < p;
            if (!hit) return BusStatus.Ok;
            FaultsInjected++;
            return write ? BusStatus.WriteError : BusStatus.ReadError;
        }
    }

    private FaultPlan AddRange(ulong address, ulong length, bool write)
    {
        ArgumentOutOfRangeException.ThrowIfZero(length);
        lock (_gate) _ranges.Add((address, address + length, write));
        return this;
    }

    private static double Probability(double p) =>
        p is >= 0 and <= 1 ? p : throw new ArgumentOutOfRangeException(nameof(p), p, "A probability is between 0 and 1.");
}
