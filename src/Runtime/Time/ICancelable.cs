namespace DmaActors.Runtime.Time;

/// <summary>A handle to something scheduled that can still be called off.</summary>
public interface ICancelable
{
    /// <summary>Calls it off; a no-op when it already ran or was cancelled.</summary>
    void Cancel();

    /// <summary>Whether it was cancelled before it ran (false once it has run, even if Cancel came later).</summary>
    bool IsCancelled { get; }
}
