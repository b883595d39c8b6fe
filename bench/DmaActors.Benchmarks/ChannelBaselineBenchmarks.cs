using System.Threading.Channels;
using BenchmarkDotNet.Attributes;

namespace DmaActors.Benchmarks;

/// <summary>
/// The raw <see cref="System.Threading.Channels"/> baselines the old kernel's messaging
/// benchmarks were judged against (bench/README.md, issue 2), kept unchanged so the actor figures
/// of <see cref="PingPongBenchmarks"/>, <see cref="ManyPairsThroughputBenchmarks"/> and
/// <see cref="ManySendersToOneBenchmarks"/> can still be set against them, and so runs before and
/// after the move to Akka.NET can be compared on a figure that did not move. No actor runtime
/// takes part, hence a class of its own (the runtime parameter would only repeat each row).
/// </summary>
[MemoryDiagnoser]
public class ChannelBaselineBenchmarks
{
    private static readonly UnboundedChannelOptions OneToOne = new() { SingleReader = true, SingleWriter = true };
    private static readonly UnboundedChannelOptions ManyToOne = new() { SingleReader = true, SingleWriter = false };

    private readonly int _pairs = Environment.ProcessorCount;
    private Channel<object>? _pings;
    private Channel<object>? _pongs;
    private SenderThreads? _senders;

    [GlobalSetup(Target = nameof(PingPong))]
    public void SetupPingPong()
    {
        _pings = Channel.CreateUnbounded<object>(OneToOne);
        _pongs = Channel.CreateUnbounded<object>(OneToOne);
    }

    [GlobalSetup(Target = nameof(ManySenders))]
    public void SetupManySenders() => _senders = new SenderThreads(ManySendersToOneBenchmarks.Senders);

    [GlobalCleanup]
    public void Cleanup()
    {
        _senders?.Dispose();
        _senders = null;
    }

    /// <summary>As <see cref="PingPongBenchmarks"/>: two tasks, two unbounded channels, <c>await ReadAsync</c> / <c>TryWrite</c>, 1 in flight; per hop.</summary>
    [Benchmark(OperationsPerInvoke = 2 * PingPongBenchmarks.RoundTrips, Description = "channels: 2 tasks, 1 in flight")]
    public void PingPong()
    {
        var ponger = Task.Run(() => PongLoop(_pings!.Reader, _pongs!.Writer, PingPongBenchmarks.RoundTrips));
        var pinger = Task.Run(() => PingLoop(_pings!.Writer, _pongs!.Reader, PingPongBenchmarks.RoundTrips));
        if (!Task.WaitAll([pinger, ponger], Systems.Limit)) throw new TimeoutException("The channel ping-pong stalled.");
    }

    /// <summary>As <see cref="ManyPairsThroughputBenchmarks"/>: the same pattern between tasks over unbounded channels (<c>WaitToReadAsync</c> + <c>TryRead</c> drain); per message.</summary>
    [Benchmark(OperationsPerInvoke = 2 * ManyPairsThroughputBenchmarks.TotalRoundTrips, Description = "channels: pairs x 1000 in flight")]
    public void ManyPairs()
    {
        var loops = new Task[2 * _pairs];
        long repeats = ManyPairsThroughputBenchmarks.TotalRoundTrips / _pairs;
        for (int i = 0; i < _pairs; i++)
        {
            var toDestination = Channel.CreateUnbounded<object>(OneToOne);
            var toClient = Channel.CreateUnbounded<object>(OneToOne);
            loops[2 * i] = Task.Run(() => DestinationLoop(toDestination.Reader, toClient.Writer));
            loops[(2 * i) + 1] = Task.Run(() => ClientLoop(toDestination.Writer, toClient.Reader, repeats));
        }
        if (!Task.WaitAll(loops, Systems.Limit)) throw new TimeoutException("The channel pairs stalled.");
    }

    /// <summary>As <see cref="ManySendersToOneBenchmarks"/>: the same threads <c>TryWrite</c> into one unbounded single-reader channel drained by one task; per message.</summary>
    [Benchmark(OperationsPerInvoke = ManySendersToOneBenchmarks.Senders * ManySendersToOneBenchmarks.MessagesPerSender, Description = "channels: 8 threads write one channel")]
    public void ManySenders()
    {
        const int total = ManySendersToOneBenchmarks.Senders * ManySendersToOneBenchmarks.MessagesPerSender;
        var channel = Channel.CreateUnbounded<object>(ManyToOne);
        var done = new Completion(1);
        var reader = Task.Run(() => CountLoop(channel.Reader, total, done));
        _senders!.Start(_ =>
        {
            var writer = channel.Writer;
            for (int i = 0; i < ManySendersToOneBenchmarks.MessagesPerSender; i++) writer.TryWrite(BenchMessages.Increment.Instance);
        });
        done.Wait(Systems.Limit);
        _senders.WaitFinished(Systems.Limit);
        reader.GetAwaiter().GetResult();
    }

    private static async Task PingLoop(ChannelWriter<object> pings, ChannelReader<object> pongs, int roundTrips)
    {
        for (int i = 0; i < roundTrips; i++)
        {
            pings.TryWrite(BenchMessages.Ping.Instance);
            await pongs.ReadAsync();
        }
    }

    private static async Task PongLoop(ChannelReader<object> pings, ChannelWriter<object> pongs, int roundTrips)
    {
        for (int i = 0; i < roundTrips; i++) pongs.TryWrite(await pings.ReadAsync());
    }

    /// <summary>The client as a task: drains whatever replies are there, answering each with a new message.</summary>
    private static async Task ClientLoop(ChannelWriter<object> toDestination, ChannelReader<object> replies, long repeats)
    {
        long sent = 0;
        long received = 0;
        for (long initial = Math.Min(ManyPairsThroughputBenchmarks.InFlight, repeats); sent < initial; sent++) toDestination.TryWrite(BenchMessages.Ping.Instance);
        while (received < repeats && await replies.WaitToReadAsync())
        {
            while (replies.TryRead(out var reply))
            {
                received++;
                if (sent < repeats)
                {
                    sent++;
                    toDestination.TryWrite(reply);
                }
            }
        }
        toDestination.TryComplete();
    }

    /// <summary>The destination as a task: echoes until the client completes its channel.</summary>
    private static async Task DestinationLoop(ChannelReader<object> requests, ChannelWriter<object> replies)
    {
        while (await requests.WaitToReadAsync())
        {
            while (requests.TryRead(out var request)) replies.TryWrite(request);
        }
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
