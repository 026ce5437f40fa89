namespace EdgeAgent.FleetWatch.Tests.Watching;

public sealed class WatchCommandTests
{
    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await FleetCli.RunAsync(args, output, error, outputRedirected: true);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("watch")]
    [InlineData("watch", "--fleet", "a/b")]
    [InlineData("watch", "--fleet", "f", "--port", "70000")]
    [InlineData("watch", "--fleet", "f", "--timeout", "soon")]
    [InlineData("watch", "--fleet", "f", "--offline-after", "0s")]
    [InlineData("watch", "--fleet", "f", "--cert-file", "/etc/hostname")]
    [InlineData("watch", "--fleet", "f", "--ca-file", "/no/such/ca.pem")]
    [InlineData("watch", "--fleet", "f", "--password-file", "/etc/hostname")]
    [InlineData("watch", "--fleet", "f", "--bogus")]
    [InlineData("look")]
    public async Task Run_BadArguments_ExplainsAndExitsWith2(params string[] args)
    {
        (int code, string output, string error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains("--help", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoBrokerThere_ExitsWith1()
    {
        (int code, _, string error) = await RunAsync("watch", "--fleet", "f", "--host", "127.0.0.1", "--port", "1", "--timeout", "5s", "--once");

        Assert.Equal(1, code);
        Assert.Contains("127.0.0.1:1", error, StringComparison.Ordinal);
    }
}
