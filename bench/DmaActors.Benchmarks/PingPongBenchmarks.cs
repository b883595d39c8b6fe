using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using DmaActors.Runtime;

namespace DmaActors.Benchmarks;

/// <summary>
/// Pure latency: two parties, exactly one message in flight, <see cref="RoundTrips"/> round trips
/// per invocation; results are per hop (one message delivered and handled). Anchors: Akka.NET
/// 227.9 ns per message (.NET 8, i7-6700K); raw channels ~150 ns per hop on this machine kind.
/// </summary>
[MemoryDiagnoser]
public class PingPongBenchmarks
{
    public const int RoundTrips = 100_000;
    private const int Hops = 2 * RoundTrips;

    private static readonly UnboundedChannelOptions ChannelOptions = new() { SingleReader = true, SingleWriter = true };

    private ActorSystem? _system;
    private IActorRef? _pinger;
    private Channel<object>? _pings;
    private Channel<object>? _pongs;

    [GlobalSetup(Target = nameof(Actors))]
    public void SetupActors()
    {
        _system = Systems.CreateRealTime("pingpong");
        var echo = _system.ActorOf(Props.Create(() => new EchoActor()), "echo");
        _pinger = _system.ActorOf(Props.Create(() => new PingerActor(echo)), "pinger");
    }

    [GlobalSetup(Target = nameof(Channels))]
    public void SetupChannels()
    {
        _pings = Channel.CreateUnbounded<object>(ChannelOptions);
        _pongs = Channel.CreateUnbounded<object>(ChannelOptions);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _system?.Shutdown();
        _system = null;
    }

    [Benchmark(OperationsPerInvoke = Hops, Description = "actors: 1 pair, 1 in flight")]
    public void Actors()
    {
        var done = new Completion(1);
        _pinger!.Tell(new BenchMessages.StartPingPong(RoundTrips, done));
        done.Wait(Systems.Limit);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Hops, Description = "channels: 2 tasks, 1 in flight")]
    public void Channels()
    {
        var ponger = Task.Run(() => PongLoop(_pings!.Reader, _pongs!.Writer, RoundTrips));
        var pinger = Task.Run(() => PingLoop(_pings!.Writer, _pongs!.Reader, RoundTrips));
        if (!Task.WaitAll([pinger, ponger], Systems.Limit)) throw new TimeoutException("The channel ping-pong stalled.");
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
}
