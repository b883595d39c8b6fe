namespace DmaActors.Mapping;

/// <summary>The unmap/free and sync checks (D-1…D-8, D-13…D-16), with the kernel's matching quirks (H-14).</summary>
public sealed partial class DmaDebug
{
    /// <summary>Unmap or free: finds the entry by exact (device, address), best fit among several (H-14), checks it and forgets it.</summary>
    internal void CheckUnmap(Device device, DmaAddress address, long size, DmaDebugEntryType type, DmaDataDirection direction, int sgNents = 0, CpuAddress? cpu = null)
    {
        if (!Enabled) return;
        if (address.IsMappingError)
        {
            Report(DmaDebugCheck.FreeInvalidAddress, "D-1", device, "device driver tries to free an invalid DMA memory address");
            return;
        }
        var candidates = _entries.Where(e => e.Device == device && e.Address == address).ToList();
        var entry = candidates.Count == 1
            ? candidates[0]
            : candidates.FirstOrDefault(e => e.Size == size && e.Type == type && e.Direction == direction && e.SgCallEnts == sgNents);
        if (entry is null)
        {
            Report(DmaDebugCheck.FreeNotAllocated, "D-2", device, $"device driver tries to free DMA memory it has not allocated [device address=0x{address.Value:x16}] [size={size} bytes]");
            return;
        }
        _entries.Remove(entry);
        string at = $"[device address=0x{address.Value:x16}]";
        if (entry.Size != size)
            Report(DmaDebugCheck.FreeWrongSize, "D-3", device, $"device driver frees DMA memory with different size {at} [map size={entry.Size} bytes] [unmap size={size} bytes]");
        if (entry.Type != type)
            Report(DmaDebugCheck.FreeWrongFunction, "D-4", device, $"device driver frees DMA memory with wrong function {at} [size={entry.Size} bytes] [mapped as {DmaDebugEntry.Name(entry.Type)}] [unmapped as {DmaDebugEntry.Name(type)}]");
        if (cpu is not null && entry.Cpu is not null && entry.Cpu != cpu)
            Report(DmaDebugCheck.FreeWrongCpuAddress, "D-5", device, $"device driver frees DMA memory with different CPU address {at} [size={entry.Size} bytes] [cpu alloc address=0x{entry.Cpu.Value.Value:x16}] [cpu free address=0x{cpu.Value.Value:x16}]");
        if (entry.Type == DmaDebugEntryType.ScatterGather && type == DmaDebugEntryType.ScatterGather && entry.SgCallEnts != sgNents)
            Report(DmaDebugCheck.FreeWrongSgCount, "D-6", device, $"device driver frees DMA sg list with different entry count [map count={entry.SgCallEnts}] [unmap count={sgNents}]");
        if (entry.Direction != direction)
            Report(DmaDebugCheck.FreeWrongDirection, "D-7", device, $"device driver frees DMA memory with different direction {at} [size={entry.Size} bytes] [mapped with {DmaDebugEntry.Name(entry.Direction)}] [unmapped with {DmaDebugEntry.Name(direction)}]");
        if (entry.Type == DmaDebugEntryType.SingleOrPage && !entry.MapErrorChecked)
            Report(DmaDebugCheck.MapErrorNotChecked, "D-8", device, $"device driver failed to check map error{at} [size={entry.Size} bytes] [mapped as {DmaDebugEntry.Name(entry.Type)}]");
    }

    /// <summary>Sync: finds the mapping containing the address, checks range and direction, and moves ownership.</summary>
    internal void CheckSync(Device device, DmaAddress address, long size, DmaDataDirection direction, bool toCpu, int? sgNents = null)
    {
        if (!Enabled) return;
        var entry = _entries.FirstOrDefault(e => e.Device == device && e.Type != DmaDebugEntryType.Coherent
            && address.Value >= e.Address.Value && address.Value < e.Address.Value + (ulong)e.Size);
        string at = $"[device address=0x{address.Value:x16}] [size={size} bytes]";
        if (entry is null)
        {
            Report(DmaDebugCheck.SyncNotAllocated, "D-13", device, $"device driver tries to sync DMA memory it has not allocated {at}");
            return;
        }
        entry.DeviceOwned = !toCpu;
        if (address.Value + (ulong)size > entry.Address.Value + (ulong)entry.Size)
            Report(DmaDebugCheck.SyncOutOfRange, "D-14", device, $"device driver syncs DMA memory outside allocated range [device address=0x{address.Value:x16}] [allocation size={entry.Size} bytes] [sync offset+size={address.Value - entry.Address.Value + (ulong)size}]");
        if (sgNents is not null && entry.SgCallEnts != sgNents)
            Report(DmaDebugCheck.SyncWrongSgCount, "D-16", device, $"device driver syncs DMA sg list with different entry count [map count={entry.SgCallEnts}] [sync count={sgNents}]");
        if (entry.Direction == DmaDataDirection.Bidirectional) return;
        if (entry.Direction != direction)
            Report(DmaDebugCheck.SyncWrongDirection, "D-15", device, $"device driver syncs DMA memory with different direction {at} [mapped with {DmaDebugEntry.Name(entry.Direction)}] [synced with {DmaDebugEntry.Name(direction)}]");
        if (toCpu && entry.Direction != DmaDataDirection.FromDevice && direction != DmaDataDirection.ToDevice)
            Report(DmaDebugCheck.SyncWrongDirection, "D-15", device, $"device driver syncs device read-only DMA memory for cpu {at} [mapped with {DmaDebugEntry.Name(entry.Direction)}] [synced with {DmaDebugEntry.Name(direction)}]");
        if (!toCpu && entry.Direction != DmaDataDirection.ToDevice && direction != DmaDataDirection.FromDevice)
            Report(DmaDebugCheck.SyncWrongDirection, "D-15", device, $"device driver syncs device write-only DMA memory to device {at} [mapped with {DmaDebugEntry.Name(entry.Direction)}] [synced with {DmaDebugEntry.Name(direction)}]");
    }
}
