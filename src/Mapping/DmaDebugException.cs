namespace DmaActors.Mapping;

/// <summary>A dma-debug report raised as an exception because <see cref="DmaDebug.Strict"/> is on.</summary>
/// <remarks>Kernel: the <c>WARN()</c> of <c>err_printk()</c>, made fatal (as with <c>panic_on_warn</c>).</remarks>
public sealed class DmaDebugException : DmaMappingException
{
    /// <summary>Creates the exception for <paramref name="report"/>.</summary>
    /// <param name="report">The event.</param>
    public DmaDebugException(DmaDebugEvent report)
        : base("EINVAL", report?.Rule ?? "D-?", report?.ToString() ?? string.Empty)
    {
        ArgumentNullException.ThrowIfNull(report);
        Report = report;
    }

    /// <summary>The report.</summary>
    public DmaDebugEvent Report { get; }
}
