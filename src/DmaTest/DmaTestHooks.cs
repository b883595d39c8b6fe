namespace DmaActors.DmaTest;

/// <summary>Observation and fault-injection points into a run, for tests and fault studies (no kernel twin).</summary>
public sealed class DmaTestHooks
{
    /// <summary>Kernel: <c>DMA_MAPPING_ERROR</c>: a <see cref="DmaMapPage"/> result that makes the mapping fail.</summary>
    public const ulong DmaMappingError = ulong.MaxValue;

    /// <summary>
    /// Stands in for <c>dma_map_page</c> of a whole test buffer (T-7): receives the buffer's physical
    /// address and whether it is a source, returns the bus address the controller is given. Without
    /// it the physical address is used. Returning an address outside RAM makes the controller take a
    /// bus error (the kernel then prints "completion error status"); returning
    /// <see cref="DmaMappingError"/> gives "src mapping error" / "dst mapping error".
    /// </summary>
    public Func<ulong, bool, ulong>? DmaMapPage { get; init; }

    /// <summary>
    /// Runs after a transfer completed successfully and before its buffers are verified (or
    /// skipped, with noverify); a test may corrupt memory here to exercise verification (T-12, T-13).
    /// </summary>
    public Action<DmaTestTransfer>? AfterTransfer { get; init; }
}
