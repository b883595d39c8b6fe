using Akka.Actor;
using Akka.Event;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Transfers;
using DmaActors.Api;

namespace DmaActors.Actors.Completion;

/// <summary>
/// A virtual channel's tasklet (kernel twin: virt-dma's <c>vchan_complete</c>): runs client
/// callbacks, in completion (= cookie) order, on its own actor, never on the caller's thread and
/// never inside the hardware path, so a slow callback costs the hardware nothing.
/// </summary>
/// <remarks>
/// While a callback runs, the channel's port knows which thread runs it
/// (<see cref="VirtualChannelPort.IsInCallbackOnThisThread"/>): the façade refuses there the calls
/// the kernel forbids in a callback (terminate_sync, synchronize). A callback queued under an
/// older terminate epoch than the port's is dropped. A callback that throws is logged and
/// published as <see cref="CallbackFailed"/>; the actor carries on, as a tasklet would after a
/// driver bug it survived.
/// </remarks>
public sealed class CompletionActor : ReceiveActor
{
    private readonly VirtualChannelPort _port;

    /// <summary>Creates the completion actor of the channel behind <paramref name="port"/>.</summary>
    public CompletionActor(VirtualChannelPort port)
    {
        _port = port;
        Receive<RunCallback>(OnRunCallback);
        Receive<RunPeriodCallback>(OnRunPeriodCallback);
        Receive<DrainCallbacks>(_ => Sender.Tell(DrainCallbacksReply.Instance));
    }

    private void OnRunCallback(RunCallback due)
    {
        if (due.Epoch < _port.Epoch || due.Callback is null) return;
        Invoke(due.Cookie, due.Callback, due.Outcome);
    }

    private void OnRunPeriodCallback(RunPeriodCallback due)
    {
        if (due.Epoch >= _port.Epoch) Invoke(due.Cookie, due.Callback, new DmaengineResult(DmaengineTxResult.NoError, 0));
        Sender.Tell(PeriodCallbackRan.Instance);
    }

    private void Invoke(int cookie, Action<DmaengineResult> callback, DmaengineResult outcome)
    {
        _port.BeginCallback();
        try
        {
            callback(outcome);
        }
        catch (Exception error)
        {
            Context.GetLogger().Error(error, "Callback of {0} cookie {1} threw", _port.Name, cookie);
            Context.System.EventStream.Publish(new CallbackFailed(_port.Name, cookie, error));
        }
        finally
        {
            _port.EndCallback();
        }
    }
}
