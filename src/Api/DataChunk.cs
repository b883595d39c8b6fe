namespace DmaActors.Api;

/// <summary>One chunk of an interleaved frame (C-23, C-24).</summary>
/// <param name="Size">Kernel: <c>size</c>: bytes in the chunk.</param>
/// <param name="Icg">Kernel: <c>icg</c>: gap after the chunk, for a side whose <c>*_sgl</c> is set.</param>
/// <param name="SrcIcg">Kernel: <c>src_icg</c>: source-side gap; overrides <paramref name="Icg"/> when non-zero.</param>
/// <param name="DstIcg">Kernel: <c>dst_icg</c>: destination-side gap; overrides <paramref name="Icg"/> when non-zero.</param>
/// <remarks>Kernel: <c>struct data_chunk</c>.</remarks>
public readonly record struct DataChunk(int Size, int Icg = 0, int SrcIcg = 0, int DstIcg = 0);
