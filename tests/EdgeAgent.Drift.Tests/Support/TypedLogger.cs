using EdgeAgent.TestKit;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Drift.Tests.Support;

/// <summary>An <see cref="ILogger{T}"/> that writes into a shared <see cref="ListLogger"/>.</summary>
internal sealed class TypedLogger<T>(ListLogger inner) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        inner.Log(logLevel, eventId, state, exception, formatter);
}
