using Akka.Actor;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.Tests.Shared;

/// <summary>
/// A deliberately racy two-actor program: two incrementers each read a shared register, add one
/// and write it back, the read and the write as separate messages. When both reads land before
/// either write, one increment is lost: the classic lost update, here between actors, the way two
/// DMA channels racing on a descriptor ring's tail pointer would lose a slot. The race a schedule
/// exploration must find, and whose seed must replay it. Linked into the Runtime and TestKit tests.
/// </summary>
internal static class LostUpdateProgram
{
    /// <summary>Starts the program in <paramref name="system"/> and returns the register (it answers <see cref="Read"/> with its value).</summary>
    public static IActorRef Start(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var register = system.ActorOf(Props.Create(() => new Register()), "register");
        var a = system.ActorOf(Props.Create(() => new Incrementer(register)), "a");
        var b = system.ActorOf(Props.Create(() => new Incrementer(register)), "b");
        a.Tell(Go.Instance);
        b.Tell(Go.Instance);
        return register;
    }

    /// <summary>Runs the program to completion on <paramref name="system"/> and returns the register's final value (2 when no update was lost).</summary>
    public static int Run(ActorSystem system)
    {
        var register = Start(system);
        system.RunUntilIdle();
        return register.AskBlocking<int>(new Read(), Duration.FromSeconds(1));
    }

    public sealed record Read;

    private sealed class Go
    {
        public static readonly Go Instance = new();
    }

    private sealed record Write(int Value);

    private sealed class Register : ReceiveActor
    {
        public Register()
        {
            int value = 0;
            Receive<Read>(_ => Sender.Tell(value));
            Receive<Write>(w => value = w.Value);
        }
    }

    private sealed class Incrementer : ReceiveActor
    {
        public Incrementer(IActorRef register)
        {
            Receive<Go>(_ => register.Tell(new Read()));
            Receive<int>(current => register.Tell(new Write(current + 1)));
        }
    }
}
