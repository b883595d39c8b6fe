using Akka.Actor;
using DmaActors.Api;
using DmaActors.Api.Provider;
using DmaActors.Mapping;
using DmaActors.Mapping.Cma;
using DmaActors.Mapping.DmaBufs;
using DmaActors.Mapping.Fences;
using DmaActors.Mapping.Heaps;

namespace DmaActors.Examples.CameraDmaBuf;

/// <summary>
/// Zero-copy video: a camera (CSI receiver, no IOMMU) captures each frame by DMA into one CMA
/// buffer from the <c>cma</c> dma-heap; the buffer is shared as a dma-buf with a display
/// controller behind an IOMMU, which scans each frame out by DMA once the camera's write fence
/// has signalled. The camera in turn waits for the display's read fence before overwriting the
/// buffer. No CPU copy, no bounce buffer: both devices address the same physical pages, the
/// camera at their physical address, the display at an IOVA.
/// </summary>
/// <remarks>
/// Kernel picture: a V4L2 capture driver exporting its vb2-dma-contig buffer (or allocating it from
/// <c>/dev/dma_heap/reserved</c>), a DRM/KMS driver importing it with <c>dma_buf_attach()</c> and
/// <c>dma_buf_map_attachment()</c>, and implicit synchronisation through <c>dmabuf-&gt;resv</c>.
/// </remarks>
public static class CameraDisplayPipeline
{
    private static readonly TimeSpan FenceTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>Runs <paramref name="options"/>' frames on <paramref name="system"/> (a simulated world).</summary>
    public static CameraPipelineResult Run(ActorSystem system, CameraPipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        options ??= new CameraPipelineOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Frames);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.FrameBytes);
        int frameBytes = options.FrameBytes;

        // ---- Boot: RAM with the cma= area, an IOMMU (SMMU) in front of the display only. ----
        var platform = Platform.Create(256, new PlatformOptions { Cma = CmaParameter.Parse(options.Cma) });
        var smmu = new Iommu(platform, "smmu");
        // dma_set_max_seg_size(): both DMA engines take a frame in one descriptor.
        var csi = new Device(platform, "csi") { MaxSegmentSize = uint.MaxValue };
        var dsi = new Device(platform, "dsi", iommu: smmu) { MaxSegmentSize = uint.MaxValue };

        // Each block has its own DMA engine, which reaches memory the way its device does.
        var engine = new DmaEngine(system, platform.Memory);
        engine.DmaAsyncDeviceRegister(Engine("csi-dma", csi));
        engine.DmaAsyncDeviceRegister(Engine("dsi-dma", dsi));
        var csiChan = engine.RequestChannel(DmaCapMask.Memcpy, OnDevice, "csi-dma") ?? throw new InvalidOperationException("no csi-dma channel");
        var dsiChan = engine.RequestChannel(DmaCapMask.Memcpy, OnDevice, "dsi-dma") ?? throw new InvalidOperationException("no dsi-dma channel");

        // The sensor's line memory (the CSI block reads it) and the panel's line memory (the DSI
        // block writes it): device-side memory, not buffers the CPU shares.
        ulong sensorPa = (platform.AllocPages(Platform.Order(frameBytes)) ?? throw new InvalidOperationException("no sensor memory")).Value;
        var panel = platform.Kmalloc(frameBytes) ?? throw new InvalidOperationException("no panel memory");
        var panelIova = dsi.MapSingle(panel, frameBytes, DmaDataDirection.FromDevice);
        if (dsi.MappingError(panelIova)) throw new InvalidOperationException("cannot map the panel memory");

        // ---- The exporter: one frame buffer from the CMA heap (/dev/dma_heap/reserved). ----
        var heap = new CmaHeap(platform);
        var frame = heap.Allocate(frameBytes);
        var runs = ((PageListExporter)frame.Priv).Runs;
        var csiAt = frame.Attach(csi);
        var csiSg = frame.MapAttachment(csiAt, DmaDataDirection.FromDevice) ?? throw new InvalidOperationException("csi cannot map the frame");

        // ---- The importer: the display takes its own reference (dma_buf_get(fd)) and maps it through the SMMU. ----
        var imported = frame.Get();
        var dsiAt = imported.Attach(dsi);
        var dsiSg = imported.MapAttachment(dsiAt, DmaDataDirection.ToDevice) ?? throw new InvalidOperationException("dsi cannot map the frame");
        int iommuPages = dsi.IommuMappedPages;

        ulong csiContext = DmaFence.ContextAlloc(), dsiContext = DmaFence.ContextAlloc();
        var latencies = new List<long>();
        long start = engine.KtimeGetNs();
        long end = start;
        int verified = 0;
        for (int i = 0; i < options.Frames; i++)
        {
            // The sensor exposes frame i into its line memory.
            platform.Memory.Write(sensorPa, FramePattern.Bytes(i, frameBytes));
            long captureStart = engine.KtimeGetNs();

            // Camera: the buffer may be overwritten only when every reader is done (wait on all fences).
            if (frame.Resv.WaitTimeout(system, DmaResvUsage.Read, FenceTimeout) is null) throw new TimeoutException($"frame {i}: the display still reads the previous frame");
            var written = new DmaFence("csi", "csi-capture", csiContext, (ulong)i + 1, platform.Debug);
            var capture = csiChan.PrepDmaMemcpy(csiSg[0].DmaAddress.Value, sensorPa, frameBytes, DmaCtrlFlags.PrepInterrupt | DmaCtrlFlags.CtrlAck)
                ?? throw new InvalidOperationException("csi-dma cannot prep");
            capture.SignalFenceOnCompletion(written, system);
            frame.Resv.AddFence(written, DmaResvUsage.Write);
            written.Put(); // the reservation object holds it now
            capture.Submit();
            csiChan.IssuePending();

            // Display: scan out only after the writer's fence (wait on the write fence).
            if (imported.Resv.WaitTimeout(system, DmaResvUsage.Write, FenceTimeout) is null) throw new TimeoutException($"frame {i}: the capture never finished");
            if (written.Error != 0) throw new InvalidOperationException($"frame {i}: capture failed ({written.Error})");
            var shown = new DmaFence("dsi", "dsi-scanout", dsiContext, (ulong)i + 1, platform.Debug);
            var scanout = dsiChan.PrepDmaMemcpy(panelIova.Value, dsiSg[0].DmaAddress.Value, frameBytes, DmaCtrlFlags.PrepInterrupt | DmaCtrlFlags.CtrlAck)
                ?? throw new InvalidOperationException("dsi-dma cannot prep");
            scanout.SignalFenceOnCompletion(shown, system);
            imported.Resv.AddFence(shown, DmaResvUsage.Read);
            scanout.Submit();
            dsiChan.IssuePending();
            if (shown.WaitTimeout(system, FenceTimeout) is null) throw new TimeoutException($"frame {i}: the scan-out never finished");
            long shownAt = shown.Timestamp!.Value.Nanoseconds;
            latencies.Add(shownAt - captureStart);
            end = shownAt;
            shown.Put();

            // The panel shows what the sensor saw, byte for byte (the check reads the panel memory after a sync for the CPU).
            dsi.SyncSingleForCpu(panelIova, frameBytes, DmaDataDirection.FromDevice);
            if (platform.CpuRead(panel, frameBytes).AsSpan().SequenceEqual(FramePattern.Bytes(i, frameBytes))) verified++;
            dsi.SyncSingleForDevice(panelIova, frameBytes, DmaDataDirection.FromDevice);
        }

        // ---- Teardown: importer first (unmap, detach, put), then the exporter. ----
        imported.UnmapAttachment(dsiAt, dsiSg, DmaDataDirection.ToDevice);
        imported.Detach(dsiAt);
        imported.Put();
        frame.UnmapAttachment(csiAt, csiSg, DmaDataDirection.FromDevice);
        frame.Detach(csiAt);
        frame.Put();
        dsi.UnmapSingle(panelIova, frameBytes, DmaDataDirection.FromDevice);
        engine.ReleaseChannel(dsiChan);
        engine.ReleaseChannel(csiChan);

        var area = heap.Area;
        return new CameraPipelineResult(
            options.Frames, frameBytes, verified, latencies, end - start, area.Name, area.AllocPagesSuccess, area.AllocPagesFail,
            runs[0].Start.Value, Segments(csiSg), Segments(dsiSg), dsiSg[0].DmaAddress.Value, iommuPages,
            platform.Swiotlb.Stats.Mappings, platform.Debug.ErrorCount, frame.IsReleased);
    }

    private static int Segments(Scatterlist sg) => Enumerable.Range(0, sg.Count).Count(i => sg[i].DmaLength > 0);

    private static bool OnDevice(DmaChan chan, object? dev) => chan.Device.Dev == (string?)dev;

    private static DmaDeviceDescription Engine(string name, Device device) => new()
    {
        Dev = name,
        CapMask = DmaCapMask.Memcpy,
        ChannelCount = 1,
        PhysicalChannels = 1,
        BusView = device.BusView,
    };
}
