using Akka.Actor;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;

namespace DmaActors.Cluster.Tests;

/// <summary>
/// A planted race for the cluster to hunt: five writers each send one write to a register, and the
/// program is wrong when the writes land in exactly reverse order (one schedule in 120), as a
/// driver that assumes its descriptors complete in submission order is wrong on the rare
/// interleaving that reverses them. Each seed runs under the deterministic dispatcher
/// (<see cref="ScheduleExploration"/>): a seed fails or passes the same way on any node.
/// </summary>
internal sealed class PlantedOrderRace : IWorkRunner
{
    private const int Writers = 5;

    /// <summary>Item i is seed i + 1: failed when that seed's schedule reverses the writes.</summary>
    public ItemResult Run(int item) => Fails((ulong)item + 1) ? new ItemResult(ItemStatus.Failed, "") : new ItemResult(ItemStatus.Passed, "");

    /// <summary>The first failing seed of 1 … <paramref name="seeds"/> found in one process, as a single-process exploration finds it.</summary>
    public static ulong? FirstFailingSeedInOneProcess(int seeds)
    {
        try
        {
            ScheduleExploration.Explore(seeds, Body);
            return null;
        }
        catch (ScheduleFailedException failed)
        {
            return failed.Seed;
        }
    }

    private static bool Fails(ulong seed)
    {
        try
        {
            ScheduleExploration.Explore([seed], Body);
            return false;
        }
        catch (ScheduleFailedException)
        {
            return true;
        }
    }

    private static void Body(ActorSystem system)
    {
        var register = system.ActorOf(Props.Create(() => new Register()), "register");
        var writers = Enumerable.Range(0, Writers).Select(i => system.ActorOf(Props.Create(() => new Writer(i, register)), $"writer{i}")).ToList();
        foreach (var writer in writers) writer.Tell(Go.Instance);
        system.RunUntilIdle();
        var order = register.AskBlocking<int[]>(new ReadOrder(), Duration.FromSeconds(1));
        if (order.SequenceEqual(Enumerable.Range(0, Writers).Reverse())) throw new InvalidOperationException($"the writes landed in reverse order: {string.Join(", ", order)}");
    }

    private sealed class Go
    {
        public static readonly Go Instance = new();
    }

    private sealed record Write(int Value);

    private sealed record ReadOrder;

    private sealed class Register : ReceiveActor
    {
        public Register()
        {
            var order = new List<int>();
            Receive<Write>(w => order.Add(w.Value));
            Receive<ReadOrder>(_ => Sender.Tell(order.ToArray()));
        }
    }

    private sealed class Writer : ReceiveActor
    {
        public Writer(int value, IActorRef register) => Receive<Go>(_ => register.Tell(new Write(value)));
    }
}
