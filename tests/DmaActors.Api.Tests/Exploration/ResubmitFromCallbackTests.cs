using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Exploration;

public sealed class ResubmitFromCallbackTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    /// <summary>
    /// A receive-loop shape: each completion callback preps, submits and issues the next buffer on
    /// its own channel (C-36, H-9). 10,000 buffers land back to back: no gap, no loss, no duplicate.
    /// </summary>
    [Fact]
    public void A_callback_that_preps_submits_and_issues_the_next_buffer_moves_10000_buffers_without_gap_loss_or_duplicate_C36_H9()
    {
        const int buffers = 10_000, length = 16;
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice(channels: 1));
        var chan = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        ulong source = ApiRig.RamBase, destination = ApiRig.RamBase + (8UL << 20);
        var pattern = rig.Fill(source, buffers * length, salt: 9);
        var seen = new List<int>(buffers);
        string? wrongContext = null;

        void Next(int index)
        {
            var desc = chan.PrepDmaMemcpy(destination + (ulong)(index * length), source + (ulong)(index * length), length, DmaCtrlFlags.PrepInterrupt)!;
            desc.CallbackParam = index;
            desc.Callback = p =>
            {
                int done = (int)p!;
                string? ranOn = rig.CallbackChannel();
                if (ranOn != chan.Name) wrongContext ??= $"buffer {done} ran on {ranOn ?? "a plain thread"}";
                seen.Add(done);
                if (done + 1 < buffers) Next(done + 1);
            };
            desc.Submit();
            chan.IssuePending();
        }

        Next(0);
        rig.RunUntil(() => seen.Count == buffers, "every buffer");

        Assert.Null(wrongContext);
        Assert.Equal(Enumerable.Range(0, buffers), seen);
        Assert.Equal(pattern, rig.Read(destination, buffers * length));
    }
}
