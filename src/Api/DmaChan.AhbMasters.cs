using DmaActors.Api.Provider;

namespace DmaActors.Api;

// PL08x bus masters: which AHB master each side of a transfer goes through decides how often a
// byte crosses the bus (the model's BusPasses): once when the two sides are on different masters,
// twice when they share one.
public sealed partial class DmaChan
{
    /// <summary>
    /// Bus crossings per byte for a transfer between a peripheral on <see cref="PeriphBuses"/> (or
    /// memory, for memcpy) and memory on the device's <see cref="DmaDeviceDescription.MemBuses"/>.
    /// </summary>
    /// <remarks>
    /// Kernel: <c>pl08x_select_bus()</c> puts the destination on AHB2 when it cannot use AHB1 or
    /// when both can be split, the source on AHB2 when it cannot use AHB1 or when it can and the
    /// destination did not take AHB2; a single-master PL081 has everything on AHB1.
    /// </remarks>
    internal int BusPassesFor(bool slave, DmaTransferDirection direction)
    {
        var d = Device.Description;
        if (d.AhbMasters == 0) return 1;
        if (d.AhbMasters == 1) return 2;
        int memory = d.MemBuses & 3, peripheral = (slave ? PeriphBuses ?? 3 : d.MemBuses) & 3;
        if (memory == 0 || peripheral == 0) return 1;
        (int src, int dst) = direction == DmaTransferDirection.DevToMem ? (peripheral, memory) : slave ? (memory, peripheral) : (memory, memory);
        bool dstAhb2 = (dst & 1) == 0 || ((dst & 2) != 0 && (src & 1) != 0);
        bool srcAhb2 = (src & 1) == 0 || ((src & 2) != 0 && !((dst & 2) != 0));
        return dstAhb2 == srcAhb2 ? 2 : 1;
    }
}
