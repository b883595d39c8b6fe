using DmaActors.Actors.Transfers;
using DmaActors.Runtime;
using Microsoft.Extensions.Logging;

namespace DmaActors.Actors.Completion;

/// <summary>
/// A virtual channel's tasklet (kernel twin: virt-dma's <c>vchan_complete</c>): runs client
/// callbacks, in completion (= cookie) order, on its own actor, never on the caller's thread and
/// never inside the hardware path, so a slow callback costs the hardware nothing.
/// </summary>
/// <remarks>
/// While a callback runs, <see cref="CurrentChannel"/> names the channel on this thread: the
/// façade uses it to refuse calls the kernel forbids in a callback (terminate_sync, synchronize).
/// A callback that throws is logged and published as <see cref="CallbackFailed"/>; the actor
/// carries on, as a tasklet would after a driver bug it survived.
/// </remarks>
public sealed class CompletionActor : Actor
{
    [ThreadStatic]
    private static string? t_currentChannel;

    private readonly string _channel;
    private readonly CallbackEpoch _epoch;

    /// <summary>Creates the completion actor of channel <paramref name="channel"/>, sharing its terminate <paramref name="epoch"/>.</summary>
    public CompletionActor(string channel, CallbackEpoch epoch)
    {
        _channel = channel;
        _epoch = epoch;
        ReceiveLazily(() =>
        {
            Receive<CallbackDue>(OnCallbackDue);
            Receive<PeriodCallbackDue>(OnPeriodDue);
            Receive<DrainCallbacks>(_ => Sender.Tell(CallbacksDrained.Instance));
        });
    }

    /// <summary>The channel whose callback is running on this thread, or null outside callbacks.</summary>
    public static string? CurrentChannel => t_currentChannel;

    /// <summary>Callbacks run so far.</summary>
    public long CallbacksRun { get; private set; }

    private void OnCallbackDue(CallbackDue due)
    {
        if (due.Epoch < _epoch.Current || due.Callback is null) return;
        Invoke(due.Cookie, due.Callback, due.Outcome);
    }

    private void OnPeriodDue(PeriodCallbackDue due)
    {
        if (due.Epoch >= _epoch.Current) Invoke(due.Cookie, due.Callback, new TransferOutcome(TransferResult.NoError, 0));
        Sender.Tell(PeriodCallbackRan.Instance);
    }

    private void Invoke(int cookie, Action<TransferOutcome> callback, TransferOutcome outcome)
    {
        t_currentChannel = _channel;
        try
        {
            CallbacksRun++;
            callback(outcome);
        }
        catch (Exception error)
        {
            Context.Log.LogError(error, "Callback of {Channel} cookie {Cookie} threw", _channel, cookie);
            Context.System.EventStream.Publish(new CallbackFailed(_channel, cookie, error));
        }
        finally
        {
            t_currentChannel = null;
        }
    }
}
