namespace DmaActors.Examples.CameraDmaBuf;

/// <summary>What the simulated sensor sees: a different, reproducible image per frame.</summary>
public static class FramePattern
{
    /// <summary>The bytes of frame <paramref name="frame"/>.</summary>
    /// <param name="frame">Frame number.</param>
    /// <param name="length">Bytes.</param>
    public static byte[] Bytes(int frame, int length)
    {
        var bytes = new byte[length];
        for (int k = 0; k < length; k++) bytes[k] = (byte)((k * 13) + (k >> 9) + (frame * 71) + 1);
        return bytes;
    }
}
