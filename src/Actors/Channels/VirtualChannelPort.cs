using Akka.Actor;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.Actors.Channels;

/// <summary>
/// The client side of one virtual channel, owned by it: what a driver's calls reach without a
/// round trip to the channel's actor (kernel twin: what virt-dma keeps under <c>vc-&gt;lock</c>
/// for <c>tx_submit</c>, <c>issue_pending</c>, <c>terminate</c> and <c>tx_status</c>). Cookies are
/// handed out here and the descriptor is queued to the channel under one lock, so the channel
/// takes submits, issues and terminates in the order callers made them, whatever thread they
/// are on; the channel publishes its progress back here, so a status can be read from anywhere,
/// a completion callback included.
/// </summary>
/// <remarks>
/// Who writes and who reads each field (every field under <see cref="_gate"/> unless it says
/// otherwise; the lock is held only for field updates and a <c>Tell</c>, never across a wait or a
/// callback, so it cannot deadlock):
/// <list type="bullet">
/// <item><see cref="_lastAssigned"/> (<c>chan-&gt;cookie</c>): written by clients (submit); read by status.</item>
/// <item><see cref="_waiting"/>: cookie → length of descriptors submitted and not started; clients add
/// (submit) and clear (terminate), the channel removes one when it starts it; read by status.</item>
/// <item><see cref="_lastCompleted"/> (<c>chan-&gt;completed_cookie</c>), <see cref="_failures"/>,
/// <see cref="_active"/>, <see cref="_paused"/>: written by the channel actor (Publish*); read by status.</item>
/// <item><see cref="_epoch"/>: the terminate epoch; bumped by clients (terminate) and by the channel actor
/// when it handles one (so does the kernel's terminate: it drops what completed meanwhile), read by the completion
/// actor without the lock (volatile), which drops callbacks queued under an older epoch (V-12).</item>
/// <item><see cref="_callbackThread"/>: written by the completion actor around each callback, read by
/// the façade's "am I in this channel's callback?" check (C-37) (volatile, no lock).</item>
/// <item><see cref="_nextDescriptorId"/>: handles for reusable descriptors, taken by clients (interlocked).</item>
/// <item><see cref="_finishedSilently"/>: the last cookie the hardware finished without a completion interrupt
/// (C-28), written by the channel actor; a status poll of a cookie up to it reads complete and asks the channel
/// to complete them (<see cref="NoticeCompletions"/>); reset by terminate.</item>
/// <item><see cref="_submittedSinceIssue"/>: set by clients at submit, cleared at issue and terminate.</item>
/// <item><see cref="_waitingChannels"/>: the controller's FIFO of channels waiting for a physical channel
/// (null on a dedicated controller), which an issue joins before it returns (V-17; it has a lock of its own).</item>
/// </list>
/// Every post names no sender explicitly: from a callback, Akka's implicit sender would be the
/// completion actor, and the channel answers whoever sends with a sender.
/// </remarks>
public sealed class VirtualChannelPort
{
    private const int FailuresKept = 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<int, long> _waiting = [];
    private readonly Dictionary<int, DmaengineTxResult> _failures = [];
    private readonly SimulatedWorld _world;
    private readonly IClock _clock;
    private int _lastAssigned = DmaCookie.MinCookie;
    private int _lastCompleted = DmaCookie.MinCookie;
    private (int Cookie, DescriptorRun Run)? _active;
    private bool _paused;
    private long _epoch;
    private int _callbackThread;
    private long _nextDescriptorId = 1L << 40;
    private bool _submittedSinceIssue;
    private int _finishedSilently = DmaCookie.MinCookie;
    private IActorRef? _channel;
    private readonly Arbitration.PendingChannels? _waitingChannels;

    internal VirtualChannelPort(int index, string name, DmaResidueGranularity granularity, SimulatedWorld world, Arbitration.PendingChannels? waitingChannels = null)
    {
        _waitingChannels = waitingChannels;
        Index = index;
        Name = name;
        Granularity = granularity;
        _world = world;
        _clock = world.Clock;
    }

    /// <summary>The controller's queue of channels waiting for a physical channel (null on a dedicated controller).</summary>
    internal Arbitration.PendingChannels? WaitingChannels => _waitingChannels;

    /// <summary>The channel's number on its controller.</summary>
    public int Index { get; }

    /// <summary>Its sysfs-style name, <c>dma{controller}chan{index}</c>.</summary>
    public string Name { get; }

    /// <summary>How finely status reports residue.</summary>
    public DmaResidueGranularity Granularity { get; }

    /// <summary>The channel's actor.</summary>
    public IActorRef Channel => _channel ?? throw new InvalidOperationException($"{Name} has no actor yet.");

    /// <summary>The terminate epoch now (read by the completion actor).</summary>
    internal long Epoch => Volatile.Read(ref _epoch);

    /// <summary>Starts a new terminate epoch: callbacks queued before it never run (the channel calls this when it handles a terminate, whoever sent it).</summary>
    internal void AdvanceEpoch() => Interlocked.Increment(ref _epoch);

    /// <summary>Whether the calling thread is running a completion callback of this channel right now.</summary>
    public bool IsInCallbackOnThisThread => Volatile.Read(ref _callbackThread) == Environment.CurrentManagedThreadId;

    /// <summary>
    /// Gives <paramref name="spec"/> the next cookie and queues it to the channel (submitted, not
    /// issued): <c>vchan_tx_submit</c> for a descriptor prepared and submitted in one go.
    /// </summary>
    /// <returns>The cookie.</returns>
    public int Submit(TransferSpec spec, DescriptorOptions options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        lock (_gate)
        {
            int cookie = AssignCookie_NeedsLock(spec.TotalBytes);
            Channel.Tell(new SubmitNewDescriptor(spec, options, cookie), ActorRefs.NoSender);
            return cookie;
        }
    }

    /// <summary>
    /// Prepares a descriptor the client keeps (DMA_CTRL_REUSE): queued to the channel's allocated
    /// list under a handle chosen here, so no reply is needed.
    /// </summary>
    /// <returns>The descriptor's handle.</returns>
    public long Prepare(TransferSpec spec, DescriptorOptions options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        long id = Interlocked.Increment(ref _nextDescriptorId);
        lock (_gate) Channel.Tell(new PrepareDescriptor(id, spec, options), ActorRefs.NoSender);
        return id;
    }

    /// <summary>Submits a prepared descriptor (<see cref="Prepare"/>) of <paramref name="length"/> bytes under the next cookie.</summary>
    /// <returns>The cookie.</returns>
    public int SubmitPrepared(long descriptorId, long length)
    {
        lock (_gate)
        {
            int cookie = AssignCookie_NeedsLock(length);
            Channel.Tell(new SubmitDescriptor(descriptorId, cookie), ActorRefs.NoSender);
            return cookie;
        }
    }

    /// <summary>
    /// Moves everything submitted so far to the issued list and starts the hardware if idle
    /// (<c>vchan_issue_pending</c>). On a shared pool the channel joins the controller's queue for a
    /// physical channel before this returns, so channels are served in the order callers issued
    /// them (V-17, H-11).
    /// </summary>
    public void IssuePending()
    {
        lock (_gate)
        {
            bool join = _waitingChannels is not null && _submittedSinceIssue;
            _submittedSinceIssue = false;
            // The channel hears of the issue before the arbiter can answer the queue entry.
            Channel.Tell(join ? IssueSubmitted.Queued : IssueSubmitted.Instance, ActorRefs.NoSender);
            if (join) _waitingChannels!.Append(Channel);
        }
    }

    /// <summary>
    /// Terminates the channel without waiting: from the moment this returns no callback of a
    /// descriptor completed before it starts (V-12), and nothing submitted before it will run; the
    /// hardware stops when the channel handles the command. Callable from anywhere (a callback too).
    /// </summary>
    public void Terminate()
    {
        lock (_gate)
        {
            StartTerminate_NeedsLock();
            Channel.Tell(TerminateChannel.Instance, ActorRefs.NoSender);
        }
    }

    /// <summary><see cref="Terminate"/>, then waits until the hardware has stopped (process context only).</summary>
    /// <returns>What was dropped, and what the aborted descriptor had moved.</returns>
    /// <exception cref="ActorDeadlockException">Called from inside the world.</exception>
    public TerminateChannelReply TerminateAndWait()
    {
        PendingReply pending;
        lock (_gate)
        {
            StartTerminate_NeedsLock();
            pending = _world.Send(Channel, TerminateChannel.Instance);
        }
        return _world.Await<TerminateChannelReply>(pending);
    }

    /// <summary>What a terminate changes before the channel hears of it: the epoch (V-12) and the queued cookies.</summary>
    private void StartTerminate_NeedsLock()
    {
        Interlocked.Increment(ref _epoch);
        _waiting.Clear();
        _finishedSilently = _lastCompleted;
        _submittedSinceIssue = false;
    }

    /// <summary>Sends <paramref name="command"/> (pause, resume, free, ...) in order with the calls above, answered to nobody.</summary>
    public void Post(object command)
    {
        ArgumentNullException.ThrowIfNull(command);
        lock (_gate) Channel.Tell(command, ActorRefs.NoSender);
    }

    /// <summary>
    /// Sends <paramref name="command"/> in order with the calls above and waits for the channel's
    /// answer: its reply, or a <see cref="CommandRejectedReply"/> (process context only).
    /// </summary>
    /// <exception cref="ActorDeadlockException">Called from inside the world.</exception>
    public object Ask(object command)
    {
        ArgumentNullException.ThrowIfNull(command);
        PendingReply pending;
        lock (_gate) pending = _world.Send(Channel, command);
        return _world.Await<object>(pending);
    }

    /// <summary>The state of <paramref name="cookie"/> as the channel last published it: <c>dmaengine_tx_status</c>, callable from anywhere.</summary>
    public TxStatusReply Status(int cookie)
    {
        lock (_gate)
        {
            if (DmaCookie.IsComplete(cookie, _lastCompleted, _lastAssigned) == DmaStatus.Complete)
            {
                var status = _failures.ContainsKey(cookie) ? DmaStatus.Error : DmaStatus.Complete;
                return new TxStatusReply(status, _lastCompleted, _lastAssigned, 0);
            }
            if (_finishedSilently != _lastCompleted && DmaCookie.IsComplete(cookie, _finishedSilently, _lastAssigned) == DmaStatus.Complete)
            {
                // Finished without an interrupt: the poll is how the driver notices (C-28).
                Channel.Tell(NoticeCompletions.Instance, ActorRefs.NoSender);
                return new TxStatusReply(DmaStatus.Complete, _lastCompleted, _lastAssigned, 0);
            }
            return new TxStatusReply(_paused ? DmaStatus.Paused : DmaStatus.InProgress, _lastCompleted, _lastAssigned, Residue_NeedsLock(cookie));
        }
    }

    /// <summary>Residue of an incomplete cookie (P-14): full size while queued, the hardware's position while active, at the channel's granularity.</summary>
    private long Residue_NeedsLock(int cookie)
    {
        if (_active is { } active && active.Cookie == cookie)
        {
            var run = active.Run;
            return Granularity switch
            {
                DmaResidueGranularity.Burst => run.ResidueAt(_clock),
                DmaResidueGranularity.Segment => run.SegmentResidueAt(_clock),
                _ => run.Spec.TotalBytes,
            };
        }
        return _waiting.GetValueOrDefault(cookie);
    }

    private int AssignCookie_NeedsLock(long length)
    {
        _lastAssigned = CookieCounter.Next(_lastAssigned);
        _waiting[_lastAssigned] = length;
        _submittedSinceIssue = true;
        return _lastAssigned;
    }

    // The channel actor's side: it publishes what a status must see.

    internal void Attach(IActorRef channel) => _channel = channel;

    internal void PublishStarted(int cookie, DescriptorRun run)
    {
        lock (_gate)
        {
            _waiting.Remove(cookie);
            _active = (cookie, run);
        }
    }

    internal void PublishCompleted(int cookie, DmaengineTxResult result)
    {
        lock (_gate)
        {
            _lastCompleted = cookie;
            if (DmaCookie.IsComplete(_finishedSilently, cookie, _lastAssigned) == DmaStatus.Complete) _finishedSilently = cookie;
            if (_active?.Cookie == cookie) _active = null;
            if (result == DmaengineTxResult.NoError) return;
            if (_failures.Count >= FailuresKept) _failures.Remove(_failures.Keys.First());
            _failures[cookie] = result;
        }
    }

    /// <summary>The active descriptor was terminated (or restarted under another state): nothing is running.</summary>
    internal void PublishIdle()
    {
        lock (_gate) _active = null;
    }

    internal void PublishFinishedSilently(int cookie)
    {
        lock (_gate)
        {
            _waiting.Remove(cookie);
            if (_active?.Cookie == cookie) _active = null;
            _finishedSilently = cookie;
        }
    }

    internal void PublishPaused(bool paused)
    {
        lock (_gate) _paused = paused;
    }

    // The completion actor's side.

    internal void BeginCallback() => Volatile.Write(ref _callbackThread, Environment.CurrentManagedThreadId);

    internal void EndCallback() => Volatile.Write(ref _callbackThread, 0);
}
