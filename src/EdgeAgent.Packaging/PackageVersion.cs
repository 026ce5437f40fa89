using System.Globalization;

namespace EdgeAgent.Packaging;

/// <summary>A <c>major.minor.patch</c> model version, ordered numerically.</summary>
public readonly record struct PackageVersion(int Major, int Minor, int Patch) : IComparable<PackageVersion>
{
    public static bool TryParse(string? text, out PackageVersion version)
    {
        version = default;
        string[] parts = (text ?? "").Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        var numbers = new int[3];
        for (int i = 0; i < 3; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        version = new PackageVersion(numbers[0], numbers[1], numbers[2]);
        return true;
    }

    public int CompareTo(PackageVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor != other.Minor ? Minor.CompareTo(other.Minor) : Patch.CompareTo(other.Patch);

    public static bool operator <(PackageVersion a, PackageVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(PackageVersion a, PackageVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(PackageVersion a, PackageVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(PackageVersion a, PackageVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Major}.{Minor}.{Patch}";
}
