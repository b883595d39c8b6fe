namespace DmaActors.DeviceTree.Tests.Fuzzing;

/// <summary>
/// Runs one parse of a fuzzed input under the suite's bounds and says how it ended: parsed, or
/// refused with a located <see cref="DtsSyntaxException"/>. Anything else throws
/// <see cref="FuzzFailure"/>, which CsCheck then shrinks to a smaller input: another exception
/// type, an unlocated refusal, a parse past <see cref="FuzzSettings.TimeBound"/> (run on its own
/// thread, so a hang is caught, not waited for) or past <see cref="FuzzSettings.MemoryBound"/>.
/// </summary>
internal static class Guarded
{
    /// <summary>Parses with <paramref name="parse"/>; returns the tree, or null and the refusal.</summary>
    public static (DtTree? Tree, DtsSyntaxException? Refusal) Run(Func<DtTree> parse, int inputLength, bool blob)
    {
        long allocated = 0;
        var work = Task.Factory.StartNew(
            () =>
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    return parse();
                }
                finally
                {
                    allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            // A parse still running at the bound is left on its (background) thread: it is a hang to report, not to wait for.
            if (!work.Wait(FuzzSettings.TimeBound)) throw new FuzzFailure($"no answer within {FuzzSettings.TimeBound.TotalSeconds} s");
        }
        catch (AggregateException wrapped) when (wrapped.InnerException is DtsSyntaxException refusal)
        {
            CheckLocated(refusal, blob);
            CheckMemory(allocated, inputLength);
            return (null, refusal);
        }
        catch (AggregateException wrapped)
        {
            throw new FuzzFailure($"{wrapped.InnerException!.GetType().FullName} escaped: {wrapped.InnerException.Message}", wrapped.InnerException);
        }
        CheckMemory(allocated, inputLength);
        return (work.Result, null);
    }

    private static void CheckLocated(DtsSyntaxException refusal, bool blob)
    {
        var at = refusal.Location;
        bool located = blob
            ? at.Line == 0 && at.Column >= 0 && refusal.Message.StartsWith($"{at.File}: byte 0x", StringComparison.Ordinal)
            : at.Line >= 1 && at.Column >= 1 && refusal.Message.StartsWith($"{at.File}:{at.Line}:{at.Column}: ", StringComparison.Ordinal);
        if (!located) throw new FuzzFailure($"a refusal without its location: {refusal.Message}");
    }

    private static void CheckMemory(long allocated, int inputLength)
    {
        if (allocated > FuzzSettings.MemoryBound(inputLength))
            throw new FuzzFailure($"allocated {allocated:N0} bytes for {inputLength:N0} of input (bound {FuzzSettings.MemoryBound(inputLength):N0})");
    }
}

/// <summary>A fuzzed input broke the suite's property.</summary>
internal sealed class FuzzFailure(string message, Exception? inner = null) : Exception(message, inner);
