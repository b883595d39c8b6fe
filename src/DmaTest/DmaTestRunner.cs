using DmaActors.Actors.Memory;
using DmaActors.Api;

namespace DmaActors.DmaTest;

/// <summary>
/// Runs the kernel's dmatest on an engine: takes channels (T-2), adds and starts threads (T-3),
/// runs them (T-5..T-15), releases the channels, and returns what happened.
/// </summary>
/// <remarks>
/// Kernel: <c>drivers/dma/dmatest.c</c>, one <c>echo 1 &gt; run</c> followed by <c>cat wait</c>.
/// The kernel's threads run in parallel; here each thread is a sequential loop and the threads run
/// one after the other (channels in the order added, threads in index order), so each thread's
/// runtime is the time of its own transfers and a run is reproducible for a given
/// <see cref="DmaTestParameters.Seed"/>. Every transfer is synchronous (the thread waits for it), as
/// in the kernel.
/// </remarks>
public static class DmaTestRunner
{
    /// <summary>Kernel: <c>pr_fmt</c> of dmatest (<c>KBUILD_MODNAME ": "</c>).</summary>
    public const string Prefix = "dmatest: ";

    /// <summary>Runs dmatest with <paramref name="p"/> on <paramref name="engine"/>, writing the kernel's log lines to <paramref name="log"/>.</summary>
    /// <param name="engine">The engine whose channels are tested.</param>
    /// <param name="p">The parameters.</param>
    /// <param name="log">Receives every line, "dmatest: " prefix included.</param>
    /// <returns>The channels, the threads' results and the lines.</returns>
    /// <exception cref="ArgumentException">Parameters the simulator cannot run (see <see cref="DmaTestParameters.Validate"/>), or buffers that do not fit in RAM.</exception>
    public static DmaTestResult Run(DmaEngine engine, DmaTestParameters p, TextWriter log) => Run(engine, p, log, null);

    /// <summary>As <see cref="Run(DmaEngine, DmaTestParameters, TextWriter)"/>, with observation hooks.</summary>
    /// <param name="engine">The engine whose channels are tested.</param>
    /// <param name="p">The parameters.</param>
    /// <param name="log">Receives every line.</param>
    /// <param name="hooks">Hooks, or null.</param>
    /// <returns>The channels, the threads' results and the lines.</returns>
    /// <exception cref="ArgumentException">Parameters the simulator cannot run, or buffers that do not fit in RAM.</exception>
    public static DmaTestResult Run(DmaEngine engine, DmaTestParameters p, TextWriter log, DmaTestHooks? hooks)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(log);
        if (p.Validate() is { } problem) throw new ArgumentException($"dmatest: {problem}.", nameof(p));
        var sink = new DmaTestLog(log);
        if (p.Channel.Length == 0) sink.Info("No channels configured, continue with any");

        // T-2, T-4: take channels type by type; NO_ORDER devices force polled off.
        var channels = new List<(DmaChan Chan, List<DmaCapMask> Types)>();
        bool polled = p.Polled;
        foreach (var type in new[] { DmaCapMask.Memcpy, DmaCapMask.Memset })
        {
            while (engine.RequestChannel(type, Filter, p) is { } chan)
            {
                if ((chan.Device.CapMask & DmaCapMask.CompletionNoOrder) != 0 && polled)
                {
                    polled = false;
                    sink.Info("DMA_COMPLETION_NO_ORDER, polled disabled");
                }
                var types = new List<DmaCapMask>();
                if ((chan.Device.CapMask & DmaCapMask.Memcpy) != 0 && p.Dmatest == 0) types.Add(DmaCapMask.Memcpy);
                if ((chan.Device.CapMask & DmaCapMask.Memset) != 0 && p.Dmatest == 1) types.Add(DmaCapMask.Memset);
                channels.Add((chan, types));
                sink.Info($"Added {types.Count * p.ThreadsPerChan} threads using {chan.Name}");
                if (p.MaxChannels != 0 && channels.Count >= p.MaxChannels) break;
            }
        }

        var setup = new DmaTestSetup(p, sink, hooks, polled);
        var results = new List<DmaTestThreadResult>();
        string? errno = null;
        try
        {
            if (channels.Count == 0 && p.Channel.Length != 0)
            {
                // T-4: the channel write failed with -EBUSY, so run refuses.
                errno = "EBUSY";
                sink.Info("Channel misconfigured, can't continue");
            }
            else
            {
                var threads = CreateThreads(engine, channels, setup);
                foreach (var (chan, _) in channels)
                    sink.Info($"Started {threads.Count(t => t.Chan == chan)} threads using {chan.Name}");
                foreach (var (_, thread) in threads) results.Add(thread.Run());
            }
        }
        finally
        {
            // Channel cleanup: terminate_sync, then release (T-9).
            foreach (var (chan, _) in channels) Release(engine, chan);
        }
        return new DmaTestResult
        {
            Channels = [.. channels.Select(c => c.Chan.Name)],
            Threads = results,
            Lines = sink.Lines,
            Errno = errno,
        };
    }

    /// <summary>Kernel: <c>filter()</c>: channel-name and device-name match, "" matching any (T-2).</summary>
    private static bool Filter(DmaChan chan, object? param)
    {
        var p = (DmaTestParameters)param!;
        if (p.Channel.Length != 0 && chan.Name != p.Channel) return false;
        return p.Device.Length == 0 || chan.Device.Dev == p.Device;
    }

    /// <summary>Kernel: <c>dmatest_add_threads()</c> for every channel, with two buffers per thread placed in RAM.</summary>
    private static List<(DmaChan Chan, DmaTestThread Thread)> CreateThreads(DmaEngine engine, List<(DmaChan Chan, List<DmaCapMask> Types)> channels, DmaTestSetup setup)
    {
        var p = setup.Params;
        int count = channels.Sum(c => c.Types.Count) * p.ThreadsPerChan;
        ulong stride = ((ulong)p.TestBufSize + PhysicalMemory.PageSize - 1) / PhysicalMemory.PageSize * PhysicalMemory.PageSize;
        ulong bytes = stride * 2 * (ulong)count;
        ulong baseAddress = p.BufferBase ?? TopOfRam(engine.Memory, bytes);
        if (count > 0 && !engine.Memory.IsRam(baseAddress, (long)bytes))
            throw new ArgumentException($"dmatest: {count} threads need {bytes} bytes of RAM for their buffers at 0x{baseAddress:x}, which is not all RAM. Set BufferBase or a smaller test_buf_size.", nameof(engine));
        var threads = new List<(DmaChan, DmaTestThread)>();
        ulong next = baseAddress;
        foreach (var (chan, types) in channels)
        {
            foreach (var type in types)
            {
                for (int i = 0; i < p.ThreadsPerChan; i++)
                {
                    threads.Add((chan, new DmaTestThread(engine, chan, type, i, setup, next, next + stride)));
                    next += 2 * stride;
                }
            }
        }
        return threads;
    }

    /// <summary>The highest page-aligned address at which <paramref name="bytes"/> fit in the highest RAM region.</summary>
    private static ulong TopOfRam(PhysicalMemory memory, ulong bytes)
    {
        var region = memory.Regions.MaxBy(r => r.Base);
        if (bytes > region.Size) return region.Base;
        ulong top = region.Base + region.Size - bytes;
        return top / PhysicalMemory.PageSize * PhysicalMemory.PageSize;
    }

    private static void Release(DmaEngine engine, DmaChan chan)
    {
        try
        {
            chan.TerminateSync();
        }
        catch (DmaException)
        {
            // A device without terminate_all: release still synchronizes.
        }
        engine.ReleaseChannel(chan);
    }
}
