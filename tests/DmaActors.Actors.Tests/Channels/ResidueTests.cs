using DmaActors.Actors.Channels;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Channels;

/// <summary>
/// tx_status residue (P-14) at the three granularities of <c>enum dma_residue_granularity</c>:
/// queued descriptors report their full size; the active one reports the hardware's position,
/// after every burst, after every segment, or only at completion.
/// </summary>
public sealed class ResidueTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const int Total = 65536;

    [Fact]
    public void Burst_granularity_residue_is_exactly_the_bytes_not_yet_in_memory_P14()
    {
        var rig = new DmaRig(Sys);
        var descriptor = rig.Memcpy(0, 0, Total);
        rig.Issue(0);

        foreach (int microseconds in new[] { 7, 31, 50, 113 })
        {
            Advance(Duration.FromMicroseconds(microseconds) - World.Clock.Now);
            var paused = rig.Ask<PauseChannelReply>(0, PauseChannel.Instance);

            int landed = rig.BytesLanded(DmaRig.Destination(0), descriptor.Pattern);
            Assert.InRange(landed, 1, Total - 1);
            Assert.Equal(Total - landed, paused.Residue);
            Assert.Equal(new TxStatusReply(DmaStatus.Paused, 1, descriptor.Cookie, Total - landed), rig.TxStatus(0, descriptor.Cookie));

            rig.Ask<ResumeChannelReply>(0, ResumeChannel.Instance);
        }

        rig.RunUntilCallbacks(1);
        Assert.Equal(descriptor.Pattern, rig.Read(DmaRig.Destination(0), Total));
    }

    [Fact]
    public void Burst_granularity_residue_can_be_read_while_running_without_pausing_P14()
    {
        var rig = new DmaRig(Sys);
        var descriptor = rig.Memcpy(0, 0, Total);
        rig.Issue(0);
        Advance(Duration.FromMicroseconds(40));

        var status = rig.TxStatus(0, descriptor.Cookie);

        Assert.Equal(DmaStatus.InProgress, status.Status);
        Assert.Equal(Total - rig.BytesLanded(DmaRig.Destination(0), descriptor.Pattern), status.Residue);
    }

    [Fact]
    public void Descriptors_still_queued_report_their_full_size_P14()
    {
        var rig = new DmaRig(Sys);
        var active = rig.Memcpy(0, 0, Total);
        var issued = rig.Memcpy(0, 1, 3000);
        rig.Issue(0);
        var submitted = rig.Memcpy(0, 2, 5000);
        Advance(Duration.FromMicroseconds(10));

        Assert.InRange(rig.TxStatus(0, active.Cookie).Residue, 1, Total - 1);
        Assert.Equal(3000, rig.TxStatus(0, issued.Cookie).Residue);
        Assert.Equal(5000, rig.TxStatus(0, submitted.Cookie).Residue);
    }

    [Fact]
    public void Segment_granularity_residue_counts_only_whole_segments_P14()
    {
        var rig = new DmaRig(Sys, memory => new() { Memory = memory, ResidueGranularity = DmaResidueGranularity.Segment });
        // Four contiguous 4 KiB segments (an interleaved transfer of four one-chunk frames).
        var pattern = rig.Fill(DmaRig.Source(0), 4 * 4096, 0);
        var spec = TransferSpec.Interleaved(new InterleavedTemplate(DmaRig.Source(0), DmaRig.Destination(0), 4, [(4096, 0)]), 64);
        var descriptor = rig.Submit(0, spec);
        rig.Issue(0);
        // 1.5 segments: 96 bursts of 160 ns.
        Advance(Duration.FromNanoseconds(96 * 160 - 80));

        var paused = rig.Ask<PauseChannelReply>(0, PauseChannel.Instance);
        int landed = rig.BytesLanded(DmaRig.Destination(0), pattern);
        var status = rig.TxStatus(0, descriptor.Cookie);

        Assert.InRange(landed, 4097, 8191);
        Assert.Equal(4 * 4096 - landed, paused.Residue); // the hardware's own report is burst-exact
        Assert.Equal(3 * 4096, status.Residue); // tx_status: the first segment is done, the second is not
        rig.Ask<ResumeChannelReply>(0, ResumeChannel.Instance);
        rig.RunUntilCallbacks(1);
        Assert.Equal(pattern, rig.Read(DmaRig.Destination(0), 4 * 4096));
    }

    [Fact]
    public void Descriptor_granularity_residue_is_the_whole_length_until_completion_P14()
    {
        var rig = new DmaRig(Sys, memory => new() { Memory = memory, ResidueGranularity = DmaResidueGranularity.Descriptor });
        var descriptor = rig.Memcpy(0, 0, Total);
        rig.Issue(0);

        foreach (int microseconds in new[] { 1, 50, 150 })
        {
            Advance(Duration.FromMicroseconds(microseconds) - World.Clock.Now);
            Assert.InRange(rig.BytesLanded(DmaRig.Destination(0), descriptor.Pattern), 1, Total - 1);
            Assert.Equal(Total, rig.TxStatus(0, descriptor.Cookie).Residue);
        }

        rig.RunUntilCallbacks(1);
        Assert.Equal(new TxStatusReply(DmaStatus.Complete, descriptor.Cookie, descriptor.Cookie, 0), rig.TxStatus(0, descriptor.Cookie));
    }
}
