namespace DmaActors.DmaTest;

/// <summary>The completion flag of one test, set by the callback (which runs on the channel's completion actor).</summary>
/// <remarks>Kernel: <c>struct dmatest_done</c> and <c>dmatest_callback()</c>.</remarks>
internal sealed class DmaTestDone(DmaTestThread thread)
{
    private readonly DmaTestThread _thread = thread;
    private volatile bool _done;

    public bool Done
    {
        get => _done;
        set => _done = value;
    }

    /// <summary>Kernel: <c>dmatest_callback()</c>: marks done, or WARNs if the thread has already ended (T-9).</summary>
    public static void Callback(object? param)
    {
        var done = (DmaTestDone)param!;
        if (!done._thread.Finished) done.Done = true;
        else done._thread.LateCallback();
    }
}
