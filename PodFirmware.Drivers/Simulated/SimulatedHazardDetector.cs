using System;
using PodFirmware.Drivers.Numerics;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Drivers.Simulated
{
    /// <summary>
    /// Twin of the pod's smoke / gas detector: an MQ-2 sensor module (Hanwei MQ-2 datasheet: heater 5.0 V, detection range
    /// 300 to 10,000 ppm, Rs/R0 about 9.8 in clean air) with its analog output (load resistor RL to ground) through a
    /// 10 kΩ / 20 kΩ divider to an ADC1 pin, its comparator's digital alarm output and a test input that forces the alarm.
    /// Takes the smoke concentration in ppm and produces the raw ADC counts and the alarm level the real module would.
    /// </summary>
    /// <remarks>
    /// Sensor resistance from the datasheet's smoke sensitivity curve, fitted as ppm = 3616.1 · (Rs/R0)^-2.675 and capped at
    /// the clean-air ratio 9.8. With R0 = RL = 10 kΩ: clean air Rs = 98 kΩ, 0.46 V at the module, 0.31 V at the pin; 1,000 ppm
    /// Rs = 16.2 kΩ, 1.91 V / 1.27 V; 10,000 ppm Rs = 6.8 kΩ, 2.97 V / 1.98 V. The default threshold 1.2 V at the pin is
    /// about 770 ppm. Test thread only.
    /// </remarks>
    public sealed class SimulatedHazardDetector : IDigitalOutput
    {
        /// <summary>Heater and load circuit supply, V (datasheet V_C = V_H = 5.0 V).</summary>
        public const double SupplyV = 5.0;

        /// <summary>Load resistor RL, Ω.</summary>
        public const double LoadOhms = 10000.0;

        /// <summary>Sensor resistance R0 at the datasheet's reference concentration, Ω.</summary>
        public const double R0Ohms = 10000.0;

        /// <summary>Rs/R0 in clean air (datasheet).</summary>
        public const double CleanAirRatio = 9.8;

        /// <summary>ADC pin volts per module volt: the 10 kΩ / 20 kΩ divider that keeps 5 V logic below the ADC's full scale.</summary>
        public const double DividerGain = 2.0 / 3.0;

        private readonly Channel _analog;
        private readonly AlarmInput _alarm;
        private bool _testOn;

        /// <summary>Builds a healthy detector in clean air with the comparator set to <see cref="AlarmPpm"/>.</summary>
        public SimulatedHazardDetector()
        {
            _analog = new Channel(this);
            _alarm = new AlarmInput(this);
        }

        /// <summary>Smoke concentration at the sensor, ppm; 0 (or anything not above 0) is clean air.</summary>
        public double SmokePpm;

        /// <summary>Concentration at which the module's comparator raises the digital alarm output, ppm (its potentiometer). Default 800.</summary>
        public double AlarmPpm = 800.0;

        /// <summary>What is wrong with the detector; default <see cref="HazardFault.Ok"/>.</summary>
        public HazardFault Fault;

        /// <summary>Times the test input was driven.</summary>
        public int TestPulses { get; private set; }

        /// <summary>The analog output as the ADC1 channel reads it (12 bits, 3.3 V full scale).</summary>
        public IAnalogChannel Analog
        {
            get { return _analog; }
        }

        /// <summary>The digital alarm output, true while it reports smoke or gas (or answers its test).</summary>
        public IDigitalInput AlarmOutput
        {
            get { return _alarm; }
        }

        /// <summary><c>true</c> while the test input is driven.</summary>
        public bool IsEnergised
        {
            get { return _testOn; }
        }

        /// <summary>The sensor resistance Rs for <paramref name="ppm"/> of smoke, Ω (capped at the clean-air value).</summary>
        public static double SensorOhms(double ppm)
        {
            double ratio = CleanAirRatio;
            if (Finite.Above(ppm, 0))
            {
                ratio = Math.Pow(ppm / 3616.1, -1.0 / 2.675);
            }

            return R0Ohms * (Finite.Below(ratio, CleanAirRatio) ? ratio : CleanAirRatio);
        }

        /// <summary>The level at the ADC pin for <paramref name="ppm"/> of smoke from a healthy sensor, V.</summary>
        public static double PinVolts(double ppm)
        {
            return SupplyV * LoadOhms / (SensorOhms(ppm) + LoadOhms) * DividerGain;
        }

        /// <summary>Drives (true) or releases the test input.</summary>
        public void Write(bool energised)
        {
            if (energised && !_testOn)
            {
                TestPulses++;
            }

            _testOn = energised;
        }

        private double PinVoltsNow()
        {
            if (Fault == HazardFault.Open)
            {
                return 0.0;
            }

            return Fault == HazardFault.Short ? SupplyV * DividerGain : PinVolts(SmokePpm);
        }

        private bool AlarmNow()
        {
            if (Fault == HazardFault.Open)
            {
                return false;
            }

            return Fault == HazardFault.Short || (_testOn && Fault == HazardFault.Ok) || Finite.AtLeast(SmokePpm, AlarmPpm);
        }

        private sealed class Channel : IAnalogChannel
        {
            private readonly SimulatedHazardDetector _owner;

            public Channel(SimulatedHazardDetector owner)
            {
                _owner = owner;
            }

            public int MaxRawCounts
            {
                get { return 4095; }
            }

            public int ReadRawCounts()
            {
                double counts = _owner.PinVoltsNow() * 4095 / HazardDetector.AdcFullScaleV;
                return Finite.AtLeast(counts, 4095) ? 4095 : (int)(counts + 0.5);
            }

            public void ReadBurst(int[] samples, int count, int samplePeriodUs)
            {
                for (int i = 0; i < count; i++)
                {
                    samples[i] = ReadRawCounts();
                }
            }
        }

        private sealed class AlarmInput : IDigitalInput
        {
            private readonly SimulatedHazardDetector _owner;

            public AlarmInput(SimulatedHazardDetector owner)
            {
                _owner = owner;
            }

            public bool Read()
            {
                return _owner.AlarmNow();
            }
        }
    }
}
