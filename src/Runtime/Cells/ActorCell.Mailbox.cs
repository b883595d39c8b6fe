using System.Collections.Concurrent;
using DmaActors.Runtime.Dispatch;

namespace DmaActors.Runtime.Cells;

// The mailbox: a status word, a lock-free stack of system messages, and a lock-free queue of
// user messages. Ordering rules enforced here:
//  - system messages are drained before the first user message of a run and after every user
//    message, so they overtake user messages and are handled even while suspended;
//  - user messages leave in the order they entered (FIFO), which gives per sender→receiver
//    ordering;
//  - the idle transition is a full-fence atomic (Interlocked.And) followed by a re-check, so a
//    message that arrives while the run is finishing is never left unscheduled (lost wake-up);
//  - close sets the Closed bit (full fence) before draining, and a Tell re-reads the status after
//    its enqueue (full fence): whichever comes second sees the other, so a message sent while
//    the actor stops is dead-lettered by the closer or by its own sender, never lost.
// The user queue was a System.Threading.Channels unbounded channel; its TryWrite takes a lock on
// every Tell, which capped many-pairs throughput at ~23 M msg/s on two cores. ConcurrentQueue
// is lock-free (41 M msg/s measured on the same benchmark); see bench/README.md.
internal sealed partial class ActorCell : IThreadPoolWorkItem
{
    private const int ScheduledBit = 1;
    private const int ClosedBit = 2;
    private const int SuspendUnit = 4;

    /// <summary>Scheduled bit, Closed bit, and a suspend count in units of 4. Changed only by atomics (any thread).</summary>
    private int _status;

    /// <summary>Newest-first stack of pending system messages, pushed by CAS from any thread; <see cref="MailboxClosed"/> once stopped.</summary>
    private SystemMessage? _systemHead;

    /// <summary>User messages; created on the first Tell (an actor never told anything costs no queue). Written by any thread.</summary>
    private ConcurrentQueue<Envelope>? _userQueue;

    /// <summary>Messages put back by <c>UnstashAll</c>; read before <see cref="_userQueue"/>. Owner thread only.</summary>
    private Queue<Envelope>? _unstashed;

    /// <summary>User messages handled so far (owner writes, anyone reads): lets a real-clock system detect quiescence.</summary>
    private long _processed;

    /// <summary>Runs so far (owner writes): with <see cref="ProcessedCount"/>, shows the batching at work.</summary>
    internal long RunCount { get; private set; }

    internal bool IsClosed => (Volatile.Read(ref _status) & ClosedBit) != 0;

    private bool IsSuspended => Volatile.Read(ref _status) >= SuspendUnit;

    /// <summary>Whether the cell is scheduled or running right now.</summary>
    internal bool IsScheduled => (Volatile.Read(ref _status) & ScheduledBit) != 0;

    internal long ProcessedCount => Volatile.Read(ref _processed);

    private bool HasSystemMessages
    {
        get
        {
            var head = Volatile.Read(ref _systemHead);
            return head is not null && head != MailboxClosed.Instance;
        }
    }

    /// <summary>Whether any user message waits (any thread may ask; only the owner sees <see cref="_unstashed"/> exactly).</summary>
    internal bool HasUserMessages => _unstashed is { Count: > 0 } || (_userQueue is { IsEmpty: false });

    /// <summary>Whether a run would find something to do.</summary>
    private bool HasWork => HasSystemMessages || (!IsSuspended && HasUserMessages);

    /// <summary>Queues a user message and schedules the cell if it was idle.</summary>
    internal void Post(object message, IActorRef? sender)
    {
        var queue = _userQueue ?? CreateUserQueue();
        // Count the message as in flight before it becomes visible, so the counter can never
        // reach zero while it waits (quiescence would then let virtual time jump past it).
        System.BeginWork();
        queue.Enqueue(new Envelope(message, sender));
        System.Tracer?.OnSend(sender, Self, message);
        int status = Volatile.Read(ref _status);
        if ((status & ClosedBit) != 0)
        {
            DrainToDeadLetters(queue);
            return;
        }
        if ((status & ScheduledBit) == 0 && TrySetScheduled(forSystemMessage: false)) _dispatcher.Schedule(this);
    }

    /// <summary>Queues a system message; once the cell is closed it is handled as a dead system message instead.</summary>
    internal void SendSystem(SystemMessage message)
    {
        System.BeginWork();
        while (true)
        {
            var head = Volatile.Read(ref _systemHead);
            if (head == MailboxClosed.Instance)
            {
                System.EndWork();
                HandleDeadSystemMessage(message);
                return;
            }
            message.Next = head;
            if (Interlocked.CompareExchange(ref _systemHead, message, head) == head) break;
        }
        if (TrySetScheduled(forSystemMessage: true)) _dispatcher.Schedule(this);
    }

    /// <inheritdoc/>
    void IThreadPoolWorkItem.Execute() => Run(_dispatcher.Throughput);

    /// <summary>Handles pending system messages and up to <paramref name="throughput"/> user messages, then goes idle.</summary>
    internal void Run(int throughput)
    {
        var previous = t_running;
        t_running = this;
        RunCount++;
        try
        {
            if (!IsClosed)
            {
                ProcessSystemMessages();
                for (int left = throughput; left > 0 && !IsSuspended && TryDequeue(out var envelope); left--)
                {
                    Invoke(envelope);
                    if (HasSystemMessages) ProcessSystemMessages();
                }
            }
        }
        finally
        {
            _current = default;
            t_running = previous;
            // Full fence, then re-check: a Tell that saw Scheduled set did not schedule us.
            Interlocked.And(ref _status, ~ScheduledBit);
            if (HasWork && TrySetScheduled(forSystemMessage: true)) _dispatcher.Schedule(this);
        }
    }

    private bool TryDequeue(out Envelope envelope)
    {
        if (_unstashed is { Count: > 0 } unstashed)
        {
            envelope = unstashed.Dequeue();
            return true;
        }
        if (_userQueue is { } queue) return queue.TryDequeue(out envelope);
        envelope = default;
        return false;
    }

    /// <summary>Claims the right to run: only the caller that flips idle→scheduled may hand the cell to the dispatcher.</summary>
    private bool TrySetScheduled(bool forSystemMessage)
    {
        while (true)
        {
            int status = Volatile.Read(ref _status);
            if ((status & (ScheduledBit | ClosedBit)) != 0) return false;
            // A suspended actor runs only for system messages; its user messages wait.
            if (!forSystemMessage && status >= SuspendUnit) return false;
            if (Interlocked.CompareExchange(ref _status, status | ScheduledBit, status) == status) return true;
        }
    }

    private void SuspendMailbox() => Interlocked.Add(ref _status, SuspendUnit);

    private void ResumeMailbox() => Interlocked.Add(ref _status, -SuspendUnit);

    private ConcurrentQueue<Envelope> CreateUserQueue()
    {
        var created = new ConcurrentQueue<Envelope>();
        return Interlocked.CompareExchange(ref _userQueue, created, null) ?? created;
    }

    /// <summary>Dead-letters whatever is queued (any thread may do it once the mailbox is closed; each message goes once).</summary>
    private void DrainToDeadLetters(ConcurrentQueue<Envelope> queue)
    {
        while (queue.TryDequeue(out var envelope))
        {
            System.EndWork();
            System.DeadLetter(envelope.Message, envelope.Sender, Self);
        }
    }

    /// <summary>Drains the system stack in arrival order until it stays empty.</summary>
    private void ProcessSystemMessages()
    {
        while (true)
        {
            var head = Volatile.Read(ref _systemHead);
            if (head is null || head == MailboxClosed.Instance) return;
            if (Interlocked.CompareExchange(ref _systemHead, null, head) != head) continue;
            // No user message is current while system messages run (PreStart must not see a stale Sender).
            _current = default;
            for (var message = Reverse(head); message is not null;)
            {
                var next = message.Next;
                message.Next = null;
                if (_recordsSteps) _dispatcher.RecordStep(this, message);
                // Counted with user messages, so a real-clock quiescence scan sees system traffic too.
                _processed++;
                if (IsClosed) HandleDeadSystemMessage(message);
                else InvokeSystem(message);
                System.EndWork();
                message = next;
            }
        }
    }

    /// <summary>Messages waiting in this mailbox (exact only while the owner is not consuming, e.g. blocked in an ask).</summary>
    internal long Backlog
    {
        get
        {
            long count = (_userQueue?.Count ?? 0) + (_unstashed?.Count ?? 0);
            for (var message = Volatile.Read(ref _systemHead); message is not null && message != MailboxClosed.Instance; message = message.Next) count++;
            return count;
        }
    }

    private static SystemMessage? Reverse(SystemMessage? newestFirst)
    {
        SystemMessage? oldestFirst = null;
        while (newestFirst is not null)
        {
            var next = newestFirst.Next;
            newestFirst.Next = oldestFirst;
            oldestFirst = newestFirst;
            newestFirst = next;
        }
        return oldestFirst;
    }

    /// <summary>
    /// Closes the mailbox for good: no more runs; later Tells become dead letters, later system
    /// messages are handled as dead; what is queued now goes to dead letters.
    /// </summary>
    private void CloseMailbox()
    {
        // Closed first (full fence), then drain: a Tell racing with this either lands before the
        // drain or sees the Closed bit after its enqueue and drains itself (see Post).
        Interlocked.Or(ref _status, ClosedBit);
        while (_unstashed is { Count: > 0 } unstashed)
        {
            var envelope = unstashed.Dequeue();
            System.EndWork();
            System.DeadLetter(envelope.Message, envelope.Sender, Self);
        }
        if (_userQueue is { } queue) DrainToDeadLetters(queue);
        DropStash();
        var pending = Interlocked.Exchange(ref _systemHead, MailboxClosed.Instance);
        for (var message = Reverse(pending); message is not null;)
        {
            var next = message.Next;
            message.Next = null;
            System.EndWork();
            HandleDeadSystemMessage(message);
            message = next;
        }
    }
}
