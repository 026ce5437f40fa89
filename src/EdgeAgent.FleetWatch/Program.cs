using System.Runtime.InteropServices;
using EdgeAgent.FleetWatch;

// Ctrl+C and SIGTERM end a live watch cleanly (exit 0); a second one ends the process at once.
using var stop = new CancellationTokenSource();
void Stop(PosixSignalContext signal)
{
    signal.Cancel = !stop.IsCancellationRequested;
    stop.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
return await FleetCli.RunAsync(args, Console.Out, Console.Error, Console.IsOutputRedirected, cancellationToken: stop.Token);
