using System.Security.Cryptography;
using System.Text;

namespace EdgeAgent.LocalPage;

/// <summary>
/// The acknowledge token, kept only as its SHA-256 hash. A candidate is hashed and compared with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>: equal-length digests, so neither the content nor the
/// length of the token leaks through timing.
/// </summary>
internal sealed class AckToken
{
    private readonly byte[] _hash;

    public AckToken(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    public bool Matches(string candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(candidate), hash);
        return CryptographicOperations.FixedTimeEquals(hash, _hash);
    }
}
