using EdgeAgent.Features.Quality;

namespace EdgeAgent.Agent.Status;

/// <summary>The names sample-quality fault kinds carry in the store and on the page.</summary>
internal static class QualityNames
{
    public static string Of(SampleFaults kind) => kind switch
    {
        SampleFaults.NonFinite => "non_finite",
        SampleFaults.OutOfRange => "out_of_range",
        SampleFaults.StuckAt => "stuck",
        SampleFaults.Gap => "gap",
        SampleFaults.OutOfOrder => "out_of_order",
        SampleFaults.ClockJump => "clock_jump",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
