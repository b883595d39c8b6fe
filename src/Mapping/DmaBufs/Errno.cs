namespace DmaActors.Mapping.DmaBufs;

/// <summary>Kernel errno values by name, for exporters' negative returns.</summary>
internal static class Errno
{
    /// <summary>The name of a negative errno (<c>-12</c> → <c>ENOMEM</c>).</summary>
    public static string Name(int ret) => -ret switch
    {
        1 => "EPERM", 5 => "EIO", 12 => "ENOMEM", 14 => "EFAULT", 16 => "EBUSY", 19 => "ENODEV", 22 => "EINVAL",
        28 => "ENOSPC", 95 => "EOPNOTSUPP", _ => $"E{-ret}",
    };
}
