namespace DmaActors.Runtime.Cells;

// Stash: the current message is set aside; UnstashAll puts every stashed message back in front
// of the mailbox in stash order (ahead of messages that arrived meanwhile), and a restart does
// the same, as Akka.NET's stash does.
internal sealed partial class ActorCell
{

    /// <inheritdoc/>
    public void Stash()
    {
        if (_current.Message is null)
            throw new IllegalActorStateException($"{Path}: Stash() needs a current message; call it from a message handler.");
        if (_currentStashed)
            throw new IllegalActorStateException($"{Path}: the current message ({_current.Message.GetType().Name}) is already stashed.");
        (Extras.Stash ??= []).Add(_current);
        _currentStashed = true;
    }

    /// <inheritdoc/>
    public void UnstashAll()
    {
        if (_extras?.Stash is not { Count: > 0 } stash) return;
        var front = new Queue<Envelope>(stash.Count + (_unstashed?.Count ?? 0));
        foreach (var envelope in stash) front.Enqueue(envelope);
        if (_unstashed is not null)
        {
            foreach (var envelope in _unstashed) front.Enqueue(envelope);
        }
        // They are back in the mailbox: in flight again until handled.
        System.BeginWork(stash.Count);
        stash.Clear();
        _unstashed = front;
    }

    private void DropStash()
    {
        if (_extras?.Stash is not { } stash) return;
        foreach (var envelope in stash) System.DeadLetter(envelope.Message, envelope.Sender, Self);
        _extras.Stash = null;
    }
}
