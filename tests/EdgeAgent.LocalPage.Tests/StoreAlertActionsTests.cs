using EdgeAgent.Storage;
using EdgeAgent.TestKit;

namespace EdgeAgent.LocalPage.Tests;

public sealed class StoreAlertActionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("edgeagent-actions-").FullName;
    private readonly EdgeStore _store;
    private readonly StoreAlertActions _actions;

    public StoreAlertActionsTests()
    {
        _store = EdgeStore.Open(new StoreOptions { Path = Path.Combine(_folder, "store.db"), Durability = StoreDurability.Normal }, new ManualTimeProvider());
        _actions = new StoreAlertActions(_store);
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Acknowledge_EachState_GivesItsOutcome()
    {
        long raised = _store.RaiseAlert("a", AlertSeverity.Warning, "raised");
        long cleared = _store.RaiseAlert("b", AlertSeverity.Warning, "cleared");
        _store.ClearAlert(cleared);

        Assert.Equal(AckOutcome.Acknowledged, _actions.Acknowledge(raised, "test"));
        Assert.Equal(AlertState.Acknowledged, _store.GetAlert(raised)!.State);
        Assert.Equal(AckOutcome.AlreadyAcknowledged, _actions.Acknowledge(raised, "test"));
        Assert.Equal(AckOutcome.AlreadyCleared, _actions.Acknowledge(cleared, "test"));
        Assert.Equal(AlertState.Cleared, _store.GetAlert(cleared)!.State);
        Assert.Equal(AckOutcome.NotFound, _actions.Acknowledge(cleared + 100, "test"));
    }
}
