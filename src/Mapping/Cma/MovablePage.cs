namespace DmaActors.Mapping.Cma;

/// <summary>
/// A movable page (anonymous or page-cache memory): the kernel may move it to another physical
/// page at any time, which is what lets CMA lend its free pages out (CMA-10). A pin
/// (<see cref="Pin"/>) holds it where it is, so a CMA range containing it cannot be taken (CMA-8).
/// </summary>
/// <remarks>
/// Kernel: a <c>GFP_HIGHUSER_MOVABLE</c> page (<c>MIGRATE_MOVABLE</c>, allowed <c>ALLOC_CMA</c>), moved by
/// <c>migrate_pages()</c>; a pin is an elevated reference from <c>get_user_pages()</c>/<c>pin_user_pages()</c>
/// without <c>FOLL_LONGTERM</c>, which migration cannot get past. All state under the platform lock.
/// </remarks>
public sealed class MovablePage
{
    private readonly Platform _platform;
    private int _pins;
    private bool _freed;

    internal MovablePage(Platform platform) => _platform = platform;

    /// <summary>Where the page is now (changes when it is migrated).</summary>
    /// <remarks>Kernel: <c>page_to_phys()</c>.</remarks>
    public PhysAddress Phys { get { lock (_platform.Sync) return new PhysAddress(Pfn * Platform.PageSize); } }

    /// <summary>The CMA area it is borrowed from, or null when it sits in ordinary memory.</summary>
    public CmaArea? Area { get { lock (_platform.Sync) return LentBy; } }

    /// <summary>Whether a pin holds it in place.</summary>
    public bool IsPinned { get { lock (_platform.Sync) return _pins > 0; } }

    /// <summary>Times it was moved.</summary>
    public int Migrations { get; private set; }

    internal ulong Pfn { get; set; }

    internal CmaArea? LentBy { get; set; }

    /// <summary>Takes a pin: the page may not move until <see cref="Unpin"/>.</summary>
    /// <remarks>Kernel: <c>pin_user_pages()</c> (short term).</remarks>
    public void Pin()
    {
        lock (_platform.Sync)
        {
            EnsureLive("pin_user_pages");
            _pins++;
        }
    }

    /// <summary>Drops a pin.</summary>
    /// <remarks>Kernel: <c>unpin_user_page()</c>.</remarks>
    public void Unpin()
    {
        lock (_platform.Sync)
        {
            EnsureLive("unpin_user_page");
            if (_pins == 0) throw new DmaMappingException("EINVAL", "CMA-10", $"unpin_user_page({Phys}): the page is not pinned.");
            _pins--;
        }
    }

    /// <summary>Frees the page.</summary>
    /// <remarks>Kernel: <c>put_page()</c> of the last reference.</remarks>
    public void Free()
    {
        lock (_platform.Sync)
        {
            EnsureLive("put_page");
            if (_pins > 0) throw new DmaMappingException("EBUSY", "CMA-10", $"put_page({Phys}): the page is still pinned; unpin it first.");
            _freed = true;
            if (LentBy is { } area) area.ReturnPage(Pfn);
            else _platform.FreePagesAt(new PhysAddress(Pfn * Platform.PageSize), 0);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"movable page at {Phys}{(IsPinned ? " (pinned)" : string.Empty)}";

    /// <summary>Moves the page out of [avoidPfn, +avoidCount) of its area: to ordinary memory, else to a free page of its area outside that range; false when neither has room (lock held).</summary>
    internal bool MigrateOut(ulong avoidPfn, ulong avoidCount)
    {
        var area = LentBy!;
        ulong from = Pfn;
        area.ReturnPage(from);
        ulong? target = _platform.AllocFrameLocked();
        CmaArea? newArea = null;
        if (target is null)
        {
            target = area.LendPageOutside(this, avoidPfn, avoidCount);
            newArea = target is null ? null : area;
        }
        if (target is null)
        {
            area.RelendPage(from, this);
            return false;
        }
        _platform.CopyPageLocked(from, target.Value);
        Pfn = target.Value;
        LentBy = newArea;
        Migrations++;
        return true;
    }

    private void EnsureLive(string call)
    {
        if (_freed) throw new DmaMappingException("EINVAL", "CMA-10", $"{call}: the movable page was already freed.");
    }
}
