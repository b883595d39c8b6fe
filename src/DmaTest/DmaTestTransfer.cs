using DmaActors.Actors.Memory;

namespace DmaActors.DmaTest;

/// <summary>One completed dmatest transfer, as <see cref="DmaTestHooks.AfterTransfer"/> sees it.</summary>
/// <param name="Thread">The thread's name.</param>
/// <param name="Test">The test number (<c>total_tests</c>, from 1).</param>
/// <param name="SrcAddress">Physical (= bus) address of the source buffer.</param>
/// <param name="DstAddress">Physical (= bus) address of the destination buffer.</param>
/// <param name="SrcOff">Kernel: <c>src-&gt;off</c>.</param>
/// <param name="DstOff">Kernel: <c>dst-&gt;off</c>.</param>
/// <param name="Len">Kernel: <c>len</c>.</param>
/// <param name="Memory">The memory the buffers live in.</param>
public sealed record DmaTestTransfer(string Thread, uint Test, ulong SrcAddress, ulong DstAddress, int SrcOff, int DstOff, int Len, PhysicalMemory Memory);
