using Akka.Dispatch;

namespace DmaActors.Runtime.Dispatch;

/// <summary>
/// Akka's default dispatcher in a deterministic world: hands every runnable mailbox to
/// <see cref="DeterministicSteps"/>, which runs one seeded choice at a time.
/// </summary>
/// <remarks>
/// Exactly one user message per mailbox run. Akka 1.5.75's <c>Mailbox.ProcessMailbox</c> handles
/// two messages at <c>throughput = 1</c> (it counts down past zero) and stops after one only
/// when a throughput deadline is set, comparing the monotonic clock with the deadline value
/// itself: a deadline of one tick is always past. That is an implementation detail of this Akka
/// version, pinned exactly in Directory.Packages.props and checked by a test that counts runs
/// (OneMessagePerStepTests).
/// </remarks>
public sealed class DeterministicDispatcher : MessageDispatcher
{
    private readonly DeterministicSteps _steps;

    internal DeterministicDispatcher(MessageDispatcherConfigurator configurator, DeterministicSteps steps)
        : base(configurator)
    {
        _steps = steps;
        Throughput = 1;
        ThroughputDeadlineTime = 1;
    }

    /// <inheritdoc/>
    protected override void ExecuteTask(IRunnable run) => _steps.Enqueue(run);

    /// <inheritdoc/>
    protected override void Shutdown()
    {
        // The world owns the driver thread and stops it when the system has terminated.
    }
}
