using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using DmaActors.Runtime;

namespace DmaActors.Benchmarks;

/// <summary>
/// Fan-in: <see cref="Senders"/> plain threads Tell as fast as they can into one counting actor;
/// results are per message. The baseline writes the same messages into one raw channel drained
/// by one task (the actor's mailbox is such a channel: unbounded, single reader, many writers).
/// </summary>
[MemoryDiagnoser]
public class ManySendersToOneBenchmarks
{
    public const int Senders = 8;
    public const int MessagesPerSender = 250_000;
    private const int TotalMessages = Senders * MessagesPerSender;

    private static readonly UnboundedChannelOptions ChannelOptions = new() { SingleReader = true, SingleWriter = false };

    private SenderThreads? _senders;
    private ActorSystem? _system;
    private IActorRef? _counter;

    [GlobalSetup(Target = nameof(Actors))]
    public void SetupActors()
    {
        _senders = new SenderThreads(Senders);
        _system = Systems.CreateRealTime("fan-in");
        _counter = _system.ActorOf(Props.Create(() => new CountingActor()), "counter");
    }

    [GlobalSetup(Target = nameof(Channels))]
    public void SetupChannels() => _senders = new SenderThreads(Senders);

    [GlobalCleanup]
    public void Cleanup()
    {
        _senders?.Dispose();
        _senders = null;
        _system?.Shutdown();
        _system = null;
    }

    [Benchmark(OperationsPerInvoke = TotalMessages, Description = "actors: 8 threads Tell one actor")]
    public void Actors()
    {
        var done = new Completion(1);
        var counter = _counter!;
        counter.Tell(new BenchMessages.ExpectCount(TotalMessages, done));
        _senders!.Start(_ =>
        {
            for (int i = 0; i < MessagesPerSender; i++) counter.Tell(BenchMessages.Increment.Instance);
        });
        done.Wait(Systems.Limit);
        _senders.WaitFinished(Systems.Limit);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = TotalMessages, Description = "channels: 8 threads write one channel")]
    public void Channels()
    {
        var channel = Channel.CreateUnbounded<object>(ChannelOptions);
        var done = new Completion(1);
        var reader = Task.Run(() => CountLoop(channel.Reader, TotalMessages, done));
        _senders!.Start(_ =>
        {
            var writer = channel.Writer;
            for (int i = 0; i < MessagesPerSender; i++) writer.TryWrite(BenchMessages.Increment.Instance);
        });
        done.Wait(Systems.Limit);
        _senders.WaitFinished(Systems.Limit);
        reader.GetAwaiter().GetResult();
    }

    private static async Task CountLoop(ChannelReader<object> reader, long total, Completion done)
    {
        long count = 0;
        while (count < total && await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out _))
            {
                if (++count == total) break;
            }
        }
        done.Signal();
    }
}
