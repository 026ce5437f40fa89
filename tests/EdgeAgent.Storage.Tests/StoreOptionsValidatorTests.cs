namespace EdgeAgent.Storage.Tests;

public sealed class StoreOptionsValidatorTests
{
    [Fact]
    public void Validate_DefaultsWithPath_Succeeds()
    {
        var result = new StoreOptionsValidator().Validate(null, new StoreOptions { Path = "/var/lib/edgeagent/store.db" });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_BadSettings_NamesEachSetting()
    {
        var options = new StoreOptions
        {
            Path = "",
            SizeCapBytes = 1000,
            BusyTimeout = TimeSpan.FromSeconds(-1),
            MaxPageCount = 3,
            Retention = new RetentionOptions { ThinKeepEvery = 1, TargetFraction = 1.5, DeleteChunkRows = 0, ThinPredictionsOlderThan = TimeSpan.FromDays(-1) },
        };

        var result = new StoreOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        string[] expected =
        [
            "Store:Path", "Store:SizeCapBytes", "Store:BusyTimeout", "Store:MaxPageCount", "Store:Retention:ThinKeepEvery",
            "Store:Retention:TargetFraction", "Store:Retention:DeleteChunkRows", "Store:Retention:ThinPredictionsOlderThan",
        ];
        foreach (string setting in expected)
        {
            Assert.Contains(result.Failures!, f => f.StartsWith(setting + " ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Open_InvalidOptions_ThrowsNamingTheSetting()
    {
        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => EdgeStore.Open(new StoreOptions { Path = "" }));

        Assert.Contains("Store:Path", ex.Message, StringComparison.Ordinal);
    }
}
