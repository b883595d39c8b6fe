using System.Globalization;

namespace DmaActors.DeviceTree;

/// <summary>
/// The name the kernel gives the platform (or AMBA) device made from a node,
/// <c>of_device_make_bus_id()</c> in drivers/of/platform.c: the first <c>reg</c> address
/// translated to a CPU address, in hex, then a dot and the node's name without its unit address
/// (<c>44e09000.serial</c>, <c>49000000.dma</c>; a Raspberry Pi's MMC at bus address 0x7e202000
/// is <c>20202000.mmc</c>). A node whose address cannot be translated (no <c>reg</c>, or a parent
/// without <c>ranges</c>) takes its full name, and its ancestors' are prefixed with ':' until one
/// translates: <c>44e09050.target-module:serial@0</c>, or <c>ocp:serial</c>.
/// </summary>
public static class DtDeviceName
{
    /// <summary>The device name of <paramref name="node"/> (empty for the root).</summary>
    public static string Of(DtNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        string? name = null;
        for (var at = node; at.Parent is not null; at = at.Parent)
        {
            if (DtAddress.RegAddress(at) is { } address)
            {
                var own = address.ToString("x", CultureInfo.InvariantCulture) + "." + at.BaseName;
                return name is null ? own : own + ":" + name;
            }
            name = name is null ? at.Name : at.Name + ":" + name;
        }
        return name ?? "";
    }
}
