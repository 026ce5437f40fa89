using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.LocalPage;

/// <summary>Finds the acknowledge token: the configured one, else the token file, created with a random token when missing.</summary>
internal static class AckTokenLoader
{
    /// <summary>The token file's name when <see cref="LocalPageOptions.AckTokenFile"/> is empty: beside the store file.</summary>
    public const string DefaultFileName = "ack-token";

    private const UnixFileMode OthersMayTouch =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Where the token file is: the setting, else <c>ack-token</c> beside <paramref name="storePath"/>; null when neither is set.</summary>
    public static string? FilePath(LocalPageOptions options, string? storePath)
    {
        if (!string.IsNullOrWhiteSpace(options.AckTokenFile))
        {
            return Path.GetFullPath(options.AckTokenFile);
        }

        if (string.IsNullOrWhiteSpace(storePath))
        {
            return null;
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(storePath)) ?? Path.GetFullPath(".");
        return Path.Combine(folder, DefaultFileName);
    }

    /// <summary>The token to check acknowledgements against, or null (logged) when there is none to be had.</summary>
    public static AckToken? Load(LocalPageOptions options, string? storePath, ILogger logger)
    {
        if (!string.IsNullOrEmpty(options.AckToken))
        {
            return new AckToken(options.AckToken);
        }

        string? path = FilePath(options, storePath);
        if (path is null)
        {
            LocalPageLog.NoToken(logger, "LocalPage:AckToken, LocalPage:AckTokenFile and Store:Path are all empty", null);
            return null;
        }

        try
        {
            string token = File.Exists(path) ? ReadExisting(path, logger) : CreateOrRead(path, logger);
            if (LocalPageOptionsValidator.TokenProblem(token) is { } problem)
            {
                LocalPageLog.NoToken(logger, $"the token in {path} {problem}", null);
                return null;
            }

            return new AckToken(token);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LocalPageLog.NoToken(logger, $"the token file {path} could not be read or created ({ex.Message})", ex);
            return null;
        }
    }

    private static string CreateOrRead(string path, ILogger logger)
    {
        string token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var file = new FileStream(path, create))
            {
                file.Write(Encoding.ASCII.GetBytes(token + "\n"));
                file.Flush(flushToDisk: true);
            }
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it between the check and the create: use theirs.
            return ReadExisting(path, logger);
        }

        LocalPageLog.TokenFileCreated(logger, path);
        return token;
    }

    private static string ReadExisting(string path, ILogger logger)
    {
        if (!OperatingSystem.IsWindows())
        {
            UnixFileMode mode = File.GetUnixFileMode(path);
            if ((mode & OthersMayTouch) != 0)
            {
                LocalPageLog.TokenFileOpen(logger, path, Convert.ToString((int)mode, 8));
            }
        }

        return File.ReadAllText(path).Trim();
    }
}
