using System.Diagnostics;
using System.Globalization;
using DmaActors.Runtime;

namespace DmaActors.Benchmarks;

/// <summary>
/// <c>shutdown-scaling [actors...]</c>: for each width, spawns that many top-level actors and
/// times <see cref="ActorSystem.Shutdown"/> directly, then the same width stopped actor by actor
/// first. A linear terminate path doubles its time when the width doubles; a quadratic one
/// quadruples it.
/// </summary>
internal static class ShutdownScalingReport
{
    public const string Command = "shutdown-scaling";

    public static int Run(string[] args)
    {
        int[] widths = args.Length > 0
            ? [.. args.Select(a => int.Parse(a, NumberStyles.None, CultureInfo.InvariantCulture))]
            : [10_000, 20_000, 40_000, 80_000];
        Console.WriteLine($"shutdown-scaling: {Environment.ProcessorCount} cores; .NET {Environment.Version}");
        Console.WriteLine("   actors | Shutdown() direct | ns/actor | stop each, then Shutdown() | ns/actor");
        var previous = TimeSpan.Zero;
        for (int i = 0; i < widths.Length; i++)
        {
            int width = widths[i];
            var direct = Time(width, (system, _) => system.Shutdown());
            var staged = Time(width, Systems.ShutdownWide);
            string growth = i == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
                $"  (x{direct.TotalMilliseconds / previous.TotalMilliseconds:F1} for x{width / (double)widths[i - 1]:F0} actors)");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{width,9} | {direct.TotalMilliseconds,14:F0} ms | {direct.TotalNanoseconds / width,8:F0} | {staged.TotalMilliseconds,23:F0} ms | {staged.TotalNanoseconds / width,8:F0}{growth}"));
            previous = direct;
        }
        return 0;
    }

    private static TimeSpan Time(int width, Action<ActorSystem, IActorRef[]> stop)
    {
        var system = ActorSystem.Create("shutdown-scaling", new ActorSystemSettings
        {
            Dispatcher = DispatcherKind.ThreadPool,
            Clock = ClockKind.Real,
            WallClockLimit = TimeSpan.FromMinutes(10),
        });
        var tally = new SpawnTally { Created = new Completion(width) };
        var props = Props.Create(() => new BareActor(tally));
        var actors = new IActorRef[width];
        for (int i = 0; i < width; i++) actors[i] = system.ActorOf(props);
        tally.Created.Wait(Systems.Limit);
        system.RunUntilIdle();
        var clock = Stopwatch.StartNew();
        stop(system, actors);
        return clock.Elapsed;
    }
}
