using EdgeAgent.FleetWatch.Model;
using EdgeAgent.FleetWatch.Watching;

namespace EdgeAgent.FleetWatch.Rendering;

/// <summary>Redraws the table in place on a terminal (ANSI): at once on a change, and every second for the ages.</summary>
internal sealed class LiveScreen(TextWriter terminal, TimeProvider time)
{
    private const string Home = "\u001b[H\u001b[2J";
    private const string HideCursor = "\u001b[?25l";
    private const string ShowCursor = "\u001b[?25h";
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(1);

    public async Task RunAsync(FleetView view, Func<string> render, Func<bool> connected, CancellationToken cancellationToken)
    {
        await terminal.WriteAsync(HideCursor);
        try
        {
            long drawn = -1;
            DateTimeOffset drawnAt = DateTimeOffset.MinValue;
            while (true)
            {
                DateTimeOffset now = time.GetUtcNow();
                if (view.Version != drawn || now - drawnAt >= Refresh)
                {
                    drawn = view.Version;
                    drawnAt = now;
                    string link = connected() ? "" : "broker link down, reconnecting...\n";
                    await terminal.WriteAsync($"{Home}{render()}{link}\nCtrl+C to quit\n");
                    await terminal.FlushAsync(cancellationToken);
                }

                await Task.Delay(WatchSettings.PollInterval, time, cancellationToken);
            }
        }
        finally
        {
            await terminal.WriteAsync(ShowCursor);
            await terminal.FlushAsync(CancellationToken.None);
        }
    }
}
