using Akka.Actor;

namespace DmaActors.Runtime;

/// <summary>
/// The sender of a blocking ask: a minimal actor ref that keeps the first message it is told and
/// wakes whoever waits. Lives only as long as the ask; a late second reply is dropped.
/// </summary>
internal sealed class ReplySlot : MinimalActorRef
{
    private static readonly object NullReply = new();

    private readonly SimulatedWorld _world;
    private readonly IActorRefProvider _provider;
    private ActorPath? _path;
    private object? _reply;

    public ReplySlot(SimulatedWorld world)
    {
        _world = world;
        _provider = ((ExtendedActorSystem)world.System).Provider;
    }

    public bool HasReply => Volatile.Read(ref _reply) is not null;

    public object? Reply => Volatile.Read(ref _reply) is var reply && ReferenceEquals(reply, NullReply) ? null : reply;

    public override ActorPath Path => _path ??= _provider.TempPath();

    public override IActorRefProvider Provider => _provider;

    protected override void TellInternal(object message, IActorRef sender)
    {
        if (Interlocked.CompareExchange(ref _reply, message ?? NullReply, null) is null) _world.Progress.Pulse();
    }
}
