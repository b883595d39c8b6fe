namespace DmaActors.Benchmarks;

/// <summary>
/// Plain (non-pool) threads that each run one batch of work per round when the benchmark thread
/// says go: the senders exist before the measurement, so thread creation is not measured. Each
/// thread has its own go signal, so no thread can take another's round.
/// </summary>
internal sealed class SenderThreads : IDisposable
{
    private readonly Thread[] _threads;
    private readonly SemaphoreSlim[] _go;
    private readonly CountdownEvent _finished;

    /// <summary>The batch of the current round (argument: the thread's index); null tells the threads to exit.</summary>
    private volatile Action<int>? _work;

    public SenderThreads(int count)
    {
        _threads = new Thread[count];
        _go = new SemaphoreSlim[count];
        _finished = new CountdownEvent(count);
        for (int i = 0; i < count; i++)
        {
            int index = i;
            _go[i] = new SemaphoreSlim(0);
            _threads[i] = new Thread(() => Loop(index)) { IsBackground = true, Name = $"sender{i}" };
            _threads[i].Start();
        }
    }

    public int Count => _threads.Length;

    /// <summary>Whether every thread has finished the current round's work (true before the first round).</summary>
    public bool Finished => _finished.IsSet || _work is null;

    /// <summary>Starts one round: every thread runs <paramref name="work"/> once. Does not wait.</summary>
    public void Start(Action<int> work)
    {
        _finished.Reset();
        _work = work;
        foreach (var go in _go) go.Release();
    }

    /// <summary>Waits until every thread has finished the round's work.</summary>
    public void WaitFinished(TimeSpan limit)
    {
        if (!_finished.Wait(limit)) throw new TimeoutException($"Sender threads did not finish within {limit}.");
    }

    public void Dispose()
    {
        _work = null;
        foreach (var go in _go) go.Release();
        foreach (var thread in _threads) thread.Join();
        foreach (var go in _go) go.Dispose();
        _finished.Dispose();
    }

    private void Loop(int index)
    {
        while (true)
        {
            _go[index].Wait();
            var work = _work;
            if (work is null) return;
            work(index);
            _finished.Signal();
        }
    }
}
