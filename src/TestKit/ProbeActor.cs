using System.Collections.Concurrent;
using DmaActors.Runtime;

namespace DmaActors.TestKit;

/// <summary>
/// The actor behind a <see cref="TestProbe"/>: records every message with its sender for the test
/// thread to inspect, and carries out the probe's watch requests on its own thread.
/// </summary>
internal sealed class ProbeActor : Actor
{
    public ProbeActor(ConcurrentQueue<(object Message, IActorRef Sender)> inbox, Action arrived)
    {
        Receive<ProbeCommand>(command =>
        {
            if (command.Watch) Context.Watch(command.Target);
            else Context.Unwatch(command.Target);
            Sender.Tell(ProbeCommand.Done);
        });
        ReceiveAny(message =>
        {
            inbox.Enqueue((message, Sender));
            arrived();
        });
    }
}

/// <summary>Asks the probe actor to watch or unwatch <see cref="Target"/>.</summary>
internal sealed record ProbeCommand(IActorRef Target, bool Watch)
{
    public static readonly object Done = new();
}
