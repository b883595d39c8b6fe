namespace DmaActors.Cluster.Tests;

/// <summary>The coordinator's record: what it holds is read back for the same job, another job's record is refused, a line cut short by a crash is run again.</summary>
public sealed class RecordFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dmactors-record-test-{Guid.NewGuid():N}.record");
    private readonly ClusterJob _job = new("explore", ["--seeds", "10"], 10, StopAtFirstFailure: true);

    [Fact]
    public void Finished_items_are_read_back_by_the_same_job()
    {
        using (var record = RecordFile.Open(_path, _job))
        {
            record.Add(3, new ItemResult(ItemStatus.Failed, ""));
            record.Add(0, new ItemResult(ItemStatus.Passed, "{\"a\":\"tab\there\"}"));
        }
        File.AppendAllText(_path, "7\tPass"); // the coordinator killed while writing

        using var resumed = RecordFile.Open(_path, _job);

        Assert.Equal([0, 3], resumed.Finished.Keys.Order());
        Assert.Equal(ItemStatus.Failed, resumed.Finished[3].Status);
        Assert.Equal("{\"a\":\"tab\there\"}", resumed.Finished[0].Payload);
    }

    [Fact]
    public void A_record_of_another_job_is_refused_naming_the_file_and_line()
    {
        using (RecordFile.Open(_path, _job))
        {
        }

        var refused = Assert.Throws<FormatException>(() => RecordFile.Open(_path, _job with { Arguments = ["--seeds", "10", "--ms", "1"] }));

        Assert.StartsWith($"{_path}:1: a record of another job", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_path);
}
