using DmaActors.Runtime.Dispatch;

namespace DmaActors.Runtime.Cells;

// Handling one user message. A handler's exception never reaches the sender: it suspends this
// actor and becomes a Failed system message to the parent, whose strategy decides (as in
// Akka.NET and Proto.Actor: failures travel as messages).
internal sealed partial class ActorCell
{
    /// <summary>Whether the current message has been stashed (a message may be stashed once).</summary>
    private bool _currentStashed;

    /// <summary>Handles one user message. The hot path: one type check tells kernel messages from user ones.</summary>
    private void Invoke(Envelope envelope)
    {
        // _current is cleared once per run and before system messages, not after every message:
        // two reference stores per message (with their GC write barriers) saved on the hot path.
        _current = envelope;
        _currentStashed = false;
        _processed++;
        var message = envelope.Message;
        if (_recordsSteps) _dispatcher.RecordStep(this, message);
        System.Tracer?.OnReceive(Self, message, envelope.Sender);
        try
        {
            if (message is AutoReceivedMessage kernelMessage) InvokeAutoReceived(kernelMessage);
            else _actor?.Dispatch(message);
        }
        catch (Exception cause)
        {
            HandleInvokeFailure(cause);
        }
        System.EndWork();
    }

    private void InvokeAutoReceived(AutoReceivedMessage message)
    {
        switch (message)
        {
            case TimerFired fired:
                if (_extras?.Timers?.TryTake(fired, out var payload) != true) return;
                System.Tracer?.OnTimer(Self, fired.Key, payload);
                _current = new Envelope(payload, null);
                _actor?.Dispatch(payload);
                return;
            case DeliverTerminated deliver:
                if (_extras?.TerminatedQueued?.Remove(deliver.Actor) != true) return;
                _current = new Envelope(new Terminated(deliver.Actor.Self), deliver.Actor.Self);
                _actor?.Dispatch(_current.Message);
                return;
            case PoisonPill:
                SendSystem(new Terminate());
                return;
            case Kill:
                throw new ActorKilledException($"{Path} received Kill.");
        }
    }

    /// <summary>
    /// The actor (or, for an escalation, its child <paramref name="perpetrator"/>) failed:
    /// suspend this actor and its children, once per failure episode (the perpetrator is already
    /// suspended by its own failure), keep the failing message for <c>PreRestart</c>, and ask the
    /// parent for a directive. The root has no parent: its failure is fatal to the system.
    /// </summary>
    private void HandleInvokeFailure(Exception cause, ActorCell? perpetrator = null)
    {
        Extras.FailedMessage = _current.Message;
        if (!_failed)
        {
            _failed = true;
            Extras.Perpetrator = perpetrator;
            SuspendMailbox();
            foreach (var child in ChildCells())
            {
                if (child != perpetrator) child.SendSystem(new Suspend());
            }
        }
        if (_parent is null)
        {
            System.OnRootFailure(cause);
            return;
        }
        _parent.SendSystem(new Failed(this, cause));
    }
}
