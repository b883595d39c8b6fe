using System.Globalization;
using System.Text;

namespace DmaActors.Cluster;

/// <summary>
/// The coordinator's record of finished items, one line each, flushed as they arrive, so a run
/// that ends early (the coordinator killed, the machine lost) can be started again with the same
/// record and skips them. The first line names the job (<see cref="ClusterJob.Identity"/>): a
/// record of another job is refused rather than mixed in.
/// </summary>
public sealed class RecordFile : IDisposable
{
    private const string Magic = "dmactors-cluster-record";
    private readonly StreamWriter _writer;

    private RecordFile(string path, StreamWriter writer, IReadOnlyDictionary<int, ItemResult> finished)
    {
        Path = path;
        _writer = writer;
        Finished = finished;
    }

    /// <summary>Where the record is.</summary>
    public string Path { get; }

    /// <summary>What an earlier run of the same job finished (empty for a new record).</summary>
    public IReadOnlyDictionary<int, ItemResult> Finished { get; }

    /// <summary>Opens the record at <paramref name="path"/> for <paramref name="job"/>: reads what it holds, or starts it.</summary>
    /// <exception cref="FormatException">The file is a record of another job, or not a record; the message says which line.</exception>
    /// <exception cref="IOException">It cannot be read or written.</exception>
    public static RecordFile Open(string path, ClusterJob job)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(job);
        var finished = new Dictionary<int, ItemResult>();
        string header = $"{Magic} {Encode(job.Identity)}";
        bool exists = File.Exists(path) && new FileInfo(path).Length > 0;
        if (exists)
        {
            int number = 0;
            foreach (string line in File.ReadLines(path))
            {
                number++;
                if (number == 1)
                {
                    if (!line.StartsWith(Magic + " ", StringComparison.Ordinal)) throw new FormatException($"{path}:1: not a dmactors cluster record (it starts '{Shorten(line)}').");
                    if (line != header) throw new FormatException($"{path}:1: a record of another job (other command, arguments or item count); use another --resume file or delete this one.");
                    continue;
                }
                // A line cut short by a crash is the last one: what it held is run again.
                string[] fields = line.Split('\t');
                if (fields.Length != 3 || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out int item) || !Enum.TryParse(fields[1], out ItemStatus status) || !TryDecode(fields[2], out string payload))
                {
                    continue;
                }
                finished[item] = new ItemResult(status, payload);
            }
        }
        var writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)) { AutoFlush = true };
        if (!exists) writer.WriteLine(header);
        else if (!EndsWithNewline(path)) writer.WriteLine(); // after a line cut short, start a fresh one
        return new RecordFile(path, writer, finished);
    }

    /// <summary>Adds <paramref name="item"/>'s result (written through at once).</summary>
    public void Add(int item, ItemResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{item}\t{result.Status}\t{Encode(result.Payload)}"));
    }

    /// <inheritdoc/>
    public void Dispose() => _writer.Dispose();

    private static string Encode(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static bool TryDecode(string text, out string decoded)
    {
        var bytes = new byte[text.Length];
        bool ok = Convert.TryFromBase64String(text, bytes, out int written);
        decoded = ok ? Encoding.UTF8.GetString(bytes, 0, written) : "";
        return ok;
    }

    private static bool EndsWithNewline(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }

    private static string Shorten(string line) => line.Length > 40 ? line[..40] + "…" : line;
}
