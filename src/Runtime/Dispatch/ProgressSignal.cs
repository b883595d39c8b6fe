namespace DmaActors.Runtime.Dispatch;

/// <summary>
/// Wakes threads that wait for "something happened" (a reply, a probe message, quiescence, a
/// ready cell) without polling. Pulsing costs one interlocked read when nobody waits.
/// </summary>
/// <remarks>
/// No lost wake-up: a waiter registers (interlocked) before it checks its condition under the
/// monitor; a pulser changes state before it reads the waiter count. Either the pulser sees the
/// waiter and pulses under the monitor, or the waiter's check sees the new state.
/// </remarks>
internal sealed class ProgressSignal
{
    private const int SpinRounds = 20;

    private readonly object _monitor = new();
    private int _waiters;

    public void Pulse()
    {
        if (Volatile.Read(ref _waiters) == 0) return;
        lock (_monitor) Monitor.PulseAll(_monitor);
    }

    /// <summary>Waits until <paramref name="ready"/> holds or <paramref name="slice"/> passes; returns <paramref name="ready"/>'s last answer.</summary>
    /// <remarks>
    /// Spins briefly first: what a driver waits for (quiescence, a reply) usually comes within
    /// microseconds, and blocking costs a thread wake-up (tens of microseconds, milliseconds on a
    /// loaded machine) per virtual-time step. SpinWait yields the core after a few rounds.
    /// </remarks>
    public bool WaitFor(Func<bool> ready, TimeSpan slice)
    {
        var spinner = default(SpinWait);
        for (int i = 0; i < SpinRounds; i++)
        {
            if (ready()) return true;
            spinner.SpinOnce(sleep1Threshold: -1);
        }
        Interlocked.Increment(ref _waiters);
        try
        {
            lock (_monitor)
            {
                if (ready()) return true;
                Monitor.Wait(_monitor, slice);
                return ready();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiters);
        }
    }
}
