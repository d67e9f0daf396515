using System;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Drivers.Simulated
{
    /// <summary>
    /// The twin of an NTC divider on an ADC pin: set a temperature in °C and it returns the counts the
    /// real divider would give, through the same formulas the sensor inverts (<see cref="NtcConverter"/>),
    /// quantised to whole counts, with optional deterministic noise, clipped to the rails.
    /// </summary>
    /// <remarks>
    /// Faults: Open and Short put the pin at the rail that fault gives for the configured NTC position;
    /// Stuck repeats the last value produced before the fault, whatever the temperature does.
    /// Not thread-safe. Reads allocate nothing.
    /// </remarks>
    public sealed class SimulatedNtcChannel : IAnalogChannel
    {
        private readonly NtcConverter _converter;
        private readonly FaultyAdcCounts _adc;
        private double _temperatureC;

        /// <summary>Creates a twin at 25 °C with no fault and no noise.</summary>
        /// <param name="config">The same configuration the sensor under test uses.</param>
        /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
        public SimulatedNtcChannel(TemperatureSensorConfig config)
        {
            if (config == null)
            {
                throw new ArgumentNullException("config");
            }

            _converter = new NtcConverter(config);
            // An open NTC on the low side leaves the series resistor pulling the pin to the supply; on the high side, to ground.
            _adc = new FaultyAdcCounts(_converter.MaxRawCounts, config.ParsedNtcPosition == NtcPosition.LowSide, new CountNoise(12345u, 0));
            _temperatureC = 25.0;
        }

        /// <summary>Temperature of the simulated thermistor in °C.</summary>
        public double TemperatureC
        {
            get { return _temperatureC; }
            set { _temperatureC = value; }
        }

        /// <summary>Injected fault: Ok (none), Open, Short, or Stuck (repeat the last value).</summary>
        public SensorStatus Fault
        {
            get { return _adc.Fault; }
            set { _adc.Fault = value; }
        }

        /// <summary>Peak deterministic noise added to each reading in counts, 0 (default) or more.</summary>
        public int NoiseCounts
        {
            get { return _adc.NoiseCounts; }
            set { _adc.NoiseCounts = value; }
        }

        /// <summary>Full-scale raw value in counts, 2^AdcBits - 1 of the configuration.</summary>
        public int MaxRawCounts
        {
            get { return _converter.MaxRawCounts; }
        }

        /// <summary>The counts the divider gives now, 0 to <see cref="MaxRawCounts"/>.</summary>
        public int ReadRawCounts()
        {
            return _adc.Read((int)Math.Floor(_converter.CountsFromTemperatureC(_temperatureC) + 0.5));
        }

        /// <summary>Fills <paramref name="samples"/> with <paramref name="count"/> readings; the temperature does not move within a burst.</summary>
        public void ReadBurst(int[] samples, int count, int samplePeriodUs)
        {
            for (int i = 0; i < count; i++)
            {
                samples[i] = ReadRawCounts();
            }
        }
    }
}
