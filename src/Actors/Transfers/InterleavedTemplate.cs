namespace DmaActors.Actors.Transfers;

/// <summary>
/// Kernel <c>struct dma_interleaved_template</c>: <see cref="Frames"/> frames, each a list of
/// chunks of <c>size</c> bytes followed by an inter-chunk gap (<c>icg</c>) on the side(s) that
/// skip it.
/// </summary>
/// <param name="SourceStart">src_start.</param>
/// <param name="DestinationStart">dst_start.</param>
/// <param name="Frames">numf.</param>
/// <param name="Chunks">sgl[]: (size, icg) per chunk of a frame.</param>
/// <param name="SourceIncrements">src_inc: the source address advances.</param>
/// <param name="DestinationIncrements">dst_inc: the destination address advances.</param>
/// <param name="SourceSkipsGaps">src_sgl: the gap applies on the source side.</param>
/// <param name="DestinationSkipsGaps">dst_sgl: the gap applies on the destination side.</param>
public sealed record InterleavedTemplate(
    ulong SourceStart,
    ulong DestinationStart,
    int Frames,
    IReadOnlyList<(int Size, int Gap)> Chunks,
    bool SourceIncrements = true,
    bool DestinationIncrements = true,
    bool SourceSkipsGaps = false,
    bool DestinationSkipsGaps = false);
