namespace DmaActors.Cli;

/// <summary>What <c>dmactors</c> returns to the shell.</summary>
internal static class ExitCodes
{
    /// <summary>The run finished and every check passed.</summary>
    public const int Success = 0;

    /// <summary>The run finished but data or DMA results failed verification.</summary>
    public const int VerificationFailed = 1;

    /// <summary>The input (board, workload, options) was bad; nothing ran.</summary>
    public const int BadInput = 2;
}
