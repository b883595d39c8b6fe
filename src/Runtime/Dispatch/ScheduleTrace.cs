using System.Text;

namespace DmaActors.Runtime.Dispatch;

/// <summary>
/// The record of a deterministic run: every step feeds a running fingerprint (so two runs compare
/// in O(1)), and the last <see cref="Capacity"/> steps are kept for the failure report.
/// </summary>
/// <remarks>Written only by the thread that drives the deterministic dispatcher.</remarks>
public sealed class ScheduleTrace
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    private readonly TraceStep[] _ring;
    private ulong _fingerprint = FnvOffset;

    internal ScheduleTrace(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _ring = new TraceStep[capacity];
    }

    private ScheduleTrace(TraceStep[] ring, long steps, ulong fingerprint)
    {
        _ring = ring;
        Steps = steps;
        _fingerprint = fingerprint;
    }

    /// <summary>A copy as of now, which later steps (the system's shutdown, say) do not change.</summary>
    public ScheduleTrace Snapshot() => new((TraceStep[])_ring.Clone(), Steps, _fingerprint);

    /// <summary>How many steps the report keeps.</summary>
    public int Capacity => _ring.Length;

    /// <summary>Steps taken so far.</summary>
    public long Steps { get; private set; }

    /// <summary>A 64-bit FNV-style hash over every step's actor, message type and time (each name hashed by FNV-1a): equal runs have equal fingerprints.</summary>
    public ulong Fingerprint => _fingerprint;

    internal void Add(long timeNanoseconds, string actorPath, string messageType) =>
        Add(timeNanoseconds, actorPath, HashOf(actorPath), messageType, HashOf(messageType));

    /// <summary>Records a step whose names' hashes (<see cref="HashOf"/>) the caller has kept: the hot path hashes no string.</summary>
    internal void Add(long timeNanoseconds, string actorPath, ulong actorPathHash, string messageType, ulong messageTypeHash)
    {
        Steps++;
        _ring[(int)((Steps - 1) % _ring.Length)] = new TraceStep(Steps, timeNanoseconds, actorPath, messageType);
        MixValue(actorPathHash);
        MixValue(messageTypeHash);
        MixValue((ulong)timeNanoseconds);
    }

    /// <summary>The FNV-1a hash of <paramref name="text"/>: a function of the text alone, the same in every process.</summary>
    internal static ulong HashOf(string text)
    {
        ulong hash = FnvOffset;
        foreach (char c in text) hash = (hash ^ c) * FnvPrime;
        return hash;
    }

    /// <summary>The kept steps, oldest first.</summary>
    public IReadOnlyList<TraceStep> Tail()
    {
        int kept = (int)Math.Min(Steps, _ring.Length);
        var result = new TraceStep[kept];
        for (int i = 0; i < kept; i++) result[i] = _ring[(int)((Steps - kept + i) % _ring.Length)];
        return result;
    }

    /// <summary>The last <paramref name="count"/> steps, one a line.</summary>
    public string Format(int count = 50)
    {
        var tail = Tail();
        var sb = new StringBuilder();
        int from = Math.Max(0, tail.Count - count);
        if (from > 0 || Steps > tail.Count) sb.Append("  ... ").Append(Steps - (tail.Count - from)).AppendLine(" earlier steps");
        for (int i = from; i < tail.Count; i++) sb.Append("  ").Append(tail[i].ToString()).AppendLine();
        return sb.ToString();
    }

    private void MixValue(ulong value)
    {
        _fingerprint = (_fingerprint ^ value) * FnvPrime;
    }
}
