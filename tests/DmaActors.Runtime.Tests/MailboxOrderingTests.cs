using DmaActors.Runtime.Cells;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;

namespace DmaActors.Runtime.Tests;

/// <summary>
/// The kernel itself under real concurrency (the deterministic dispatcher cannot find memory-
/// ordering bugs in the lock-free mailbox): ordering per sender, no lost wake-ups, batching.
/// </summary>
public sealed class MailboxOrderingTests
{
    private static ActorSystem ThreadPoolSystem(ClockKind clock, int throughput = 30) =>
        ActorSystem.Create("pool", new ActorSystemSettings { Clock = clock, Throughput = throughput });

    [Theory]
    [InlineData(ClockKind.Real)]
    [InlineData(ClockKind.Virtual)]
    public void Messages_from_one_sender_arrive_in_send_order_with_many_concurrent_senders(ClockKind clock)
    {
        const int senders = 8;
        const int perSender = 20_000;
        using var system = ThreadPoolSystem(clock);
        var checker = system.ActorOf(Props.Create(() => new SequenceChecker(senders)), "checker");

        // Plain threads, started together, all hammering the one mailbox.
        using var start = new ManualResetEventSlim(false);
        var threads = Enumerable.Range(0, senders).Select(id => new Thread(() =>
        {
            start.Wait();
            for (int seq = 0; seq < perSender; seq++) checker.Tell(new Sequenced(id, seq));
        })).ToList();
        threads.ForEach(t => t.Start());
        start.Set();
        threads.ForEach(t => t.Join());

        var report = checker.AskBlocking<SequenceReport>(ReportPlease.Instance, Duration.FromSeconds(30));
        Assert.Equal(0, report.OutOfOrder);
        Assert.Equal(senders * perSender, report.Received);
    }

    [Fact]
    public void Messages_between_actor_pairs_keep_order_when_many_pairs_run_on_both_cores()
    {
        const int pairs = 16;
        const int messages = 5_000;
        using var system = ThreadPoolSystem(ClockKind.Real, throughput: 5);
        var done = new CountdownEvent(pairs);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        for (int p = 0; p < pairs; p++)
        {
            var receiver = system.ActorOf(Props.Create(() => new OrderedReceiver(messages, done, failures)));
            var sender = system.ActorOf(Props.Create(() => new BurstSender(receiver, messages)));
            sender.Tell("go");
        }
        Assert.True(done.Wait(TimeSpan.FromSeconds(60)), $"only {pairs - done.CurrentCount} of {pairs} pairs finished: a lost wake-up?");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Strict_ping_pong_never_loses_a_wake_up()
    {
        // One message in flight: every hop goes through the idle→scheduled transition, the
        // place a plain volatile write instead of a CAS loses wake-ups.
        const int roundTrips = 100_000;
        using var system = ThreadPoolSystem(ClockKind.Real, throughput: 1);
        var finished = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pong = system.ActorOf(Props.Create(() => new EchoActor()));
        var ping = system.ActorOf(Props.Create(() => new PingActor(pong, roundTrips, finished)));
        ping.Tell("start");
        var trips = await finished.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(roundTrips, trips);
    }

    [Fact]
    public void A_busy_actor_handles_at_most_throughput_messages_per_run()
    {
        using var system = ThreadPoolSystem(ClockKind.Real, throughput: 5);
        using var gate = new ManualResetEventSlim(false);
        var counter = system.ActorOf(Props.Create(() => new GatedCounter(gate)));
        counter.Tell("hold");          // the actor blocks on the gate inside its first message
        for (int i = 0; i < 100; i++) counter.Tell(i);
        gate.Set();
        Assert.Equal(100, counter.AskBlocking<int>("count", Duration.FromSeconds(30)));

        var cell = ((LocalActorRef)counter).Cell;
        // 1 run for Create + "hold" at most, then 100 messages at 5 per run: at least 20 runs.
        Assert.True(cell.RunCount >= 20, $"{cell.RunCount} runs for 102 messages at throughput 5");
    }

    [Fact]
    public void A_message_sent_while_its_receiver_stops_is_either_handled_or_dead_lettered_never_lost()
    {
        const int senders = 4;
        const int perSender = 20_000;
        for (int round = 0; round < 5; round++)
        {
            using var system = ThreadPoolSystem(ClockKind.Real, throughput: 5);
            long handled = 0, deadLettered = 0;
            var letters = system.ActorOf(Props.Create(() => new DeadLetterCounter(() => Interlocked.Increment(ref deadLettered))));
            system.EventStream.Subscribe<Events.DeadLetter>(letters);
            var target = system.ActorOf(Props.Create(() => new HandledCounter(() => Interlocked.Increment(ref handled))));
            using var start = new ManualResetEventSlim(false);
            var threads = Enumerable.Range(0, senders).Select(_ => new Thread(() =>
            {
                start.Wait();
                for (int i = 0; i < perSender; i++) target.Tell(i);
            })).ToList();
            threads.ForEach(t => t.Start());
            start.Set();
            system.Stop(target); // races with the senders
            threads.ForEach(t => t.Join());
            system.RunUntilIdle();
            Assert.Equal(senders * perSender, Interlocked.Read(ref handled) + Interlocked.Read(ref deadLettered));
        }
    }

    private sealed class HandledCounter : Actor
    {
        public HandledCounter(Action count) => Receive<int>(_ => count());
    }

    private sealed class DeadLetterCounter : Actor
    {
        public DeadLetterCounter(Action count) => Receive<Events.DeadLetter>(letter =>
        {
            if (letter.Message is int) count();
        });
    }

    private sealed record Sequenced(int Sender, int Seq);

    private sealed record SequenceReport(int Received, int OutOfOrder);

    private sealed class ReportPlease
    {
        public static readonly ReportPlease Instance = new();
    }

    private sealed class SequenceChecker : Actor
    {
        public SequenceChecker(int senders)
        {
            var next = new int[senders];
            int received = 0, outOfOrder = 0;
            Receive<Sequenced>(m =>
            {
                received++;
                if (m.Seq != next[m.Sender]) outOfOrder++;
                next[m.Sender] = m.Seq + 1;
            });
            Receive<ReportPlease>(_ => Sender.Tell(new SequenceReport(received, outOfOrder)));
        }
    }

    private sealed class BurstSender : Actor
    {
        public BurstSender(IActorRef receiver, int count) =>
            Receive<string>(_ =>
            {
                for (int i = 0; i < count; i++) receiver.Tell(i);
            });
    }

    private sealed class OrderedReceiver : Actor
    {
        public OrderedReceiver(int count, CountdownEvent done, System.Collections.Concurrent.ConcurrentBag<string> failures)
        {
            int expected = 0;
            Receive<int>(i =>
            {
                if (i != expected) failures.Add($"{Self.Path}: expected {expected}, got {i}");
                expected = i + 1;
                if (expected == count) done.Signal();
            });
        }
    }

    private sealed class PingActor : Actor
    {
        public PingActor(IActorRef pong, int roundTrips, TaskCompletionSource<int> finished)
        {
            int trips = 0;
            Receive<string>(_ => pong.Tell(0));
            Receive<int>(_ =>
            {
                if (++trips == roundTrips) finished.TrySetResult(trips);
                else pong.Tell(trips);
            });
        }
    }

    private sealed class GatedCounter : Actor
    {
        public GatedCounter(ManualResetEventSlim gate)
        {
            int count = 0;
            Receive<string>(s => s == "hold", _ => gate.Wait());
            Receive<string>(s => s == "count", _ => Sender.Tell(count));
            Receive<int>(_ => count++);
        }
    }
}
