namespace EdgeAgent.LocalPage;

/// <summary>The local web page for maintenance crews. Bound from the <c>LocalPage</c> configuration section.</summary>
public sealed class LocalPageOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "LocalPage";

    /// <summary>Serve the page. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Where the page listens: <c>http://</c>, an IP address or <c>localhost</c>, and a port. Default
    /// <c>http://127.0.0.1:8080</c> (this device only). Port 0 picks a free port (with an IP address, not
    /// <c>localhost</c>); <see cref="LocalPageService.Address"/> tells which. <c>http://0.0.0.0:8080</c> or
    /// <c>http://[::]:8080</c> serve every network interface, which needs <see cref="AckToken"/> or
    /// <see cref="AckTokenFile"/> set explicitly. Plain http only: put a TLS proxy in front for https.
    /// </summary>
    public string Url { get; set; } = "http://127.0.0.1:8080";

    /// <summary>
    /// The token a crew member types to acknowledge an alert: at least 8 printable ASCII characters, no spaces.
    /// Default empty: the token is read from <see cref="AckTokenFile"/>.
    /// </summary>
    public string AckToken { get; set; } = "";

    /// <summary>
    /// The file that holds the acknowledge token when <see cref="AckToken"/> is empty. If the file is missing,
    /// the page creates it with a random 128-bit token (32 hex digits), readable by the agent's user only (mode 0600).
    /// Default empty: <c>ack-token</c> in the folder of the store file (<c>Store:Path</c>).
    /// </summary>
    public string AckTokenFile { get; set; } = "";

    /// <summary>How many hours of the health trend the page shows by default. Default 6. Range 1 to 720 (30 days).</summary>
    public int TrendHours { get; set; } = 6;

    /// <summary>How often the page refreshes itself, in seconds. Default 5. Range 1 to 3600.</summary>
    public int RefreshSeconds { get; set; } = 5;
}
