namespace DmaActors.Cluster.Tests;

/// <summary>The coordinator's books: lowest failure whatever the order, nothing above it handed out, lost items re-issued, duplicates dropped, a record resumed.</summary>
public sealed class WorkLedgerTests
{
    private static readonly ItemResult Pass = new(ItemStatus.Passed, "");
    private static readonly ItemResult Fail = new(ItemStatus.Failed, "");

    [Fact]
    public void The_lowest_failure_wins_whatever_order_results_arrive_in_and_lower_items_are_still_finished()
    {
        var ledger = new WorkLedger<string>(10, stopAtFirstFailure: true);
        var a = Enumerable.Range(0, 4).Select(_ => ledger.Assign("a")!.Value).ToList();
        var b = Enumerable.Range(0, 4).Select(_ => ledger.Assign("b")!.Value).ToList();
        Assert.Equal([0, 1, 2, 3], a);
        Assert.Equal([4, 5, 6, 7], b);

        ledger.Complete("b", 6, Fail);
        Assert.Equal(6, ledger.LowestFailure);
        Assert.Null(ledger.Assign("b")); // 8 and 9 are above the failure: not handed out
        ledger.Complete("b", 5, Fail);
        Assert.Equal(5, ledger.LowestFailure);
        foreach (int item in new[] { 3, 1, 0, 4 }) ledger.Complete(item < 4 ? "a" : "b", item, Pass);
        Assert.False(ledger.IsComplete); // item 2 is below the failure and still running
        ledger.Complete("a", 2, Pass);

        Assert.True(ledger.IsComplete);
        Assert.Equal(5, ledger.LowestFailure);
    }

    [Fact]
    public void A_lost_workers_items_go_out_again_lowest_first_and_its_late_result_is_a_dropped_duplicate()
    {
        var ledger = new WorkLedger<string>(4, stopAtFirstFailure: false);
        Assert.Equal(0, ledger.Assign("a"));
        Assert.Equal(1, ledger.Assign("a"));
        Assert.Equal(2, ledger.Assign("b"));

        Assert.Equal([0, 1], ledger.Lose("a"));
        Assert.Equal(0, ledger.Assign("b"));
        Assert.True(ledger.Complete("b", 0, Pass));
        Assert.False(ledger.Complete("a", 0, Pass)); // the lost worker's result for the same item

        Assert.Equal(2, ledger.Reissued);
        Assert.Equal(1, ledger.Duplicates);
        Assert.Equal(1, ledger.Assign("b"));
        Assert.Equal(3, ledger.Assign("b"));
    }

    [Fact]
    public void Items_in_a_resumed_record_are_done_and_never_handed_out()
    {
        var ledger = new WorkLedger<string>(3, stopAtFirstFailure: false, new Dictionary<int, ItemResult> { [0] = Pass, [2] = Pass });

        Assert.Equal(1, ledger.Assign("a"));
        Assert.Null(ledger.Assign("a"));
        ledger.Complete("a", 1, Pass);
        Assert.True(ledger.IsComplete);
    }

    [Fact]
    public void A_refusal_ends_the_job_at_once()
    {
        var ledger = new WorkLedger<string>(5, stopAtFirstFailure: true);
        ledger.Assign("a");

        ledger.Complete("a", 0, new ItemResult(ItemStatus.Refused, "board file '/x.dts' does not exist"));

        Assert.True(ledger.IsComplete);
        Assert.Equal("board file '/x.dts' does not exist", ledger.Refusal);
        Assert.Null(ledger.Assign("a"));
    }
}
