using Akka.Actor;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Runtime.Tests;

/// <summary>Akka's scheduler on virtual time: actor timers, receive time-outs and scheduled tells, drift-free and in order with the hardware's nanosecond timers.</summary>
public sealed class VirtualSchedulerTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Theory]
    [InlineData(DispatcherKind.Deterministic)]
    [InlineData(DispatcherKind.ThreadPool)]
    public void A_10_us_periodic_Akka_timer_ticks_exactly_100000_times_in_1_s_of_virtual_time(DispatcherKind dispatcher)
    {
        using var scope = new SimulationScope("scope", new SimulationSettings { Dispatcher = dispatcher, Seed = 1 });
        var ticker = scope.System.ActorOf(Props.Create(() => new Ticker(TimeSpan.FromMicroseconds(10))), "ticker");

        scope.World.Advance(Duration.FromSeconds(1));

        Assert.Equal(100_000, scope.World.AskBlocking<int>(ticker, "count"));
        Assert.Equal(1_000_000_000, scope.World.Clock.NowNanoseconds);
    }

    [Fact]
    public void A_scheduled_tell_arrives_at_its_virtual_time()
    {
        var probe = CreateTestProbe();
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(3), probe.Ref, "late", ActorRefs.NoSender);

        probe.ExpectNoMsg(Duration.FromMilliseconds(2.9));
        probe.ExpectMsg<string>(Duration.FromMilliseconds(0.2));

        Assert.Equal(3_000_000, World.Clock.NowNanoseconds);
    }

    [Fact]
    public void A_cancelled_job_leaves_the_timer_queue_so_the_world_is_idle()
    {
        var probe = CreateTestProbe();
        var job = Sys.Scheduler.ScheduleTellOnceCancelable(TimeSpan.FromSeconds(5), probe.Ref, "never", ActorRefs.NoSender);
        job.Cancel();

        var outcome = RunUntil(() => probe.HasMessages, Duration.FromSeconds(60));

        Assert.Equal(RunOutcome.Idle, outcome);
        Assert.Equal(0, World.Clock.NowNanoseconds);
    }

    [Fact]
    public void A_receive_timeout_fires_after_virtual_silence()
    {
        var probe = CreateTestProbe();
        Sys.ActorOf(Props.Create(() => new Sleepy(probe.Ref)), "sleepy");

        probe.ExpectMsg<string>(Duration.FromMilliseconds(60), s => s == "timed out");

        Assert.InRange(World.Clock.NowNanoseconds, 50_000_000, 60_000_000);
    }

    [Fact]
    public void Akka_and_hardware_timers_due_at_one_instant_fire_in_the_order_they_were_started()
    {
        var fired = new List<string>();
        World.Clock.Schedule(Duration.FromMicroseconds(1), _ => fired.Add("hardware first"), null);
        Sys.Scheduler.Advanced.ScheduleOnce(TimeSpan.FromMicroseconds(1), () => fired.Add("akka second"));
        World.Clock.Schedule(Duration.FromMicroseconds(1), _ => fired.Add("hardware third"), null);

        Advance(Duration.FromMicroseconds(1));

        Assert.Equal(["hardware first", "akka second", "hardware third"], fired);
    }

    [Fact]
    public void The_schedulers_clocks_read_virtual_time()
    {
        Advance(Duration.FromMilliseconds(1.5));

        Assert.Equal(TimeSpan.FromMilliseconds(1.5), Sys.Scheduler.MonotonicClock);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddMilliseconds(1.5), Sys.Scheduler.Now);
    }

    private sealed class Ticker : ReceiveActor, IWithTimers
    {
        private readonly TimeSpan _interval;
        private int _ticks;

        public Ticker(TimeSpan interval)
        {
            _interval = interval;
            Receive<string>(s => s == "tick", _ => _ticks++);
            Receive<string>(s => s == "count", _ => Sender.Tell(_ticks));
        }

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PreStart() => Timers.StartPeriodicTimer("tick", "tick", _interval);
    }

    private sealed class Sleepy : ReceiveActor
    {
        public Sleepy(IActorRef probe)
        {
            Context.SetReceiveTimeout(TimeSpan.FromMilliseconds(50));
            Receive<ReceiveTimeout>(_ =>
            {
                probe.Tell("timed out");
                Context.SetReceiveTimeout(null);
            });
        }
    }
}
