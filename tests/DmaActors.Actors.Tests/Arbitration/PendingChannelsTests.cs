using Akka.Actor;
using DmaActors.Actors.Arbitration;

namespace DmaActors.Actors.Tests.Arbitration;

/// <summary>
/// The controller's queue of channels waiting for a physical channel (sa11x0's chan_pending, V-17):
/// issued work never waits without an entry, and a grant on its way is not doubled.
/// </summary>
public sealed class PendingChannelsTests : Akka.TestKit.Xunit2.TestKit
{
    [Fact]
    public void An_issue_whose_entry_was_withdrawn_rejoins_the_back_of_the_queue_V17()
    {
        // The lost wake-up seen under the thread-pool hammer: a second issue found the first issue's
        // entry and did not append, then the channel withdrew that entry (it held a physical channel)
        // and let its physical channel go. The second issue's handler must put the channel back.
        var queue = new PendingChannels();
        var first = CreateTestProbe().Ref;
        var other = CreateTestProbe().Ref;
        Assert.True(queue.Append(first, tellArbiter: false));
        Assert.False(queue.Append(first, tellArbiter: false));
        Assert.True(queue.Append(other, tellArbiter: false));
        queue.Remove(first);

        Assert.True(queue.Rejoin(first));

        Assert.Equal(other, queue.TakeFirst(_ => true));
        Assert.Equal(first, queue.TakeFirst(_ => true));
    }

    [Fact]
    public void A_channel_still_queued_does_not_rejoin_and_keeps_its_place_V17()
    {
        var queue = new PendingChannels();
        var first = CreateTestProbe().Ref;
        var other = CreateTestProbe().Ref;
        queue.Append(first, tellArbiter: false);
        queue.Append(other, tellArbiter: false);

        Assert.False(queue.Rejoin(first));

        Assert.Equal(first, queue.TakeFirst(_ => true));
    }

    [Fact]
    public void A_channel_whose_grant_is_on_its_way_does_not_rejoin_until_it_acknowledges()
    {
        var queue = new PendingChannels();
        var channel = CreateTestProbe().Ref;
        queue.Append(channel, tellArbiter: false);
        Assert.Equal(channel, queue.TakeFirst(_ => true));

        Assert.False(queue.Rejoin(channel));
        Assert.Equal(0, queue.Count);

        queue.Acknowledge(channel);
        Assert.True(queue.Rejoin(channel));
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public void A_rejoining_channel_tells_the_arbiter()
    {
        var queue = new PendingChannels();
        var arbiter = CreateTestProbe();
        queue.AttachArbiter(arbiter.Ref);

        queue.Rejoin(CreateTestProbe().Ref);

        arbiter.ExpectMsg<ChannelsPending>();
    }
}
