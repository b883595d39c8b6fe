using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using DmaActors.Runtime;

namespace DmaActors.Benchmarks;

/// <summary>
/// Akka.NET's PingPong (<c>src/benchmark/PingPong</c>): <see cref="Environment.ProcessorCount"/>
/// client/destination pairs, each client keeping <see cref="InFlight"/> messages in flight;
/// every message both ways counts, and results are per message. Swept over the dispatcher's
/// <see cref="ActorSystemSettings.Throughput"/> (Akka.NET's default is 30).
/// </summary>
[MemoryDiagnoser]
public class ManyPairsThroughputBenchmarks
{
    public const int InFlight = 1000;

    /// <summary>Round trips per invocation over all pairs: 4 M messages (both directions).</summary>
    public const int TotalRoundTrips = 2_000_000;

    private const int TotalMessages = 2 * TotalRoundTrips;

    private static readonly UnboundedChannelOptions ChannelOptions = new() { SingleReader = true, SingleWriter = true };

    private readonly int _pairs = Environment.ProcessorCount;
    private ActorSystem? _system;
    private IActorRef[] _clients = [];

    /// <summary>User messages an actor handles per run before it gives its thread back.</summary>
    [Params(1, 30, 100)]
    public int Throughput { get; set; }

    private long RepeatsPerPair => TotalRoundTrips / _pairs;

    [GlobalSetup(Target = nameof(Actors))]
    public void SetupActors()
    {
        _system = Systems.CreateRealTime("pairs", Throughput);
        _clients = new IActorRef[_pairs];
        for (int i = 0; i < _pairs; i++)
        {
            var destination = _system.ActorOf(Props.Create(() => new EchoActor()), $"destination{i}");
            _clients[i] = _system.ActorOf(Props.Create(() => new ThroughputClientActor(destination)), $"client{i}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _system?.Shutdown();
        _system = null;
    }

    [Benchmark(OperationsPerInvoke = TotalMessages, Description = "actors: pairs x 1000 in flight")]
    public void Actors()
    {
        var done = new Completion(_pairs);
        foreach (var client in _clients) client.Tell(new BenchMessages.StartClient(RepeatsPerPair, InFlight, done));
        done.Wait(Systems.Limit);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = TotalMessages, Description = "channels: pairs x 1000 in flight")]
    public void Channels()
    {
        var loops = new Task[2 * _pairs];
        long repeats = RepeatsPerPair;
        for (int i = 0; i < _pairs; i++)
        {
            var toDestination = Channel.CreateUnbounded<object>(ChannelOptions);
            var toClient = Channel.CreateUnbounded<object>(ChannelOptions);
            loops[2 * i] = Task.Run(() => DestinationLoop(toDestination.Reader, toClient.Writer));
            loops[(2 * i) + 1] = Task.Run(() => ClientLoop(toDestination.Writer, toClient.Reader, repeats));
        }
        if (!Task.WaitAll(loops, Systems.Limit)) throw new TimeoutException("The channel pairs stalled.");
    }

    /// <summary>The client as a task: drains whatever replies are there, answering each with a new message.</summary>
    private static async Task ClientLoop(ChannelWriter<object> toDestination, ChannelReader<object> replies, long repeats)
    {
        long sent = 0;
        long received = 0;
        for (long initial = Math.Min(InFlight, repeats); sent < initial; sent++) toDestination.TryWrite(BenchMessages.Ping.Instance);
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
}
