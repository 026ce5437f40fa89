using Microsoft.Extensions.Logging;

namespace EdgeAgent.Fleet.CrashAgent;

/// <summary>Writes warnings and errors to stderr, where the test sees them if the child misbehaves.</summary>
internal sealed class StderrLogger<T> : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Console.Error.WriteLine($"{logLevel} {eventId.Id}: {formatter(state, exception)} {exception}");
        }
    }
}
