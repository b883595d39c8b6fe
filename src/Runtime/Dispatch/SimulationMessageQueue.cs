using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace DmaActors.Runtime.Dispatch;

/// <summary>
/// An actor's message queue in a simulated world: unbounded FIFO (with a front for Akka's
/// <c>Stash</c>), and the hook where the world sees every message an actor takes: the message
/// a deterministic step handled (for the schedule trace) and the world's
/// <see cref="IMessageTracer"/>. It also carries the actor's counted runner, so scheduling a
/// mailbox on the thread pool allocates nothing.
/// </summary>
/// <remarks>
/// Ownership: any thread enqueues; only the thread running the owner's mailbox dequeues, pushes to
/// the front (unstash) or reads <see cref="TakeLastDequeued"/>; the front is therefore a plain stack.
/// </remarks>
public sealed class SimulationMessageQueue : IMessageQueue, IUnboundedDequeBasedMessageQueueSemantics
{
    private readonly ConcurrentQueue<Envelope> _queue = new();
    private Stack<Envelope>? _front;
    private object? _lastDequeued;
    private string? _label;
    private ulong _labelHash;

    internal SimulationMessageQueue(IActorRef owner, SimulatedWorld world)
    {
        Owner = owner;
        World = world;
    }

    /// <summary>The actor this queue belongs to.</summary>
    public IActorRef Owner { get; }

    internal SimulatedWorld World { get; }

    /// <summary>The owner's path without the system's address: how the trace names it.</summary>
    internal string Label => _label ??= Owner.Path.ToStringWithoutAddress();

    /// <summary>The hash of <see cref="Label"/>, kept for the trace.</summary>
    internal ulong LabelHash => _labelHash != 0 ? _labelHash : _labelHash = ScheduleTrace.HashOf(Label);

    /// <summary>The thread-pool runner of this queue's mailbox, made on its first run.</summary>
    internal CountedRun? Runner { get; set; }

    /// <inheritdoc/>
    public bool HasMessages => !_queue.IsEmpty || _front is { Count: > 0 };

    /// <inheritdoc/>
    public int Count => _queue.Count + (_front?.Count ?? 0);

    /// <inheritdoc/>
    public void Enqueue(IActorRef receiver, Envelope envelope) => _queue.Enqueue(envelope);

    /// <inheritdoc/>
    public void EnqueueFirst(Envelope envelope) => (_front ??= new Stack<Envelope>()).Push(envelope);

    /// <inheritdoc/>
    public bool TryDequeue(out Envelope envelope)
    {
        if (!(_front is { Count: > 0 } front ? front.TryPop(out envelope) : _queue.TryDequeue(out envelope))) return false;
        _lastDequeued = envelope.Message;
        if (World.Tracer is { } tracer) tracer.OnReceive(Owner, envelope.Message, envelope.Sender);
        return true;
    }

    /// <summary>The last message dequeued since the previous call, or null (only system messages ran).</summary>
    internal object? TakeLastDequeued()
    {
        var message = _lastDequeued;
        _lastDequeued = null;
        return message;
    }

    /// <inheritdoc/>
    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        ArgumentNullException.ThrowIfNull(deadletters);
        while (_front is { Count: > 0 } front) deadletters.Enqueue(owner, front.Pop());
        while (_queue.TryDequeue(out var envelope)) deadletters.Enqueue(owner, envelope);
    }
}
