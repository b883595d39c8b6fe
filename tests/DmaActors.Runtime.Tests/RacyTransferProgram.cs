using Akka.Actor;
using DmaActors.Runtime.Time;

namespace DmaActors.Runtime.Tests;

/// <summary>
/// A deliberately racy two-actor program: two incrementers each read a shared register, add one,
/// and write it back, with the read and the write as separate messages. When both reads land
/// before either write, one increment is lost: the classic lost update, here between actors, the
/// way two DMA channels racing on a descriptor ring's tail pointer would lose a slot.
/// </summary>
public static class RacyTransferProgram
{
    /// <summary>Runs the program to completion on <paramref name="system"/> and returns the register's final value (2 when no update was lost).</summary>
    public static int Run(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var register = system.ActorOf(Props.Create(() => new Register()), "register");
        var a = system.ActorOf(Props.Create(() => new Incrementer(register)), "a");
        var b = system.ActorOf(Props.Create(() => new Incrementer(register)), "b");
        a.Tell(Go.Instance);
        b.Tell(Go.Instance);
        system.RunUntilIdle();
        return register.AskBlocking<int>(new Read(), Duration.FromSeconds(1));
    }

    private sealed class Go
    {
        public static readonly Go Instance = new();
    }

    private sealed record Read;

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
