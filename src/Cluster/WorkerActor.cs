using Akka.Actor;
using Akka.Cluster;
using DmaActors.Cluster.Protocol;

namespace DmaActors.Cluster;

/// <summary>
/// A worker node's agent: says it is ready to the coordinator once that is up, makes the job's
/// runner from the offer, runs each assigned item on a thread-pool thread (one per slot; the
/// coordinator never sends more), and sends each result back, which frees the slot for the next.
/// Ends the worker when the job is complete or the coordinator is lost.
/// </summary>
internal sealed class WorkerActor : ReceiveActor
{
    private readonly int _slots;
    private readonly Func<JobOffer, IWorkRunner> _runners;
    private readonly TaskCompletionSource<WorkerOutcome> _outcome;
    private Address? _coordinator;
    private IWorkRunner? _runner;
    private string? _refusal;
    private int _itemsRun;

    public WorkerActor(int slots, Func<JobOffer, IWorkRunner> runners, TaskCompletionSource<WorkerOutcome> outcome)
    {
        _slots = slots;
        _runners = runners;
        _outcome = outcome;
        Receive<ClusterEvent.MemberUp>(m => OnUp(m.Member));
        Receive<ClusterEvent.UnreachableMember>(m => LostIf(m.Member, "unreachable"));
        Receive<ClusterEvent.MemberRemoved>(m =>
        {
            // Removed after exiting: it left on purpose, which a coordinator does only once its job is over.
            if (m.PreviousStatus == MemberStatus.Exiting) DoneIf(m.Member);
            else LostIf(m.Member, "removed from the cluster");
        });
        Receive<ClusterEvent.MemberLeft>(m => DoneIf(m.Member));
        Receive<ClusterEvent.MemberExited>(m => DoneIf(m.Member));
        Receive<ClusterEvent.IMemberEvent>(_ => { });
        Receive<JobOffer>(OnOffer);
        Receive<ItemAssigned>(OnAssigned);
        Receive<Ran>(r =>
        {
            _itemsRun++;
            r.ReplyTo.Tell(new ItemFinished(r.Item, r.Result.Status, r.Result.Payload));
        });
        Receive<JobComplete>(c => _outcome.TrySetResult(new WorkerOutcome(true, $"the coordinator says {c.Reason}; this worker ran {_itemsRun} items", _itemsRun)));
    }

    protected override void PreStart() =>
        Akka.Cluster.Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.UnreachableMember));

    protected override void PostStop() => Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);

    private void OnUp(Member member)
    {
        if (_coordinator is not null || !member.HasRole(ClusterConfiguration.CoordinatorRole)) return;
        _coordinator = member.Address;
        Context.ActorSelection(new RootActorPath(member.Address) / "user" / CoordinatorActor.Name).Tell(new WorkerReady(_slots));
    }

    private void LostIf(Member member, string how)
    {
        if (member.Address != _coordinator) return;
        _outcome.TrySetResult(new WorkerOutcome(false, $"lost the coordinator at {member.Address.Host}:{member.Address.Port} ({how}) after running {_itemsRun} items; its record file keeps what finished: run it again with the same --resume FILE to go on", _itemsRun));
    }

    private void DoneIf(Member member)
    {
        if (member.Address != _coordinator) return;
        _outcome.TrySetResult(new WorkerOutcome(true, $"the coordinator left the cluster: its job is over; this worker ran {_itemsRun} items", _itemsRun));
    }

    private void OnOffer(JobOffer offer)
    {
        try
        {
            _runner = _runners(offer);
        }
        catch (Exception refused) when (refused is FormatException or IOException or ArgumentException or InvalidOperationException)
        {
            // Every item this worker is given reports why, and the coordinator ends the job with it.
            _refusal = refused.Message;
        }
    }

    private void OnAssigned(ItemAssigned assigned)
    {
        var replyTo = Sender;
        var self = Self;
        var node = Akka.Cluster.Cluster.Get(Context.System).SelfAddress;
        if (_runner is not { } runner)
        {
            self.Tell(new Ran(assigned.Item, new ItemResult(ItemStatus.Refused, _refusal ?? "the worker got an item before its job"), replyTo));
            return;
        }
        Task.Run(() =>
        {
            ItemResult result;
            try
            {
                result = runner.Run(assigned.Item);
            }
            catch (Exception bug)
            {
                result = new ItemResult(ItemStatus.Refused, $"item {assigned.Item} failed on worker {node.Host}:{node.Port}: {bug.GetType().Name}: {bug.Message}");
            }
            self.Tell(new Ran(assigned.Item, result, replyTo));
        });
    }

    private sealed record Ran(int Item, ItemResult Result, IActorRef ReplyTo);
}
