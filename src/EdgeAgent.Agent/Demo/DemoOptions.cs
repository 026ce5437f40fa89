namespace EdgeAgent.Agent.Demo;

/// <summary>The built-in demo: a simulated machine whose bearing starts to fail. Section <c>Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Run the demo. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Windows to stream; 0 streams until stopped. Default 240.</summary>
    public int Windows { get; set; } = 240;

    /// <summary>Healthy windows used to fit the scoring model and its threshold. Default 60, at least 10.</summary>
    public int CalibrationWindows { get; set; } = 60;

    /// <summary>The window at which the bearing defect appears and starts to grow. Default 150.</summary>
    public int FaultStartWindow { get; set; } = 150;

    /// <summary>Vibration samples per second. Default 8000, range 1000 to 100000.</summary>
    public int SampleRate { get; set; } = 8000;

    /// <summary>Samples per window. Default 512, range 64 to 65536.</summary>
    public int WindowSamples { get; set; } = 512;

    /// <summary>Pause between windows, to watch the stream; zero runs flat out. Default 25 ms.</summary>
    public TimeSpan WindowInterval { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>Stop the agent when the last window is scored. Default true.</summary>
    public bool StopWhenDone { get; set; } = true;

    /// <summary>Seed of the simulator's noise: the same seed gives the same stream. Default 1.</summary>
    public int Seed { get; set; } = 1;
}
