using System.Globalization;
using DmaActors.Runtime.Time;

namespace DmaActors.Runtime.Cells;

/// <summary>
/// The reply address of one ask: the first message told to it completes the task (a
/// <see cref="Status.Failure"/> completes it with the cause), then it ignores the rest.
/// </summary>
/// <remarks>Continuations run asynchronously, so completing never runs the asker's code on the replier's thread.</remarks>
internal sealed class PromiseActorRef<T> : IPromiseRef
{
    private static long s_next;

    private readonly TaskCompletionSource<T> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorSystem _system;
    private readonly IActorRef _target;
    private readonly object _question;
    private ICancelable? _timeout;
    private CancellationTokenRegistration _cancellation;

    internal PromiseActorRef(ActorSystem system, IActorRef target, object question)
    {
        _system = system;
        _target = target;
        _question = question;
        Path = "/temp/ask-" + Interlocked.Increment(ref s_next).ToString(CultureInfo.InvariantCulture);
    }

    public string Path { get; }

    public ActorSystem System => _system;

    public Task<T> Task => _promise.Task;

    /// <summary>The time-out timer, so a blocking wait can tell "only my own time-out is left" from "something may still happen".</summary>
    internal ICancelable? TimeoutTimer => _timeout;

    internal void Arm(Duration timeout, CancellationToken cancellationToken)
    {
        if (!timeout.IsInfinite)
        {
            _timeout = _system.Clock.Schedule(timeout, static state =>
            {
                var (self, after) = ((PromiseActorRef<T>, Duration))state!;
                self.Fail(new AskTimeoutException($"Ask<{typeof(T).Name}> of {self._target.Path} with {self._question.GetType().Name} got no reply within {after}."));
            }, (this, timeout));
        }
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.Register(static state =>
            {
                var self = (PromiseActorRef<T>)state!;
                if (self._promise.TrySetCanceled()) self.Completed();
            }, this);
        }
    }

    public void Tell(object message, IActorRef? sender = null)
    {
        switch (message)
        {
            case T value:
                if (_promise.TrySetResult(value)) Completed();
                break;
            case Status.Failure failure:
                Fail(failure.Cause);
                break;
            default:
                Fail(new InvalidCastException(
                    $"Ask<{typeof(T).Name}> of {_target.Path} with {_question.GetType().Name} got a {message.GetType().Name} reply from {sender?.Path ?? "no sender"}."));
                break;
        }
    }

    public void RecipientStopped(IActorRef recipient, object message) =>
        Fail(new AskRecipientStoppedException($"Ask<{typeof(T).Name}> of {recipient.Path} with {message.GetType().Name}: the actor has stopped, so no reply can come."));

    internal void Fail(Exception cause)
    {
        if (_promise.TrySetException(cause)) Completed();
    }

    private void Completed()
    {
        _timeout?.Cancel();
        _cancellation.Dispose();
        _system.Progress.Pulse();
    }

    public override string ToString() => Path;
}
