using System.Reflection;
using System.Runtime.InteropServices;

namespace EdgeAgent.Storage;

/// <summary>
/// Points SQLitePCLRaw's <c>e_sqlite3</c> provider at the system's <c>libsqlite3.so.0</c>. Both export the same C API,
/// so the switch is a DllImport resolver on the provider assembly. Process-wide, and possible only before the first
/// SQLite call: afterwards the bundled library is bound and two copies of SQLite in one process would not share locks.
/// </summary>
internal static class SqliteNativeLibrary
{
    private const string BundledName = "e_sqlite3";
    private const string SystemName = "libsqlite3.so.0";
    private static readonly Lock Gate = new();
    private static bool s_useSystem;

    public static void UseSystem()
    {
        lock (Gate)
        {
            if (s_useSystem)
            {
                return;
            }

            if (BundledIsLoaded())
            {
                throw new InvalidOperationException(
                    $"{StoreOptions.SectionName}:{nameof(StoreOptions.UseSystemSqlite)} is set, but the bundled SQLite is already loaded in this process; the choice must be made before the first SQLite call.");
            }

            Assembly provider = typeof(SQLitePCL.SQLite3Provider_e_sqlite3).Assembly;
            NativeLibrary.SetDllImportResolver(provider, Resolve);
            s_useSystem = true;
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == BundledName ? NativeLibrary.Load(SystemName) : IntPtr.Zero;

    private static bool BundledIsLoaded()
    {
        const string maps = "/proc/self/maps";
        return File.Exists(maps) && File.ReadAllText(maps).Contains("libe_sqlite3", StringComparison.Ordinal);
    }
}
