namespace DmaActors.Examples.CameraDmaBuf;

/// <summary>What one camera-to-display run observed.</summary>
/// <param name="Frames">Frames captured and shown.</param>
/// <param name="FrameBytes">Bytes per frame.</param>
/// <param name="FramesVerified">Frames the display received byte for byte as the sensor produced them.</param>
/// <param name="LatenciesNs">Per frame: from the capture's start to the display's fence, in nanoseconds of virtual time.</param>
/// <param name="ElapsedNs">Nanoseconds of virtual time from the first capture to the last display fence.</param>
/// <param name="CmaArea">The CMA area the buffer came from.</param>
/// <param name="CmaAllocPagesSuccess">Its <c>alloc_pages_success</c>.</param>
/// <param name="CmaAllocPagesFail">Its <c>alloc_pages_fail</c>.</param>
/// <param name="BufferPhys">The buffer's physical address.</param>
/// <param name="CameraSegments">DMA segments of the camera's mapping (no IOMMU: the CMA run).</param>
/// <param name="DisplaySegments">DMA segments of the display's mapping (IOMMU).</param>
/// <param name="DisplayIova">The bus address the display reads the buffer at.</param>
/// <param name="IommuPagesAtPeak">Pages mapped in the display's IOMMU domain while it imported the buffer.</param>
/// <param name="SwiotlbBounces">Bounce-buffer mappings made (0: no copy anywhere).</param>
/// <param name="DebugReports">dma-debug reports (mapping and dma-buf misuse).</param>
/// <param name="BufferReleased">Whether the buffer was freed at the last put.</param>
public sealed record CameraPipelineResult(
    int Frames,
    int FrameBytes,
    int FramesVerified,
    IReadOnlyList<long> LatenciesNs,
    long ElapsedNs,
    string CmaArea,
    ulong CmaAllocPagesSuccess,
    ulong CmaAllocPagesFail,
    ulong BufferPhys,
    int CameraSegments,
    int DisplaySegments,
    ulong DisplayIova,
    int IommuPagesAtPeak,
    long SwiotlbBounces,
    int DebugReports,
    bool BufferReleased)
{
    /// <summary>Frame bytes moved per second of virtual time, in MB/s (10^6).</summary>
    public double MegabytesPerSecond => ElapsedNs == 0 ? 0 : (double)Frames * FrameBytes / ElapsedNs * 1000;
}
