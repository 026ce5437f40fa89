using EdgeAgent.TestKit;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.LocalPage.Tests;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class AckTokenTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("edgeagent-token-").FullName;
    private readonly ListLogger _logger = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string StorePath => Path.Combine(_folder, "data", "store.db");

    [Fact]
    public void Load_NoTokenFile_CreatesOneBesideTheStoreWithA128BitHexTokenOnlyTheOwnerCanRead()
    {
        AckToken? token = AckTokenLoader.Load(new LocalPageOptions(), StorePath, _logger);

        string file = Path.Combine(_folder, "data", "ack-token");
        string written = File.ReadAllText(file);
        Assert.Matches("^[0-9a-f]{32}\n$", written);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.NotNull(token);
        Assert.True(token.Matches(written.Trim()));
        Assert.Contains(_logger.Entries, e => e.EventId.Id == 6004 && e.Message.Contains(file, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_TwiceWithoutFile_SecondLoadReadsTheFirstToken()
    {
        AckTokenLoader.Load(new LocalPageOptions(), StorePath, _logger);
        string first = File.ReadAllText(Path.Combine(_folder, "data", "ack-token")).Trim();

        AckToken? again = AckTokenLoader.Load(new LocalPageOptions(), StorePath, _logger);

        Assert.True(again!.Matches(first));
        Assert.Single(_logger.Entries, e => e.EventId.Id == 6004);
    }

    [Fact]
    public void Load_ExistingFile_UsesItsTokenWithoutTheLineEnd()
    {
        string file = Path.Combine(_folder, "token.txt");
        File.WriteAllText(file, "  shift-b-token-2026 \n");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        AckToken? token = AckTokenLoader.Load(new LocalPageOptions { AckTokenFile = file }, StorePath, _logger);

        Assert.True(token!.Matches("shift-b-token-2026"));
        Assert.False(token.Matches("  shift-b-token-2026 \n"));
        Assert.DoesNotContain(_logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.False(File.Exists(Path.Combine(_folder, "data", "ack-token")));
    }

    [Fact]
    public void Load_FileOthersCanRead_WarnsWithItsMode()
    {
        string file = Path.Combine(_folder, "token.txt");
        File.WriteAllText(file, "shift-b-token-2026");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        AckToken? token = AckTokenLoader.Load(new LocalPageOptions { AckTokenFile = file }, StorePath, _logger);

        Assert.NotNull(token);
        LogEntry warning = Assert.Single(_logger.Entries, e => e.EventId.Id == 6005);
        Assert.Contains("(mode 644)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ConfiguredToken_UsedAndNoFileCreated()
    {
        AckToken? token = AckTokenLoader.Load(new LocalPageOptions { AckToken = "configured-1" }, StorePath, _logger);

        Assert.True(token!.Matches("configured-1"));
        Assert.False(Directory.Exists(Path.Combine(_folder, "data")));
    }

    [Fact]
    public void Load_NoTokenNoFileNoStorePath_NullAndLogsWhy()
    {
        AckToken? token = AckTokenLoader.Load(new LocalPageOptions(), storePath: "", _logger);

        Assert.Null(token);
        LogEntry error = Assert.Single(_logger.Entries, e => e.EventId.Id == 6006);
        Assert.Contains("Store:Path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileInAFolderThatIsAFile_NullAndLogsTheFile()
    {
        string blocker = Path.Combine(_folder, "blocker");
        File.WriteAllText(blocker, "");
        string file = Path.Combine(blocker, "ack-token");

        AckToken? token = AckTokenLoader.Load(new LocalPageOptions { AckTokenFile = file }, StorePath, _logger);

        Assert.Null(token);
        Assert.Contains(_logger.Entries, e => e.EventId.Id == 6006 && e.Message.Contains(file, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("crew-token-4711", true)]
    [InlineData("crew-token-4712", false)]
    [InlineData("crew-token-471", false)]
    [InlineData("crew-token-47110", false)]
    [InlineData("", false)]
    public void Matches_Candidate_OnlyTheExactToken(string candidate, bool expected)
    {
        Assert.Equal(expected, new AckToken("crew-token-4711").Matches(candidate));
    }
}
