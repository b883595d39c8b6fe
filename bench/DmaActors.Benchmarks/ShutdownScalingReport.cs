using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using DmaActors.Runtime;

namespace DmaActors.Benchmarks;

/// <summary>
/// <c>shutdown-scaling [actors...]</c>: on each <see cref="ActorRuntime"/>, for each width, spawns
/// that many top-level actors and times <c>ActorSystem.Terminate()</c> (until the system has
/// terminated) directly, then the same width stopped actor by actor first (until a watcher has
/// seen every one terminate), then terminated. A linear terminate path doubles its time when the
/// width doubles; a quadratic one quadruples it. (The old kernel's <c>Shutdown()</c> was quadratic
/// in the number of children before 2026-11-22; Akka.NET's terminate path replaces it.)
/// </summary>
internal static class ShutdownScalingReport
{
    public const string Command = "shutdown-scaling";

    private const int WarmUpActors = 1000;

    public static int Run(string[] args)
    {
        int[] widths = args.Length > 0
            ? [.. args.Select(a => int.Parse(a, NumberStyles.None, CultureInfo.InvariantCulture))]
            : [10_000, 20_000, 40_000, 80_000];
        Console.WriteLine($"shutdown-scaling: {Environment.ProcessorCount} cores; .NET {Environment.Version}");
        foreach (var runtime in Enum.GetValues<ActorRuntime>())
        {
            Console.WriteLine();
            Console.WriteLine($"{runtime}:");
            Console.WriteLine("   actors | Terminate() direct | ns/actor | stop each, then Terminate() | ns/actor");
            // Warm-up, not printed: JIT and pool threads, so the first width is not charged for them.
            Time(runtime, WarmUpActors, (system, _) => system.Terminate());
            Time(runtime, WarmUpActors, Staged);
            var previous = TimeSpan.Zero;
            for (int i = 0; i < widths.Length; i++)
            {
                int width = widths[i];
                var direct = Time(runtime, width, (system, _) => system.Terminate());
                var staged = Time(runtime, width, Staged);
                string growth = i == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
                    $"  (x{direct.TotalMilliseconds / previous.TotalMilliseconds:F1} for x{width / (double)widths[i - 1]:F0} actors)");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{width,9} | {direct.TotalMilliseconds,15:F0} ms | {direct.TotalNanoseconds / width,8:F0} | {staged.TotalMilliseconds,24:F0} ms | {staged.TotalNanoseconds / width,8:F0}{growth}"));
                previous = direct;
            }
        }
        return 0;
    }

    private static void Staged(BenchSystem system, IActorRef[] actors)
    {
        Systems.StopEach(system, actors);
        system.Terminate();
    }

    private static TimeSpan Time(ActorRuntime runtime, int width, Action<BenchSystem, IActorRef[]> stop)
    {
        var system = BenchSystem.Create(runtime, "shutdown-scaling");
        var tally = new SpawnTally { Created = new Completion(width) };
        var props = FactoryProps.Of(() => new BareActor(tally));
        var actors = new IActorRef[width];
        for (int i = 0; i < width; i++) actors[i] = system.ActorOf(props);
        system.Await(tally.Created);
        system.Settle();
        var clock = Stopwatch.StartNew();
        stop(system, actors);
        return clock.Elapsed;
    }
}
