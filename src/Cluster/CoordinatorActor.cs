using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster;
using DmaActors.Cluster.Protocol;

namespace DmaActors.Cluster;

/// <summary>
/// Hands a job's items to the workers that say they are ready, as many at a time as each has
/// slots (a worker's finished item is its pull for the next), books the results, writes each to
/// the record, and re-issues a worker's items when the cluster finds it unreachable or it leaves.
/// </summary>
internal sealed class CoordinatorActor : ReceiveActor, IWithTimers
{
    /// <summary>The actor's name; workers find it at <c>/user/coordinator</c> on the coordinator's node.</summary>
    public const string Name = "coordinator";

    private readonly ClusterJob _job;
    private readonly WorkLedger<Address> _ledger;
    private readonly RecordFile _record;
    private readonly TextWriter _progress;
    private readonly TaskCompletionSource<CoordinatorOutcome> _outcome;
    private readonly Dictionary<Address, (IActorRef Worker, int Slots)> _workers = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly int _resumed;
    private string? _lastShown;

    public CoordinatorActor(ClusterJob job, RecordFile record, TextWriter progress, TaskCompletionSource<CoordinatorOutcome> outcome)
    {
        _job = job;
        _record = record;
        _progress = progress;
        _outcome = outcome;
        _ledger = new WorkLedger<Address>(job.Items, job.StopAtFirstFailure, record.Finished);
        _resumed = _ledger.Done;
        Receive<WorkerReady>(OnReady);
        Receive<ItemFinished>(OnFinished);
        Receive<ClusterEvent.UnreachableMember>(m => Lose(m.Member.Address, "unreachable"));
        Receive<ClusterEvent.MemberRemoved>(m => Lose(m.Member.Address, "removed from the cluster"));
        Receive<ClusterEvent.MemberExited>(m => Lose(m.Member.Address, "left"));
        Receive<ClusterEvent.IMemberEvent>(_ => { });
        Receive<ShowProgress>(_ => Show());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        Akka.Cluster.Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.UnreachableMember));
        Timers.StartPeriodicTimer(nameof(ShowProgress), ShowProgress.Instance, TimeSpan.FromSeconds(1));
        if (_resumed > 0) _progress.WriteLine($"cluster: {_resumed} items already finished in {_record.Path}; they are skipped");
        Finish();
    }

    protected override void PostStop() => Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);

    private void OnReady(WorkerReady ready)
    {
        var address = Sender.Path.Address;
        if (_workers.ContainsKey(address) || _outcome.Task.IsCompleted) return;
        _workers[address] = (Sender, Math.Max(1, ready.Slots));
        _progress.WriteLine($"cluster: worker {Describe(address)} joined with {ready.Slots} slots");
        Sender.Tell(new JobOffer(_job.Kind, _job.Arguments));
        Fill(address);
    }

    private void OnFinished(ItemFinished finished)
    {
        var address = Sender.Path.Address;
        var result = new ItemResult(finished.Status, finished.Payload);
        // A refusal (this worker could not read the board, say) ends the job but is not recorded:
        // a rerun tries the item again.
        if (_ledger.Complete(address, finished.Item, result))
        {
            if (result.Status != ItemStatus.Refused) _record.Add(finished.Item, result);
        }
        else _progress.WriteLine($"cluster: duplicate result for item {finished.Item} from {Describe(address)} dropped");
        if (Finish()) return;
        Fill(address);
    }

    private void Lose(Address address, string how)
    {
        if (!_workers.Remove(address) || _outcome.Task.IsCompleted) return;
        var items = _ledger.Lose(address);
        _progress.WriteLine($"cluster: worker {Describe(address)} lost ({how}); {(items.Count == 0 ? "it had no items in flight" : $"re-issuing items {string.Join(", ", items)}")}");
        foreach (var worker in _workers.Keys.ToList()) Fill(worker);
    }

    private void Fill(Address address)
    {
        if (!_workers.TryGetValue(address, out var worker)) return;
        while (_ledger.RunningOn(address) < worker.Slots && _ledger.Assign(address) is { } item) worker.Worker.Tell(new ItemAssigned(item));
    }

    /// <summary>Ends the job when nothing more is needed: tells the workers and hands the outcome over.</summary>
    private bool Finish()
    {
        if (!_ledger.IsComplete || _outcome.Task.IsCompleted) return _outcome.Task.IsCompleted;
        string reason = _ledger.Refusal is null ? "the job is complete" : "the job was refused";
        foreach (var (worker, _) in _workers.Values) worker.Tell(new JobComplete(reason));
        Timers.CancelAll();
        _progress.WriteLine(Line());
        _progress.WriteLine($"cluster: done in {_clock.Elapsed.TotalSeconds:F1} s: {_ledger.Done} items ({_resumed} from the record), {_ledger.Reissued} re-issued, {_ledger.Duplicates} duplicates dropped");
        _outcome.TrySetResult(new CoordinatorOutcome(new Dictionary<int, ItemResult>(_ledger.Results), _ledger.LowestFailure, _ledger.Refusal, _ledger.Reissued, _ledger.Duplicates));
        return true;
    }

    /// <summary>The progress line, when it says something new (a quiet cluster does not fill the log).</summary>
    private void Show()
    {
        string shown = ProgressLine.Format(_ledger, _resumed, TimeSpan.Zero, _workers.Keys, Describe);
        if (shown == _lastShown) return;
        _lastShown = shown;
        _progress.WriteLine(Line());
    }

    private string Line() => ProgressLine.Format(_ledger, _resumed, _clock.Elapsed, _workers.Keys, Describe);

    private static string Describe(Address address) => $"{address.Host}:{address.Port}";

    private sealed class ShowProgress
    {
        public static readonly ShowProgress Instance = new();
    }
}
