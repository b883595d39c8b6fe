using Akka.Actor;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.Mapping.Fences;

/// <summary>
/// A point on a timeline that is signalled once, when some work (a DMA transfer) is done: waiters
/// wake, callbacks run, and the error status tells whether the work failed (DB-9). Waits run the
/// simulated world in its own time, never a real timer.
/// </summary>
/// <remarks>
/// Kernel: <c>struct dma_fence</c> (<c>drivers/dma-buf/dma-fence.c</c>): <c>dma_fence_init()</c>,
/// <c>dma_fence_signal()</c>, <c>dma_fence_set_error()</c>, <c>dma_fence_add_callback()</c>,
/// <c>dma_fence_wait_timeout()</c>, <c>dma_fence_get/put()</c>. Thread safety: one lock per fence
/// (the kernel's fence lock); callbacks run after it is released, on the signalling thread.
/// </remarks>
public sealed class DmaFence
{
    private static long s_contexts;

    private readonly Lock _lock = new();
    private readonly List<Action<DmaFence>> _callbacks = [];
    private int _refs = 1;

    /// <summary>Creates an unsignalled fence holding one reference.</summary>
    /// <param name="driverName">The driver that signals it (<c>get_driver_name</c>).</param>
    /// <param name="timelineName">Its timeline (<c>get_timeline_name</c>).</param>
    /// <param name="context">The timeline, from <see cref="ContextAlloc"/>.</param>
    /// <param name="seqno">Its position on the timeline.</param>
    /// <param name="debug">Where misuse is reported (DB-10); null for none.</param>
    /// <remarks>Kernel: <c>dma_fence_init()</c>.</remarks>
    public DmaFence(string driverName, string timelineName, ulong context, ulong seqno, DmaDebug? debug = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(driverName);
        ArgumentException.ThrowIfNullOrEmpty(timelineName);
        DriverName = driverName;
        TimelineName = timelineName;
        Context = context;
        Seqno = seqno;
        Debug = debug;
    }

    /// <summary>The signalling driver's name.</summary>
    public string DriverName { get; }

    /// <summary>The timeline's name.</summary>
    public string TimelineName { get; }

    /// <summary>The timeline id.</summary>
    /// <remarks>Kernel: <c>fence-&gt;context</c>.</remarks>
    public ulong Context { get; }

    /// <summary>Its position on the timeline.</summary>
    /// <remarks>Kernel: <c>fence-&gt;seqno</c>.</remarks>
    public ulong Seqno { get; }

    /// <summary>Whether it was signalled.</summary>
    /// <remarks>Kernel: <c>dma_fence_is_signaled()</c>.</remarks>
    public bool IsSignaled { get { lock (_lock) return Timestamp is not null; } }

    /// <summary>The error set before signalling (a negative errno), or 0.</summary>
    /// <remarks>Kernel: <c>dma_fence_get_status()</c> once signalled (1 there means success; here 0).</remarks>
    public int Error { get; private set; }

    /// <summary>When it was signalled, in the world's time, or null.</summary>
    /// <remarks>Kernel: <c>fence-&gt;timestamp</c>.</remarks>
    public Duration? Timestamp { get; private set; }

    /// <summary>Whether a DMA transfer was set to signal it (<see cref="Arm"/>): then never signalling it is a bug (DB-10).</summary>
    public bool IsArmed { get; private set; }

    internal DmaDebug? Debug { get; }

    /// <summary>A fresh block of <paramref name="count"/> timeline ids.</summary>
    /// <param name="count">How many.</param>
    /// <remarks>Kernel: <c>dma_fence_context_alloc()</c>.</remarks>
    public static ulong ContextAlloc(int count = 1) => (ulong)(Interlocked.Add(ref s_contexts, count) - count + 1);

    /// <summary>Marks the fence as signalled by a transfer in flight (DB-10).</summary>
    public void Arm()
    {
        lock (_lock) IsArmed = true;
    }

    /// <summary>Takes a reference.</summary>
    /// <returns>This fence.</returns>
    /// <remarks>Kernel: <c>dma_fence_get()</c>.</remarks>
    public DmaFence Get()
    {
        lock (_lock)
        {
            if (_refs == 0) throw new DmaMappingException("EINVAL", "DB-9", $"dma_fence_get({this}): the fence was already released.");
            _refs++;
            return this;
        }
    }

    /// <summary>Drops a reference; at the last one an unsignalled fence with callbacks or a transfer behind it is reported and signalled with -EDEADLK (DB-10).</summary>
    /// <remarks>Kernel: <c>dma_fence_put()</c> → <c>dma_fence_release()</c> ("released with pending signals").</remarks>
    public void Put()
    {
        bool pending;
        lock (_lock)
        {
            if (_refs == 0) throw new DmaMappingException("EINVAL", "DB-9", $"dma_fence_put({this}): the fence was already released.");
            if (--_refs > 0) return;
            pending = Timestamp is null && (IsArmed || _callbacks.Count > 0);
        }
        if (!pending) return;
        Debug?.ReportFence(this, $"Fence {DriverName}:{TimelineName}:{Context:x}:{Seqno:x} released with pending signals!");
        SetError(-35); // -EDEADLK, as dma_fence_release() does
        Signal();
    }

    /// <summary>Records why the work failed; only before signalling, and only a negative errno (DB-9).</summary>
    /// <param name="error">A negative errno (-EIO, -ECANCELED...).</param>
    /// <remarks>Kernel: <c>dma_fence_set_error()</c> (a WARN otherwise).</remarks>
    public void SetError(int error)
    {
        lock (_lock)
        {
            if (Timestamp is not null)
                throw new DmaMappingException("EINVAL", "DB-9", $"dma_fence_set_error({this}, {error}): the fence is already signalled; the error must be set before dma_fence_signal().");
            if (error >= 0 || error < -4095)
                throw new DmaMappingException("EINVAL", "DB-9", $"dma_fence_set_error({this}, {error}): the error must be a negative errno.");
            Error = error;
        }
    }

    /// <summary>Signals the fence now (time 0 when no time is given); false when it already was (DB-9).</summary>
    /// <param name="timestamp">The world's time of the signal.</param>
    /// <returns>False (the kernel's -EINVAL) if already signalled.</returns>
    /// <remarks>Kernel: <c>dma_fence_signal()</c> / <c>dma_fence_signal_timestamp()</c>.</remarks>
    public bool Signal(Duration? timestamp = null)
    {
        List<Action<DmaFence>> callbacks;
        lock (_lock)
        {
            if (Timestamp is not null) return false;
            Timestamp = timestamp ?? Duration.Zero;
            callbacks = [.. _callbacks];
            _callbacks.Clear();
        }
        foreach (var callback in callbacks) callback(this);
        return true;
    }

    /// <summary>Runs <paramref name="callback"/> once when the fence signals; false (the kernel's -ENOENT, callback not added) when it already has.</summary>
    /// <param name="callback">Runs on the signalling thread; must not block.</param>
    /// <remarks>Kernel: <c>dma_fence_add_callback()</c>.</remarks>
    public bool AddCallback(Action<DmaFence> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_lock)
        {
            if (Timestamp is not null) return false;
            _callbacks.Add(callback);
            return true;
        }
    }

    /// <summary>Removes a callback not yet run; false when it had already run or was never added.</summary>
    /// <param name="callback">As added.</param>
    /// <remarks>Kernel: <c>dma_fence_remove_callback()</c>.</remarks>
    public bool RemoveCallback(Action<DmaFence> callback)
    {
        lock (_lock) return _callbacks.Remove(callback);
    }

    /// <summary>
    /// Runs <paramref name="system"/>'s world until the fence signals or <paramref name="timeout"/> of
    /// world time passes. Returns the time left (at least 1 ns), or null on timeout. When the world
    /// goes idle with an armed fence unsignalled, nothing can ever signal it: that is reported (DB-10).
    /// </summary>
    /// <param name="system">A simulated actor system (never called from inside it).</param>
    /// <param name="timeout">World time to wait at most.</param>
    /// <remarks>Kernel: <c>dma_fence_wait_timeout()</c>.</remarks>
    public Duration? WaitTimeout(ActorSystem system, Duration timeout)
    {
        ArgumentNullException.ThrowIfNull(system);
        var world = SimulatedWorld.Of(system);
        var start = world.Clock.Now;
        var outcome = world.RunUntil(() => IsSignaled, timeout);
        if (IsSignaled)
        {
            var left = timeout - (world.Clock.Now - start);
            return left > Duration.Zero ? left : Duration.FromNanoseconds(1);
        }
        if (outcome == RunOutcome.Idle && IsArmed)
            Debug?.ReportFence(this, $"fence {DriverName}:{TimelineName}:{Context:x}:{Seqno:x} will never be signalled: its transfer can no longer complete (was the channel terminated without signalling it with an error?)");
        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{DriverName}:{TimelineName}:{Context}:{Seqno}";
}
