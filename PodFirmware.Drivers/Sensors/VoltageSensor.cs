using System;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Sensors
{
    /// <summary>
    /// Mains voltage in volts RMS from an isolating voltage transformer (or divider) on one ADC
    /// channel: each <see cref="Sample"/> takes one burst over whole mains cycles (<see cref="RmsBurst"/>),
    /// scales the bias-free RMS by MainsVoltsPerAdcVolt, checks rails and stuck samples, calibrates and filters.
    /// </summary>
    /// <remarks>
    /// Not thread-safe: sample and read it from the control tick only. Sampling blocks for one burst
    /// (40 ms by default) and allocates nothing. Until the first sample, <see cref="Status"/> is Open
    /// and <see cref="VoltageV"/> is NaN.
    /// </remarks>
    public sealed class VoltageSensor
    {
        private readonly MainsRmsChannel _channel;

        /// <summary>Creates the sensor and its burst buffer; copies <paramref name="config"/>, so later changes to it have no effect.</summary>
        /// <param name="channel">The ADC channel the transformer feeds.</param>
        /// <param name="config">The channel's configuration.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">The configuration fails validation, or the channel's full scale does not match its AdcBits.</exception>
        public VoltageSensor(IAnalogChannel channel, VoltageSensorConfig config)
        {
            if (channel == null)
            {
                throw new ArgumentNullException("channel");
            }

            if (config == null)
            {
                throw new ArgumentNullException("config");
            }

            ConfigErrors errors = new ConfigErrors();
            config.Validate("voltage", errors);
            if (errors.Count > 0)
            {
                throw new ArgumentException(errors.ToString(), "config");
            }

            _channel = new MainsRmsChannel(
                new RmsBurst(channel, config.Burst, config.AdcBits, config.ReferenceMv, config.RailMarginFraction),
                config.MainsVoltsPerAdcVolt,
                new SensorConditioner(config.CalibrationGain, config.CalibrationOffsetV, config.MaxStepV, config.StuckAfterMs, true));
        }

        /// <summary>Latest mains voltage in volts RMS, calibrated and filtered, 0 or more; NaN whenever <see cref="Status"/> is not Ok, and must not be used then.</summary>
        public double VoltageV
        {
            get { return _channel.Value; }
        }

        /// <summary>Verdict on the latest burst: Ok, Open (input at 0 V), Short (input at full scale) or Stuck.</summary>
        public SensorStatus Status
        {
            get { return _channel.Status; }
        }

        /// <summary><c>true</c> when the latest burst touched an ADC rail: the voltage exceeded the measurable range and <see cref="VoltageV"/> reads low.</summary>
        public bool IsClipped
        {
            get { return _channel.IsClipped; }
        }

        /// <summary>Takes one burst and updates <see cref="VoltageV"/>, <see cref="Status"/> and <see cref="IsClipped"/>.</summary>
        /// <param name="nowMs">Monotonic time in milliseconds.</param>
        /// <param name="mustChange">
        /// <c>true</c> when the raw samples cannot all repeat exactly (for example while mains is expected
        /// present, or always on the ESP32, whose ADC noise moves every burst); identical bursts for longer
        /// than StuckAfterMs then report Stuck.
        /// </param>
        public void Sample(long nowMs, bool mustChange)
        {
            _channel.Sample(nowMs, mustChange);
        }
    }
}
