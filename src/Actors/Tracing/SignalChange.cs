namespace DmaActors.Actors.Tracing;

/// <summary>One edge of a derived waveform signal.</summary>
/// <param name="TimeNanoseconds">When.</param>
/// <param name="Signal">Which signal (e.g. <c>drq2</c>, <c>ch0_busy</c>, <c>bus_grant</c>).</param>
/// <param name="Value">The new value (-1: no value, drawn as z).</param>
/// <param name="Width">Bits of the signal.</param>
public readonly record struct SignalChange(long TimeNanoseconds, string Signal, long Value, int Width);
