using System.Diagnostics;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Memory;
using static DmaActors.Benchmarks.ReportConsole;

namespace DmaActors.Benchmarks;

/// <summary>
/// <c>idle-vchans [channels]</c>: the heap kept per idle virtual channel, next to the baseline of
/// as many idle bare actors. The channels are one controller's: <see cref="DmaController.Start"/>
/// with <see cref="ControllerConfig.VirtualChannels"/> = N on <see cref="PhysicalChannels"/>
/// physical ones. A controller makes a virtual channel's actors only when the channel is first
/// opened, so two figures: per idle channel never opened (its name and its slots in the
/// controller's tables), and per idle channel opened once (<see cref="DmaController.Open"/>) and
/// never used: two actors (the channel and its completion tasklet), its port, descriptor lists
/// and state, so the ratio of that to one bare actor is at least 2. Every figure comes from the
/// same kind of system (our counting thread pool on the virtual clock, where controllers run) and
/// the same measurement (<see cref="RetainedHeap.Settle"/> after minus before, over the count),
/// the baseline from <see cref="IdleMemoryReport.MeasureBareActors"/>.
/// </summary>
internal static class IdleVirtualChannelsReport
{
    public const string Command = "idle-vchans";

    private const int PhysicalChannels = 8;
    private const int WarmUpChannels = 1000;
    private const ulong Ram = 0x8000_0000;

    public static int Run(string[] args)
    {
        int count = Count(args, 1_000_000);
        Header(Command, $"{count:N0} idle virtual channels on one controller ({PhysicalChannels} physical) against {count:N0} idle actors, on {ActorRuntime.CountingPool}");
        double perActor = IdleMemoryReport.MeasureBareActors(ActorRuntime.CountingPool, count);
        var (neverOpened, opened) = MeasureChannels(count);
        Console.WriteLine();
        Print($"B per idle virtual channel, never opened:  {neverOpened,8:F1}");
        Print($"B per idle virtual channel, opened once:   {opened,8:F1}");
        Print($"B per idle actor (bare):                   {perActor,8:F1}");
        Print($"ratio never opened / actor:                {neverOpened / perActor,8:F2}");
        Print($"ratio opened / actor:                      {opened / perActor,8:F2}");
        return 0;
    }

    /// <summary>
    /// Starts one controller with <paramref name="count"/> virtual channels, measures the bytes each
    /// keeps, then opens every one and measures again; both relative to the heap before the start.
    /// </summary>
    private static (double NeverOpened, double Opened) MeasureChannels(int count)
    {
        Console.WriteLine();
        Print($"DmaController.Start, VirtualChannels = {count:N0}, PhysicalChannels = {PhysicalChannels}; then Open every channel (2 actors per opened channel)");
        var system = BenchSystem.Create(ActorRuntime.CountingPool, Command);
        var memory = PhysicalMemory.Create(Ram, 1 << 20);
        WarmUp(system, memory);
        long before = RetainedHeap.Settle();

        var gc = GcSnapshot.Take();
        var clock = Stopwatch.StartNew();
        var controller = DmaController.Start(system.System, Config(memory, count, id: 0));
        var started = clock.Elapsed;
        system.Settle();
        string startGc = gc.Since();
        long idle = RetainedHeap.Settle();
        double neverOpened = (idle - before) / (double)count;
        Print($"  DmaController.Start: {started.TotalMilliseconds:F0} ms ({started.TotalNanoseconds / count:F0} ns per channel; {startGc})");
        Print($"  idle, never opened:      {neverOpened,8:F1} bytes per virtual channel  ({(idle - before) / 1048576.0:F1} MiB in all)");

        gc = GcSnapshot.Take();
        clock.Restart();
        OpenAll(controller, count);
        var opening = clock.Elapsed;
        system.Settle();
        string openGc = gc.Since();
        long opened = RetainedHeap.Settle();
        double perOpened = (opened - before) / (double)count;
        Print($"  Open every channel ({Environment.ProcessorCount} threads, one blocking ask per channel): {opening.TotalMilliseconds:F0} ms ({opening.TotalNanoseconds / count:F0} ns per channel; {openGc})");
        Print($"  idle, opened once:       {perOpened,8:F1} bytes per virtual channel  ({(opened - before) / 1048576.0:F1} MiB in all)");

        clock.Restart();
        system.Terminate();
        Print($"  terminate the system: {clock.Elapsed.TotalMilliseconds:F0} ms");
        GC.KeepAlive(controller);
        return (neverOpened, perOpened);
    }

    /// <summary>
    /// Opens channels 0..<paramref name="count"/>−1 through the public API, from as many threads as
    /// there are cores (each open is a blocking ask to the controller, which makes the channel's
    /// actors; <see cref="DmaController.Open"/> is thread-safe).
    /// </summary>
    private static void OpenAll(DmaController controller, int count)
    {
        int threads = Math.Max(1, Math.Min(Environment.ProcessorCount, count));
        int next = -1;
        Exception? failure = null;
        var openers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            openers[t] = new Thread(() =>
            {
                try
                {
                    for (int i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next)) controller.Open(i);
                }
                catch (Exception e) when (e is TimeoutException or InvalidOperationException or Akka.Actor.AskTimeoutException)
                {
                    Interlocked.CompareExchange(ref failure, e, null);
                    Volatile.Write(ref next, count);
                }
            }) { IsBackground = true, Name = $"opener{t}" };
            openers[t].Start();
        }
        foreach (var opener in openers) opener.Join();
        if (failure is not null) throw new InvalidOperationException($"Opening the virtual channels failed: {failure.Message}", failure);
    }

    /// <summary>Starts a small controller, opens its channels and stops it first (JIT, pool threads).</summary>
    private static void WarmUp(BenchSystem system, PhysicalMemory memory)
    {
        var controller = DmaController.Start(system.System, Config(memory, WarmUpChannels, id: 1));
        OpenAll(controller, WarmUpChannels);
        Systems.StopEach(system, [controller.Actor]);
    }

    private static ControllerConfig Config(PhysicalMemory memory, int virtualChannels, int id) =>
        new() { Id = id, Memory = memory, PhysicalChannels = PhysicalChannels, VirtualChannels = virtualChannels };
}
