namespace DmaActors.Examples.CameraDmaBuf;

/// <summary>The shape of one camera-to-display run.</summary>
public sealed record CameraPipelineOptions
{
    /// <summary>Frames to capture and show.</summary>
    public int Frames { get; init; } = 8;

    /// <summary>Pixels per line.</summary>
    public int Width { get; init; } = 320;

    /// <summary>Lines per frame.</summary>
    public int Height { get; init; } = 240;

    /// <summary>Bytes per pixel (2: YUYV / RGB565).</summary>
    public int BytesPerPixel { get; init; } = 2;

    /// <summary>The <c>cma=</c> boot parameter of the simulated machine.</summary>
    public string Cma { get; init; } = "64M";

    /// <summary>Bytes in one frame.</summary>
    public int FrameBytes => Width * Height * BytesPerPixel;
}
