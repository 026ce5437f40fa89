using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace EdgeAgent.LocalPage;

/// <summary>A parsed <see cref="LocalPageOptions.Url"/>: where Kestrel listens.</summary>
/// <param name="Address">The IP address to listen on; null for <c>localhost</c> (both loopback addresses).</param>
/// <param name="Port">The port; 0 picks a free one.</param>
internal sealed record LocalPageUrl(IPAddress? Address, int Port)
{
    /// <summary>True when only this device can reach the page.</summary>
    public bool IsLoopback => Address is null || IPAddress.IsLoopback(Address);

    /// <summary>Parses <paramref name="url"/>; on failure <paramref name="error"/> says why, without naming the setting.</summary>
    public static bool TryParse(string? url, [NotNullWhen(true)] out LocalPageUrl? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            error = "is empty; it must be an http URL such as http://127.0.0.1:8080";
            return false;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || uri.HostNameType == UriHostNameType.Unknown)
        {
            error = $"'{url}' is not a URL; it must look like http://127.0.0.1:8080";
            return false;
        }

        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            error = $"'{url}' uses https; the local page serves plain http only (put a TLS proxy in front of it for https)";
            return false;
        }

        if (uri.Scheme != Uri.UriSchemeHttp)
        {
            error = $"'{url}' is not an http URL; it must look like http://127.0.0.1:8080";
            return false;
        }

        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            error = $"'{url}' has a path, query or user; it must be only scheme, host and port, such as http://127.0.0.1:8080";
            return false;
        }

        IPAddress? address = null;
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            address = IPAddress.Parse(uri.IdnHost.Trim('[', ']'));
        }
        else if (!uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            error = $"'{url}' names the host '{uri.Host}'; it must be an IP address (127.0.0.1, 0.0.0.0, [::1], [::]) or localhost";
            return false;
        }

        if (address is null && uri.Port == 0)
        {
            error = $"'{url}' asks for any free port on localhost; port 0 needs an IP address such as http://127.0.0.1:0";
            return false;
        }

        result = new LocalPageUrl(address, uri.Port);
        error = null;
        return true;
    }
}
