using Akka.Actor;

namespace DmaActors.TestKit.Tests;

/// <summary>
/// Two incrementers read a shared register, add one and write it back, the read and the write as
/// separate messages; when both reads land before either write, an update is lost: the race a
/// schedule exploration must find, and whose seed must replay it.
/// </summary>
internal static class LostUpdateProgram
{
    /// <summary>Starts the program in <paramref name="system"/>; the register reports its final value to <paramref name="result"/> when asked.</summary>
    public static IActorRef Start(ActorSystem system)
    {
        var register = system.ActorOf(Props.Create(() => new Register()), "register");
        var a = system.ActorOf(Props.Create(() => new Incrementer(register)), "a");
        var b = system.ActorOf(Props.Create(() => new Incrementer(register)), "b");
        a.Tell("go");
        b.Tell("go");
        return register;
    }

    public sealed record Read;

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
            Receive<string>(_ => register.Tell(new Read()));
            Receive<int>(current => register.Tell(new Write(current + 1)));
        }
    }
}
