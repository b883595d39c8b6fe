using System.Runtime.CompilerServices;
using Akka.Actor;
using Akka.Dispatch;
using Akka.Dispatch.SysMsg;

namespace DmaActors.Runtime.Dispatch;

/// <summary>
/// Akka's default dispatcher in a thread-pool world: mailboxes run on the .NET thread pool with
/// real concurrency, and every unit of work is counted (<see cref="InFlightCounter"/>) so the
/// world knows when it is quiescent and virtual time may move.
/// </summary>
/// <remarks>
/// A mailbox of our <see cref="SimulationMessageQueue"/> keeps its runner and tells the world's
/// tracer what it takes; any other mailbox (a world attached to a user's system keeps Akka's
/// mailboxes) finds its runner in a weak table and is traced as the message is queued, which on
/// virtual time is the same instant.
/// </remarks>
public sealed class CountingDispatcher : MessageDispatcher
{
    private readonly ConditionalWeakTable<IRunnable, CountedRun> _foreignRunners = [];

    internal CountingDispatcher(MessageDispatcherConfigurator configurator, SimulatedWorld world, int throughput)
        : base(configurator)
    {
        World = world;
        Counter = world.Counter!;
        Throughput = throughput;
    }

    internal SimulatedWorld World { get; }

    internal InFlightCounter Counter { get; }

    /// <inheritdoc/>
    public override void Dispatch(ActorCell cell, Envelope envelope)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (World.Tracer is { } tracer && cell.Mailbox?.MessageQueue is not SimulationMessageQueue) tracer.OnReceive(cell.Self, envelope.Message, envelope.Sender);
        if (CountedRun.IsRunning)
        {
            base.Dispatch(cell, envelope);
            return;
        }
        Counter.Begin();
        try
        {
            base.Dispatch(cell, envelope);
        }
        finally
        {
            Counter.End();
        }
    }

    /// <inheritdoc/>
    public override void SystemDispatch(ActorCell cell, SystemMessage message)
    {
        if (CountedRun.IsRunning)
        {
            base.SystemDispatch(cell, message);
            return;
        }
        Counter.Begin();
        try
        {
            base.SystemDispatch(cell, message);
        }
        finally
        {
            Counter.End();
        }
    }

    /// <inheritdoc/>
    protected override void ExecuteTask(IRunnable run)
    {
        Counter.Begin();
        var runner = run switch
        {
            Mailbox { MessageQueue: SimulationMessageQueue queue } => queue.Runner ??= new CountedRun(run, this),
            Mailbox => _foreignRunners.GetValue(run, mailbox => new CountedRun(mailbox, this)),
            _ => new CountedRun(run, this),
        };
        if (!CountedRun.TryRunNext(runner)) ThreadPool.UnsafeQueueUserWorkItem(runner, preferLocal: true);
    }

    /// <inheritdoc/>
    protected override void Shutdown()
    {
    }
}
