using DmaActors.Mapping;
using DmaActors.Mapping.Fences;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Mapping.Fences;

/// <summary>DB-9, DB-10, DB-11: fences signalled once, waited for in virtual time, and ordered in a reservation object.</summary>
public sealed class DmaFenceTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private static DmaFence NewFence(ulong seqno = 1, DmaDebug? debug = null) => new("test", "timeline", DmaFence.ContextAlloc(), seqno, debug);

    [Fact]
    public void Signal_runs_the_callbacks_once_and_a_second_signal_returns_false_DB_9()
    {
        var fence = NewFence();
        int runs = 0;
        Assert.True(fence.AddCallback(_ => runs++));
        Assert.True(fence.Signal(Duration.FromMicroseconds(5)));
        Assert.False(fence.Signal());
        Assert.Equal(1, runs);
        Assert.Equal(Duration.FromMicroseconds(5), fence.Timestamp);
        Assert.False(fence.AddCallback(_ => runs++)); // -ENOENT: already signalled
    }

    [Fact]
    public void The_error_is_set_before_the_signal_and_must_be_a_negative_errno_DB_9()
    {
        var fence = NewFence();
        Assert.Throws<DmaMappingException>(() => fence.SetError(5));
        fence.SetError(-5);
        fence.Signal();
        Assert.Equal(-5, fence.Error);
        Assert.Equal("DB-9", Assert.Throws<DmaMappingException>(() => fence.SetError(-5)).Rule);
    }

    [Fact]
    public void Wait_timeout_runs_virtual_time_and_returns_what_is_left_DB_9()
    {
        var fence = NewFence();
        var clock = Sys.Simulation().Clock;
        var start = clock.Now;
        clock.Schedule(Duration.FromMicroseconds(300), _ => fence.Signal(clock.Now), null);

        Assert.Null(NewFence().WaitTimeout(Sys, Duration.FromMicroseconds(100))); // nothing signals that one: 100 us pass
        var left = fence.WaitTimeout(Sys, Duration.FromMilliseconds(1));

        Assert.Equal(Duration.FromMicroseconds(300), fence.Timestamp!.Value - start);
        Assert.Equal(Duration.FromMicroseconds(800), left); // signalled 200 us into this 1 ms wait
    }

    [Fact]
    public void Wait_times_out_when_the_signal_comes_later_DB_9()
    {
        var fence = NewFence();
        var clock = Sys.Simulation().Clock;
        var start = clock.Now;
        clock.Schedule(Duration.FromMilliseconds(2), _ => fence.Signal(clock.Now), null);

        Assert.Null(fence.WaitTimeout(Sys, Duration.FromMilliseconds(1)));
        Assert.Equal(Duration.FromMilliseconds(1), clock.Now - start);
        Assert.NotNull(fence.WaitTimeout(Sys, Duration.FromMilliseconds(5)));
    }

    [Fact]
    public void A_reader_waits_for_the_writer_and_a_writer_waits_for_every_reader_DB_11()
    {
        var resv = new DmaResv();
        var writer = NewFence();
        var reader1 = NewFence();
        var reader2 = NewFence();
        var reader2Later = new DmaFence("test", "timeline", reader2.Context, 2);
        resv.AddFence(writer, DmaResvUsage.Write);
        resv.AddFence(reader1, DmaResvUsage.Read);
        resv.AddFence(reader2, DmaResvUsage.Read);
        resv.AddFence(reader2Later, DmaResvUsage.Read); // same timeline: replaces reader2

        Assert.Equal([writer], resv.GetFences(DmaResvUsage.Write));
        Assert.Equal([writer, reader1, reader2Later], resv.GetFences(DmaResvUsage.Read));
        writer.Signal();
        Assert.True(resv.TestSignaled(DmaResvUsage.Write));
        Assert.False(resv.TestSignaled(DmaResvUsage.Read));
        reader1.Signal();
        reader2Later.Signal();
        Assert.True(resv.TestSignaled(DmaResvUsage.Read));

        var next = NewFence(2);
        resv.AddFence(next, DmaResvUsage.Write); // the new writer drops the readers it was ordered after
        Assert.Empty(resv.Readers);
        Assert.Same(next, resv.Writer);
    }
}
