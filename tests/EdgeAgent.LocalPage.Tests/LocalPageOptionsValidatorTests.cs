using Microsoft.Extensions.Options;

namespace EdgeAgent.LocalPage.Tests;

public sealed class LocalPageOptionsValidatorTests
{
    private static ValidateOptionsResult Validate(Action<LocalPageOptions> change)
    {
        var options = new LocalPageOptions();
        change(options);
        return new LocalPageOptionsValidator().Validate(null, options);
    }

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var options = new LocalPageOptions();

        Assert.True(new LocalPageOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(options.Enabled);
        Assert.Equal("http://127.0.0.1:8080", options.Url);
        Assert.Equal(6, options.TrendHours);
        Assert.Equal(5, options.RefreshSeconds);
        Assert.Equal("", options.AckToken);
        Assert.Equal("", options.AckTokenFile);
    }

    [Theory]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://localhost:8080")]
    [InlineData("http://[::1]:9000")]
    [InlineData("http://127.0.0.1:8080/")]
    public void Validate_LoopbackUrl_Succeeds(string url)
    {
        Assert.True(Validate(o => o.Url = url).Succeeded);
    }

    [Theory]
    [InlineData("", "LocalPage:Url is empty")]
    [InlineData("127.0.0.1:8080", "LocalPage:Url '127.0.0.1:8080' is not a URL")]
    [InlineData("not a url", "LocalPage:Url 'not a url' is not a URL")]
    [InlineData("https://127.0.0.1:8443", "uses https")]
    [InlineData("ftp://127.0.0.1:21", "is not an http URL")]
    [InlineData("http://127.0.0.1:8080/page", "has a path, query or user")]
    [InlineData("http://127.0.0.1:8080/?x=1", "has a path, query or user")]
    [InlineData("http://edge-box.local:8080", "names the host 'edge-box.local'")]
    [InlineData("http://localhost:0", "port 0 needs an IP address")]
    [InlineData("http://127.0.0.1:70000", "is not a URL")]
    public void Validate_BadUrl_FailsNamingTheSetting(string url, string expected)
    {
        ValidateOptionsResult result = Validate(o => o.Url = url);

        string failure = Assert.Single(result.Failures!);
        Assert.StartsWith("LocalPage:Url", failure, StringComparison.Ordinal);
        Assert.Contains(expected, failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://[::]:8080")]
    [InlineData("http://192.168.1.20:8080")]
    public void Validate_NetworkUrlWithoutChosenToken_Fails(string url)
    {
        string failure = Assert.Single(Validate(o => o.Url = url).Failures!);

        Assert.Contains("not a loopback address", failure, StringComparison.Ordinal);
        Assert.Contains("LocalPage:AckToken or LocalPage:AckTokenFile", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NetworkUrlWithToken_Succeeds()
    {
        Assert.True(Validate(o => (o.Url, o.AckToken) = ("http://0.0.0.0:8080", "crew-token-4711")).Succeeded);
        Assert.True(Validate(o => (o.Url, o.AckTokenFile) = ("http://0.0.0.0:8080", "/etc/edgeagent/ack-token")).Succeeded);
    }

    [Theory]
    [InlineData("short", "LocalPage:AckToken is 5 characters long; it must be at least 8")]
    [InlineData("crew token 1", "LocalPage:AckToken holds a space")]
    [InlineData("crew-tökén-1", "LocalPage:AckToken holds a space, a control character or a non-ASCII character")]
    public void Validate_BadToken_Fails(string token, string expected)
    {
        Assert.StartsWith(expected, Assert.Single(Validate(o => o.AckToken = token).Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("/etc/edgeagent/")]
    [InlineData("bad\0name")]
    public void Validate_BadTokenFile_Fails(string file)
    {
        Assert.StartsWith("LocalPage:AckTokenFile", Assert.Single(Validate(o => o.AckTokenFile = file).Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 5, "LocalPage:TrendHours is 0; it must be between 1 and 720 (30 days).")]
    [InlineData(721, 5, "LocalPage:TrendHours is 721; it must be between 1 and 720 (30 days).")]
    [InlineData(6, 0, "LocalPage:RefreshSeconds is 0; it must be between 1 and 3600.")]
    [InlineData(6, 3601, "LocalPage:RefreshSeconds is 3601; it must be between 1 and 3600.")]
    public void Validate_NumbersOutOfRange_FailWithTheRange(int hours, int refresh, string expected)
    {
        Assert.Equal(expected, Assert.Single(Validate(o => (o.TrendHours, o.RefreshSeconds) = (hours, refresh)).Failures!));
    }

    [Fact]
    public void Validate_SeveralBadSettings_ReportsEach()
    {
        ValidateOptionsResult result = Validate(o => (o.Url, o.AckToken, o.RefreshSeconds) = ("ftp://x", "abc", 0));

        Assert.Equal(3, result.Failures!.Count());
    }

    [Fact]
    public void Validate_Disabled_IgnoresTheOtherSettings()
    {
        Assert.True(Validate(o => (o.Enabled, o.Url, o.RefreshSeconds) = (false, "nonsense", 0)).Succeeded);
    }
}
