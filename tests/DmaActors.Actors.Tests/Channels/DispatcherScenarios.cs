using System.Globalization;
using System.Text;
using Akka.Actor;
using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Faults;
using DmaActors.Actors.Tracing;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.Actors.Tests.Channels;

/// <summary>
/// The integrity and ordering scenarios, written against a bare <see cref="ActorSystem"/> so the
/// same body runs on the deterministic dispatcher, under schedule exploration, and on the thread
/// pool with the virtual clock. Each checks its own invariants and returns a canonical summary
/// (per channel: cookie, result, residue, virtual completion time) that must not depend on the
/// dispatcher.
/// </summary>
internal static class DispatcherScenarios
{
    /// <summary>4 virtual channels pooled on 2 physical ones, 5 memcpys each of assorted sizes; all land intact.</summary>
    public static ScenarioResult MemcpyIntegrity(ActorSystem system)
    {
        var rig = new DmaRig(system, memory => new ControllerConfig { Memory = memory, PhysicalChannels = 2, VirtualChannels = 4 });
        int[] sizes = [4096, 64, 12288, 1000, 7];
        var descriptors = new List<Submitted>();
        for (int channel = 0; channel < 4; channel++)
        {
            for (int i = 0; i < sizes.Length; i++) descriptors.Add(rig.Memcpy(channel, (channel * sizes.Length) + i, sizes[(i + channel) % sizes.Length], burstBytes: 64 << (channel % 2)));
        }
        IssueInOrder(rig, 4);

        rig.RunUntilCallbacks(descriptors.Count);
        system.RunUntilIdle();

        Assert.Equal(descriptors.Count, rig.Log.Count);
        foreach (var d in descriptors) Assert.Equal(d.Pattern, rig.Read(DmaRig.Destination(d.Slot), d.Pattern.Length));
        AssertCookieOrderPerChannel(rig, 4);
        var stats = rig.Controller.Arbiter.AskBlocking<ArbiterStatsReply>(GetArbiterStats.Instance);
        Assert.Equal(descriptors.Sum(d => d.Pattern.Length), stats.BytesPerChannel.Sum());
        return Summarise(rig, 4, stats, preemptions: 0);
    }

    /// <summary>4 virtual channels on 1 physical channel, 3 descriptors each; optionally preempted every <paramref name="quantumBursts"/> bursts.</summary>
    public static ScenarioResult TimeDivision(ActorSystem system, int quantumBursts, ChannelMultiplexing multiplexing = ChannelMultiplexing.TimeSliced)
    {
        var tracer = new HardwareTracer(system.Simulation().Clock);
        system.Simulation().Tracer = tracer;
        var rig = new DmaRig(system, memory => new ControllerConfig { Memory = memory, PhysicalChannels = 1, VirtualChannels = 4, QuantumBursts = quantumBursts, Multiplexing = multiplexing });
        var descriptors = new List<Submitted>();
        for (int channel = 0; channel < 4; channel++)
        {
            for (int i = 0; i < 3; i++) descriptors.Add(rig.Memcpy(channel, (channel * 3) + i, 1024 + (channel * 512)));
        }
        IssueInOrder(rig, 4);

        rig.RunUntilCallbacks(descriptors.Count);
        system.RunUntilIdle();

        Assert.Equal(descriptors.Count, rig.Log.Count);
        foreach (var d in descriptors) Assert.Equal(d.Pattern, rig.Read(DmaRig.Destination(d.Slot), d.Pattern.Length));
        Assert.All(rig.Log.Records, r => Assert.Equal(new DmaengineResult(DmaengineTxResult.NoError, 0), r.Outcome));
        AssertCookieOrderPerChannel(rig, 4);
        int starts = tracer.Records.Count(r => r.Event is StartDescriptor);
        var stats = rig.Controller.Arbiter.AskBlocking<ArbiterStatsReply>(GetArbiterStats.Instance);
        Assert.Equal(descriptors.Sum(d => d.Pattern.Length), stats.BytesPerChannel.Sum());
        return Summarise(rig, 4, stats, preemptions: starts - descriptors.Count);
    }

    /// <summary>
    /// Random bus faults (seeded), optional quantum preemption, and a terminate of one channel at a
    /// random time, all chosen from <paramref name="workloadSeed"/>. Checks that every submitted
    /// descriptor ends at most once, exactly once unless its channel was terminated, that each
    /// channel completes in cookie order, and that what each callback reports matches memory.
    /// </summary>
    public static ScenarioResult FaultsAndTerminates(ActorSystem system, int workloadSeed)
    {
        const int channels = 3, perChannel = 4;
        var random = new Random(workloadSeed);
        var faults = new FaultPlan(workloadSeed).FailReadsRandomly(0.03).FailWritesRandomly(0.03);
        int quantum = random.Next(2) == 0 ? 0 : 3;
        var rig = new DmaRig(system, memory => new ControllerConfig { Memory = memory, PhysicalChannels = 2, VirtualChannels = channels, Faults = faults, QuantumBursts = quantum });
        var descriptors = new List<Submitted>();
        for (int channel = 0; channel < channels; channel++)
        {
            for (int i = 0; i < perChannel; i++) descriptors.Add(rig.Memcpy(channel, (channel * perChannel) + i, 64 * random.Next(1, 9)));
        }
        IssueInOrder(rig, channels);

        // One channel (or none) is terminated at a random moment while work is in flight, then
        // given one more descriptor, which must run normally.
        int victim = random.Next(channels + 1) - 1;
        system.Advance(Duration.FromNanoseconds(random.Next(0, 8000)));
        Submitted? afterTerminate = null;
        int dropped = 0;
        if (victim >= 0)
        {
            dropped = rig.Ask<TerminateChannelReply>(victim, TerminateChannel.Instance).Dropped;
            afterTerminate = rig.Memcpy(victim, 60, 256);
            rig.Issue(victim);
        }
        system.Advance(Duration.FromMilliseconds(1));
        if (victim >= 0) rig.Ask<SynchronizeChannelReply>(victim, SynchronizeChannel.Instance);

        var all = afterTerminate is null ? descriptors : [.. descriptors, afterTerminate];
        var byCookie = all.ToDictionary(d => (d.Channel, d.Cookie));
        for (int channel = 0; channel < channels; channel++)
        {
            var records = rig.Log.For(rig.Name(channel));
            var cookies = records.Select(r => r.Cookie).ToArray();
            var submitted = descriptors.Where(d => d.Channel == channel).Select(d => d.Cookie).ToArray();
            // Strictly increasing: never twice, and in cookie order.
            Assert.All(cookies.Zip(cookies.Skip(1)), pair => Assert.True(pair.First < pair.Second, $"seed {workloadSeed}: {rig.Name(channel)} called back {pair.First} then {pair.Second}."));
            if (channel != victim)
            {
                Assert.Equal(submitted, cookies);
            }
            else
            {
                // The descriptors that completed before the terminate, then the one after it.
                int before = cookies.Length - 1;
                Assert.Equal([.. submitted.Take(before), afterTerminate!.Cookie], cookies);
            }
            foreach (var record in records)
            {
                var d = byCookie[(channel, record.Cookie)];
                int length = d.Pattern.Length;
                if (record.Outcome.Result == DmaengineTxResult.NoError)
                {
                    Assert.Equal(0, record.Outcome.Residue);
                    Assert.Equal(d.Pattern, rig.Read(DmaRig.Destination(d.Slot), length));
                }
                else
                {
                    Assert.Contains(record.Outcome.Result, new[] { DmaengineTxResult.ReadFailed, DmaengineTxResult.WriteFailed });
                    Assert.InRange(record.Outcome.Residue, 1, length);
                    Assert.Equal(length - record.Outcome.Residue, rig.BytesLanded(DmaRig.Destination(d.Slot), d.Pattern));
                }
                var status = rig.TxStatus(channel, record.Cookie).Status;
                Assert.Equal(record.Outcome.Result == DmaengineTxResult.NoError ? DmaStatus.Complete : DmaStatus.Error, status);
            }
        }
        var stats = rig.Controller.Arbiter.AskBlocking<ArbiterStatsReply>(GetArbiterStats.Instance);
        return Summarise(rig, channels, stats, preemptions: 0) with { Faults = faults.FaultsInjected, Dropped = dropped };
    }

    /// <summary>Issues channel by channel, letting each reach the arbiter before the next (so physical channels go out in channel order on any dispatcher).</summary>
    private static void IssueInOrder(DmaRig rig, int channels)
    {
        for (int channel = 0; channel < channels; channel++)
        {
            rig.Issue(channel);
            rig.System.RunUntilIdle();
        }
    }

    private static void AssertCookieOrderPerChannel(DmaRig rig, int channels)
    {
        for (int channel = 0; channel < channels; channel++)
        {
            var cookies = rig.Log.CookiesOf(rig.Name(channel));
            Assert.Equal(cookies.Order(), cookies);
            Assert.Equal(cookies.Distinct().Count(), cookies.Count);
        }
    }

    private static ScenarioResult Summarise(DmaRig rig, int channels, ArbiterStatsReply stats, int preemptions)
    {
        var summary = new StringBuilder();
        for (int channel = 0; channel < channels; channel++)
        {
            summary.Append(CultureInfo.InvariantCulture, $"{rig.Name(channel)}:");
            foreach (var r in rig.Log.For(rig.Name(channel))) summary.Append(CultureInfo.InvariantCulture, $" {r.Cookie}={r.Outcome.Result}/{r.Outcome.Residue}@{r.TimeNanoseconds}");
            summary.AppendLine();
        }
        summary.Append(CultureInfo.InvariantCulture, $"bus bytes {string.Join(",", stats.BytesPerChannel)} busy {stats.BusyNanoseconds}ns");
        return new ScenarioResult(
            [.. rig.Log.Records.Select(r => $"{r.Channel}:{r.Cookie}")],
            summary.ToString(),
            preemptions);
    }
}

/// <summary>What a scenario saw.</summary>
/// <param name="CompletionOrder">"channel:cookie" in callback order over all channels.</param>
/// <param name="Summary">Per channel cookies, results, residues and times, and the bus totals: must not depend on the dispatcher.</param>
/// <param name="Preemptions">Extra descriptor starts (resumptions after preemption).</param>
internal sealed record ScenarioResult(IReadOnlyList<string> CompletionOrder, string Summary, int Preemptions)
{
    /// <summary>Bus faults injected.</summary>
    public long Faults { get; init; }

    /// <summary>Descriptors a terminate dropped (active, issued, submitted).</summary>
    public int Dropped { get; init; }
}
