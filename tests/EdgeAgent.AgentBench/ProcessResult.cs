namespace EdgeAgent.AgentBench;

/// <summary>
/// The agent process's figures. Memory in MB: the steady resident set and its parts (anonymous: heaps and JIT code;
/// file: mapped code of the runtime, the assemblies and ONNX Runtime; shared: the runtime's double-mapped code), and
/// the pages the process touched during a further stretch of steady state (its working set).
/// </summary>
internal sealed record ProcessResult(
    double SteadyRssMb,
    double PeakRssMb,
    double AnonMb,
    double FileMb,
    double ShmemMb,
    double WorkingSetMb,
    TimeSpan FirstPrediction,
    TimeSpan FirstPredictionReported);
