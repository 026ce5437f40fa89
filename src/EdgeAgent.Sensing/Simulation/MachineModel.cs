namespace EdgeAgent.Sensing.Simulation;

/// <summary>
/// The physics of the simulated machine, one row at a time, allocation-free. Vibration: 1× and 2× shaft harmonics
/// with fixed phases per axis plus white noise. A bearing defect adds strikes at DefectOrder × shaft frequency (with
/// 1 % slip jitter and ±15 % strength spread) that each ring a resonance with a 1 ms decay; the ring is one complex
/// state stepped by a constant multiplier, and a strike adds its phasor to it, so overlapping rings add up exactly.
/// An imbalance adds a 1× component on the radial axes. Temperature and current sit at a working point with small
/// noise and rise with the defect's severity.
/// </summary>
internal sealed class MachineModel
{
    public const int VibX = 0;
    public const int VibY = 1;
    public const int VibZ = 2;
    public const int Temperature = 3;
    public const int Current = 4;

    // The healthy machine: 1× and 2× amplitudes per axis in g, and the phase of each (rad).
    private const double Shaft1X = 0.20;
    private const double Shaft1Y = 0.16;
    private const double Shaft1Z = 0.05;
    private const double Shaft2X = 0.06;
    private const double Shaft2Y = 0.05;
    private const double Shaft2Z = 0.03;
    private const double VibrationNoise = 0.04;
    private const double BaseTemperature = 40.0;
    private const double TemperatureNoise = 0.02;
    private const double TemperatureRise = 10.0;
    private const double BaseCurrent = 8.0;
    private const double CurrentRipple = 0.05;
    private const double CurrentNoise = 0.02;
    private const double CurrentRise = 0.4;

    // The bearing defect.
    private const double RingDecaySeconds = 0.001;
    private const double BearingGainY = 0.7;
    private const double BearingGainZ = 0.35;
    private const double StrikeJitter = 0.01;
    private const double StrikeSpread = 0.15;

    // The imbalance.
    private const double ImbalanceGainY = 0.8;
    private const double ImbalancePhase = 1.1;

    private const double TwoPi = 2 * Math.PI;

    private static readonly (double Sin, double Cos) PhaseX2 = Math.SinCos(0.7);
    private static readonly (double Sin, double Cos) PhaseY2 = Math.SinCos(2.1);
    private static readonly (double Sin, double Cos) PhaseZ1 = Math.SinCos(0.4);
    private static readonly (double Sin, double Cos) PhaseZ2 = Math.SinCos(1.3);
    private static readonly (double Sin, double Cos) PhaseImbalance = Math.SinCos(ImbalancePhase);

    private readonly FastRandom _noise;
    private readonly double _phaseStep;
    private double _phase;
    private long _n;

    private readonly bool _hasBearing;
    private readonly FastRandom _strikes;
    private readonly long _bearingStart;
    private readonly double _growthSamples;
    private readonly double _strikeAmplitude;
    private readonly double _strikePeriod;
    private readonly double _ringDecayPerSample;
    private readonly double _ringOmega;
    private readonly double _ringStepRe;
    private readonly double _ringStepIm;
    private double _nextStrike;
    private double _ringRe;
    private double _ringIm;

    private readonly bool _hasImbalance;
    private readonly long _imbalanceStart;
    private readonly double _imbalanceAmplitude;

    public MachineModel(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        double rate = options.SampleRate;
        _noise = new FastRandom(options.Seed, 1);
        _strikes = new FastRandom(options.Seed, 2);
        _phaseStep = TwoPi * options.ShaftHz / rate;

        if (options.BearingDefect is { } bearing)
        {
            _hasBearing = true;
            _bearingStart = Pacing.StreamTime.FirstIndexAtOrAfter(bearing.Start, rate);
            _growthSamples = bearing.GrowthTime.Ticks * rate / TimeSpan.TicksPerSecond;
            _strikeAmplitude = bearing.Amplitude;
            _strikePeriod = rate / (bearing.DefectOrder * options.ShaftHz);
            _ringDecayPerSample = 1 / (RingDecaySeconds * rate);
            _ringOmega = TwoPi * bearing.ResonanceHz / rate;
            double decay = Math.Exp(-_ringDecayPerSample);
            (double sin, double cos) = Math.SinCos(_ringOmega);
            _ringStepRe = decay * cos;
            _ringStepIm = decay * sin;
            _nextStrike = _bearingStart;
        }

        if (options.Imbalance is { } imbalance)
        {
            _hasImbalance = true;
            _imbalanceStart = Pacing.StreamTime.FirstIndexAtOrAfter(imbalance.Start, rate);
            _imbalanceAmplitude = imbalance.Amplitude;
        }
    }

    /// <summary>The index of the row <see cref="Next"/> fills next.</summary>
    public long Index => _n;

    /// <summary>Fills the next row: vib_x, vib_y, vib_z, temperature, current.</summary>
    public void Next(Span<double> row)
    {
        long n = _n++;
        (double s, double c) = Math.SinCos(_phase);
        _phase += _phaseStep;
        if (_phase >= TwoPi)
        {
            _phase -= TwoPi;
        }

        double s2 = 2 * s * c;
        double c2 = 1 - (2 * s * s);
        double x = (Shaft1X * s) + (Shaft2X * ((s2 * PhaseX2.Cos) + (c2 * PhaseX2.Sin))) + (VibrationNoise * _noise.NextGaussian());
        double y = (-Shaft1Y * c) + (Shaft2Y * ((s2 * PhaseY2.Cos) + (c2 * PhaseY2.Sin))) + (VibrationNoise * _noise.NextGaussian());
        double z = (Shaft1Z * ((s * PhaseZ1.Cos) + (c * PhaseZ1.Sin))) + (Shaft2Z * ((s2 * PhaseZ2.Cos) + (c2 * PhaseZ2.Sin)))
            + (VibrationNoise * _noise.NextGaussian());

        double severity = 0;
        if (_hasBearing && n >= _bearingStart)
        {
            severity = Math.Min(1, (n - _bearingStart) / _growthSamples);
            while (n >= _nextStrike)
            {
                Strike(n);
            }

            double ring = _ringIm;
            x += ring;
            y += BearingGainY * ring;
            z += BearingGainZ * ring;
            double re = (_ringRe * _ringStepRe) - (_ringIm * _ringStepIm);
            _ringIm = (_ringRe * _ringStepIm) + (_ringIm * _ringStepRe);
            _ringRe = re;
        }

        if (_hasImbalance && n >= _imbalanceStart)
        {
            // sin(θ + φ) on x and sin(θ + φ − 90°) = −cos(θ + φ) on y: the orbit of a rotating heavy spot.
            double sinShifted = (s * PhaseImbalance.Cos) + (c * PhaseImbalance.Sin);
            double cosShifted = (c * PhaseImbalance.Cos) - (s * PhaseImbalance.Sin);
            x += _imbalanceAmplitude * sinShifted;
            y -= ImbalanceGainY * _imbalanceAmplitude * cosShifted;
        }

        row[VibX] = x;
        row[VibY] = y;
        row[VibZ] = z;
        row[Temperature] = BaseTemperature + (TemperatureRise * severity) + (TemperatureNoise * _noise.NextGaussian());
        row[Current] = BaseCurrent + (CurrentRipple * s) + (CurrentRise * severity) + (CurrentNoise * _noise.NextGaussian());
    }

    private void Strike(long n)
    {
        double at = _nextStrike;
        double severity = Math.Clamp((at - _bearingStart) / _growthSamples, 0, 1);
        double amplitude = _strikeAmplitude * severity * (1 + (StrikeSpread * ((2 * _strikes.NextDouble()) - 1)));
        double age = n - at;
        double envelope = amplitude * Math.Exp(-age * _ringDecayPerSample);
        (double sin, double cos) = Math.SinCos(_ringOmega * age);
        _ringRe += envelope * cos;
        _ringIm += envelope * sin;
        _nextStrike += _strikePeriod * (1 + (StrikeJitter * ((2 * _strikes.NextDouble()) - 1)));
    }
}
