namespace DmaActors.DmaTest;

/// <summary>The kernel log as dmatest writes it: lines go to the caller's writer and are kept, thread-safely.</summary>
/// <remarks>Kernel: <c>pr_info</c>/<c>pr_warn</c>/<c>pr_err</c> with <c>pr_fmt</c> = "dmatest: ".</remarks>
internal sealed class DmaTestLog(TextWriter writer)
{
    private readonly Lock _gate = new();
    private readonly TextWriter _writer = writer;
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate) return [.. _lines];
        }
    }

    /// <summary>Writes a line with the "dmatest: " prefix.</summary>
    public void Info(string message, List<string>? threadLines = null) => Raw(DmaTestRunner.Prefix + message, threadLines);

    /// <summary>Writes a line as given (already prefixed, or a WARN without pr_fmt).</summary>
    public void Raw(string line, List<string>? threadLines = null)
    {
        lock (_gate)
        {
            _lines.Add(line);
            threadLines?.Add(line);
            _writer.WriteLine(line);
        }
    }

    /// <summary>A copy of a thread's lines, taken under the log's lock.</summary>
    public string[] Snapshot(List<string> threadLines)
    {
        lock (_gate) return [.. threadLines];
    }
}
