namespace DmaActors.Cli;

/// <summary>A board whose bindings have errors: every one was already listed on stderr; the command exits 2.</summary>
internal sealed class BoardProblemsException(int errors)
    : Exception($"the board has {errors} binding error{(errors == 1 ? "" : "s")} (listed above); fix them or disable the consumers (status = \"disabled\")")
{
    public int Errors { get; } = errors;
}
