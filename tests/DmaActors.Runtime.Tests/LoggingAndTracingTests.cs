using System.Collections.Concurrent;
using DmaActors.Runtime.Events;
using DmaActors.Runtime.Time;
using Microsoft.Extensions.Logging;

namespace DmaActors.Runtime.Tests;

public sealed class LoggingAndTracingTests
{
    private static (ActorSystem System, CapturingLoggerProvider Logs) SystemWithLogs(int deadLetterLogLimit = 10)
    {
        var logs = new CapturingLoggerProvider();
        var factory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var system = ActorSystem.Create("logs", ActorSystemSettings.Deterministic() with { LoggerFactory = factory, DeadLetterLogLimit = deadLetterLogLimit });
        return (system, logs);
    }

    [Fact]
    public void A_failure_and_the_supervisors_decision_are_logged_as_errors_with_the_actors_path()
    {
        var (system, logs) = SystemWithLogs();
        using var _ = system;
        var faulty = system.ActorOf(Props.Create(() => new Thrower()), "faulty");
        faulty.Tell("boom");
        system.RunUntilIdle();

        var entry = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error && e.Text.Contains("/user/faulty", StringComparison.Ordinal));
        Assert.Contains("decided Restart", entry.Text, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(entry.Error);
    }

    [Fact]
    public void Dead_letters_are_logged_up_to_the_budget_and_published_beyond_it()
    {
        var (system, logs) = SystemWithLogs(deadLetterLogLimit: 3);
        using var _ = system;
        var letters = new ConcurrentQueue<DeadLetter>();
        var listener = system.ActorOf(Props.Create(() => new Collector<DeadLetter>(letters)));
        system.EventStream.Subscribe<DeadLetter>(listener);
        var gone = system.ActorOf(Props.Create(() => new Thrower()), "gone");
        system.Stop(gone);
        system.RunUntilIdle();

        for (int i = 0; i < 5; i++) gone.Tell(i);
        system.RunUntilIdle();

        Assert.Equal(5, letters.Count);
        var logged = logs.Entries.Where(e => e.Text.StartsWith("Dead letter", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, logged.Count);
        Assert.Contains("further dead letters are published but not logged", logged[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tracer_sees_sends_receives_and_timers()
    {
        using var system = ActorSystem.Create("trace", ActorSystemSettings.Deterministic());
        var tracer = new RecordingTracer();
        system.Tracer = tracer;
        var timed = system.ActorOf(Props.Create(() => new SelfTimer()), "timed");
        timed.Tell("arm");
        system.Advance(Duration.FromMilliseconds(1));

        Assert.Contains(tracer.Events, e => e == "send /user/timed String");
        Assert.Contains(tracer.Events, e => e == "receive /user/timed String");
        Assert.Contains(tracer.Events, e => e == "timer /user/timed tick");
    }

    [Fact]
    public void Without_a_tracer_nothing_is_recorded_and_messages_still_flow()
    {
        using var system = ActorSystem.Create("trace", ActorSystemSettings.Deterministic());
        Assert.Null(system.Tracer);
        var echo = system.ActorOf(Props.Create(() => new EchoActor()));
        Assert.Equal(1, echo.AskBlocking<int>(1));
    }

    private sealed class Thrower : Actor
    {
        public Thrower() => Receive<string>(_ => throw new InvalidOperationException("boom"));
    }

    private sealed class Collector<T> : Actor
    {
        public Collector(ConcurrentQueue<T> into) => Receive<T>(into.Enqueue);
    }

    private sealed class SelfTimer : Actor
    {
        public SelfTimer()
        {
            Receive<string>(s => s == "arm", _ => Context.Timers.StartSingleTimer("tick", 42, Duration.FromMilliseconds(1)));
            Receive<int>(_ => { });
        }
    }

    private sealed class RecordingTracer : IActorTracer
    {
        public ConcurrentQueue<string> Events { get; } = new();

        public void OnSend(IActorRef? sender, IActorRef recipient, object message) => Events.Enqueue($"send {recipient.Path} {message.GetType().Name}");

        public void OnReceive(IActorRef recipient, object message, IActorRef? sender) => Events.Enqueue($"receive {recipient.Path} {message.GetType().Name}");

        public void OnTimer(IActorRef owner, object key, object message) => Events.Enqueue($"timer {owner.Path} {key}");
    }
}
