using System.Diagnostics;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Memory;
using DmaActors.Runtime;
using static DmaActors.Benchmarks.ReportConsole;

namespace DmaActors.Benchmarks;

/// <summary>
/// <c>idle-vchans [channels]</c>: the heap kept per idle virtual channel, next to the kernel's
/// baseline of as many idle actors. The channels are one controller's, made the cheapest way the
/// API has: <see cref="DmaController.Start"/> with <see cref="ControllerConfig.VirtualChannels"/>
/// = N on <see cref="PhysicalChannels"/> physical ones, never requested, never used. Each virtual
/// channel is two actors (the channel and its completion tasklet) plus its descriptor lists,
/// cookies and a name, so the ratio to one bare actor is at least 2. Both figures come from the
/// same thread-pool, real-clock system kind and the same measurement
/// (<see cref="RetainedHeap.Settle"/> after minus before, over the count), the baseline from
/// <see cref="IdleMemoryReport.MeasureBareActors"/>.
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
        Header(Command, $"{count:N0} idle virtual channels on one controller ({PhysicalChannels} physical) against {count:N0} idle actors");
        double perActor = IdleMemoryReport.MeasureBareActors(count);
        double perChannel = MeasureChannels(count);
        Console.WriteLine();
        Print($"B per idle virtual channel:       {perChannel,8:F1}");
        Print($"B per idle actor (kernel, bare):  {perActor,8:F1}");
        Print($"ratio (channel / actor):          {perChannel / perActor,8:F2}");
        return 0;
    }

    /// <summary>Starts one controller with <paramref name="count"/> virtual channels, waits until every actor of it is built, and returns the bytes each channel keeps.</summary>
    private static double MeasureChannels(int count)
    {
        Console.WriteLine();
        Print($"DmaController.Start, VirtualChannels = {count:N0}, PhysicalChannels = {PhysicalChannels} (2 actors per virtual channel)");
        var system = Systems.CreateRealTime(Command);
        var memory = PhysicalMemory.Create(Ram, 1 << 20);
        WarmUp(system, memory);
        long before = RetainedHeap.Settle();

        var gc = GcSnapshot.Take();
        var clock = Stopwatch.StartNew();
        var controller = DmaController.Start(system, Config(memory, count, id: 0));
        var started = clock.Elapsed;
        system.RunUntilIdle();
        var built = clock.Elapsed;
        string startGc = gc.Since();
        long idle = RetainedHeap.Settle();
        Print($"  DmaController.Start: {started.TotalMilliseconds:F0} ms; every actor built (RunUntilIdle): {built.TotalMilliseconds:F0} ms ({built.TotalNanoseconds / count:F0} ns per channel; {startGc})");
        Print($"  idle, never requested:   {(idle - before) / (double)count,8:F1} bytes per virtual channel  ({(idle - before) / 1048576.0:F1} MiB in all)");

        clock.Restart();
        system.Shutdown();
        Print($"  shut down: {clock.Elapsed.TotalMilliseconds:F0} ms");
        GC.KeepAlive(controller);
        return (idle - before) / (double)count;
    }

    /// <summary>Starts and stops a small controller first (JIT, thread-pool threads).</summary>
    private static void WarmUp(ActorSystem system, PhysicalMemory memory)
    {
        var controller = DmaController.Start(system, Config(memory, WarmUpChannels, id: 1));
        system.RunUntilIdle();
        system.Stop(controller.Actor);
        if (!system.WhenTerminated(controller.Actor).Wait(Systems.Limit)) throw new TimeoutException($"The warm-up controller did not stop within {Systems.Limit}.");
        system.RunUntilIdle();
    }

    private static ControllerConfig Config(PhysicalMemory memory, int virtualChannels, int id) =>
        new() { Id = id, Memory = memory, PhysicalChannels = PhysicalChannels, VirtualChannels = virtualChannels };
}
