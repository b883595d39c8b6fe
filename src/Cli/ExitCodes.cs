namespace DmaActors.Cli;

/// <summary>What <c>dmactors</c> returns to the shell: one contract for every command (README, "Exit codes").</summary>
internal static class ExitCodes
{
    /// <summary>The run finished and every check passed.</summary>
    public const int Success = 0;

    /// <summary>The run finished but data or DMA results failed verification.</summary>
    public const int VerificationFailed = 1;

    /// <summary>The input (command line, board, workload, an output path) was bad; nothing ran.</summary>
    public const int BadInput = 2;

    /// <summary>A bug: an exception nothing expected. One line on stderr names it and the file holding its trace.</summary>
    public const int InternalError = 3;

    /// <summary>A cluster run (<c>--cluster</c>, <c>dmactors worker</c>) lost its cluster: the coordinator's node, or a worker's coordinator, went away before the job was done.</summary>
    public const int ClusterLost = 4;

    /// <summary>Each code with what it means, as <c>--help</c> prints them.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> Meanings { get; } =
    [
        (Success, "success: the run finished and every check passed"),
        (VerificationFailed, "verification failed: data or DMA results did not check out"),
        (BadInput, "bad input: command line, board, workload or output path; nothing ran"),
        (InternalError, "internal error: a bug to report; one line names it and its trace file"),
        (ClusterLost, "cluster lost: a coordinator went away; rerun with --resume FILE to go on"),
    ];
}
