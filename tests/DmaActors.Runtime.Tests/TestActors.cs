using DmaActors.Runtime;

namespace DmaActors.Runtime.Tests;

/// <summary>Replies to every message with the same message.</summary>
internal sealed class EchoActor : Actor
{
    public EchoActor() => ReceiveAny(message => Sender.Tell(message));
}

/// <summary>Forwards every message to a target, keeping the original sender.</summary>
internal sealed class ForwardActor : Actor
{
    public ForwardActor(IActorRef target) => ReceiveAny(message => target.Tell(message, Sender));
}

/// <summary>Throws the exception it receives; reports lifecycle hooks to a probe.</summary>
internal sealed class FaultyActor : Actor
{
    private int _handled;

    public FaultyActor(IActorRef reporter)
    {
        Receive<Exception>(fault => throw fault);
        Receive<string>(text => text == "count", _ => Sender.Tell(_handled));
        ReceiveAny(message =>
        {
            _handled++;
            reporter.Tell(message);
        });
        Reporter = reporter;
    }

    private IActorRef Reporter { get; }

    protected override void PreStart() => Reporter.Tell("prestart");

    protected override void PostStop() => Reporter.Tell("poststop");

    protected override void PreRestart(Exception reason, object? message)
    {
        Reporter.Tell($"prerestart:{reason.Message}:{message?.GetType().Name}");
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        Reporter.Tell($"postrestart:{reason.Message}");
        base.PostRestart(reason);
    }
}

/// <summary>A parent that spawns children on request and supervises them with a given strategy.</summary>
internal sealed class ParentActor : Actor
{
    private readonly Supervision.SupervisorStrategy? _strategy;

    public ParentActor(Supervision.SupervisorStrategy? strategy)
    {
        _strategy = strategy;
        Receive<(Props Props, string Name)>(spawn => Sender.Tell(Context.Spawn(spawn.Props, spawn.Name)));
    }

    protected override Supervision.SupervisorStrategy? SupervisorStrategy => _strategy;
}
