using Akka.Actor;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.Mapping.Fences;

/// <summary>
/// A buffer's reservation object: one writer (exclusive) fence and any number of reader (shared)
/// fences, at most one per timeline. A reader waits for the writer; a writer waits for everyone (DB-11).
/// </summary>
/// <remarks>
/// Kernel: <c>struct dma_resv</c> (<c>drivers/dma-buf/dma-resv.c</c>), with the exclusive/shared
/// split of the older API (<c>dma_resv_add_excl_fence</c>/<c>dma_resv_add_shared_fence</c>) under
/// today's names (<c>dma_resv_add_fence()</c> with a usage). Deviation: an internal lock stands in for
/// <c>dma_resv_lock()</c>'s ww_mutex, so no caller-side locking is needed.
/// </remarks>
public sealed class DmaResv
{
    private readonly Lock _lock = new();
    private readonly List<DmaFence> _readers = [];
    private DmaFence? _writer;

    /// <summary>The writer fence, or null.</summary>
    public DmaFence? Writer { get { lock (_lock) return _writer; } }

    /// <summary>The reader fences.</summary>
    public IReadOnlyList<DmaFence> Readers { get { lock (_lock) return [.. _readers]; } }

    /// <summary>
    /// Adds <paramref name="fence"/> (taking a reference). A writer replaces the previous writer and
    /// drops the readers (it was ordered after them); a reader replaces an earlier reader of the same timeline.
    /// </summary>
    /// <param name="fence">The fence.</param>
    /// <param name="usage">Writer or reader.</param>
    /// <remarks>Kernel: <c>dma_resv_add_fence()</c>.</remarks>
    public void AddFence(DmaFence fence, DmaResvUsage usage)
    {
        ArgumentNullException.ThrowIfNull(fence);
        fence.Get();
        List<DmaFence> dropped = [];
        lock (_lock)
        {
            if (usage == DmaResvUsage.Write)
            {
                if (_writer is not null) dropped.Add(_writer);
                dropped.AddRange(_readers);
                _readers.Clear();
                _writer = fence;
            }
            else
            {
                int same = _readers.FindIndex(f => f.Context == fence.Context);
                if (same >= 0)
                {
                    dropped.Add(_readers[same]);
                    _readers[same] = fence;
                }
                else
                {
                    _readers.Add(fence);
                }
            }
        }
        foreach (var old in dropped) old.Put();
    }

    /// <summary>The fences a wait with <paramref name="usage"/> covers: the writer, plus the readers for <see cref="DmaResvUsage.Read"/>.</summary>
    /// <param name="usage">Which.</param>
    /// <remarks>Kernel: <c>dma_resv_for_each_fence()</c> / <c>dma_resv_get_fences()</c>.</remarks>
    public IReadOnlyList<DmaFence> GetFences(DmaResvUsage usage)
    {
        lock (_lock)
        {
            var fences = new List<DmaFence>();
            if (_writer is not null) fences.Add(_writer);
            if (usage == DmaResvUsage.Read) fences.AddRange(_readers);
            return fences;
        }
    }

    /// <summary>Whether every fence <paramref name="usage"/> covers has signalled.</summary>
    /// <param name="usage">Which.</param>
    /// <remarks>Kernel: <c>dma_resv_test_signaled()</c>.</remarks>
    public bool TestSignaled(DmaResvUsage usage) => GetFences(usage).All(f => f.IsSignaled);

    /// <summary>Waits (in world time) for every fence <paramref name="usage"/> covers; the time left, or null on timeout.</summary>
    /// <param name="system">The simulated system.</param>
    /// <param name="usage">Write for a reader (wait for the writer), Read for a writer (wait for all).</param>
    /// <param name="timeout">World time to wait at most.</param>
    /// <remarks>Kernel: <c>dma_resv_wait_timeout()</c>.</remarks>
    public Duration? WaitTimeout(ActorSystem system, DmaResvUsage usage, Duration timeout)
    {
        ArgumentNullException.ThrowIfNull(system);
        var clock = SimulatedWorld.Of(system).Clock;
        var deadline = clock.Now + timeout;
        foreach (var fence in GetFences(usage))
        {
            var left = deadline - clock.Now;
            if (fence.WaitTimeout(system, left > Duration.Zero ? left : Duration.Zero) is null) return null;
        }
        var remaining = deadline - clock.Now;
        return remaining > Duration.Zero ? remaining : Duration.FromNanoseconds(1);
    }

    /// <summary>Drops every fence (the buffer is going away).</summary>
    /// <remarks>Kernel: <c>dma_resv_fini()</c>.</remarks>
    public void Fini()
    {
        List<DmaFence> all;
        lock (_lock)
        {
            all = [.. _readers];
            if (_writer is not null) all.Add(_writer);
            _readers.Clear();
            _writer = null;
        }
        foreach (var fence in all) fence.Put();
    }
}
