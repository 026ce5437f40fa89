using EdgeAgent.TestKit;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Fleet.Tests.Support;

/// <summary>A <see cref="ListLogger"/> that can stand in for <see cref="ILogger{T}"/>.</summary>
internal sealed class TypedListLogger
{
    public ListLogger Inner { get; } = new();

    public IReadOnlyList<LogEntry> Entries => Inner.Entries;

    public ILogger<T> For<T>() => new Typed<T>(Inner);

    public int Count(int eventId) => Entries.Count(e => e.EventId.Id == eventId);

    private sealed class Typed<T>(ListLogger inner) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
