using System.Security.Cryptography;
using System.Text;

namespace EdgeAgent.LocalPage;

/// <summary>One file of the page (HTML, script, style), embedded in the assembly and served from memory.</summary>
internal sealed class PageAsset
{
    private PageAsset(byte[] content, string contentType)
    {
        Content = content;
        ContentType = contentType;
        ETag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 8)) + "\"";
    }

    public byte[] Content { get; }

    public string ContentType { get; }

    /// <summary>A strong validator: the start of the content's hash, quoted.</summary>
    public string ETag { get; }

    /// <summary>Reads the embedded resource <c>wwwroot/<paramref name="name"/></c>, optionally rewriting its text.</summary>
    public static PageAsset Load(string name, string contentType, Func<string, string>? rewrite = null)
    {
        string resource = "EdgeAgent.LocalPage.wwwroot." + name;
        using Stream stream = typeof(PageAsset).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource '{resource}' is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string text = reader.ReadToEnd();
        if (rewrite is not null)
        {
            text = rewrite(text);
        }

        return new PageAsset(Encoding.UTF8.GetBytes(text), contentType);
    }
}
