using PodFirmware.Drivers.Config;

namespace PodFirmware.Drivers.Sensors
{
    /// <summary>
    /// Configuration of the mains-voltage channel: RMS from a burst over whole mains cycles, through
    /// an isolating voltage transformer (or divider) whose output rides on a mid-rail bias. Defaults:
    /// ZMPT101B (2 mA : 2 mA) with a 200 kOhm input resistor and a 442 Ohm sampling resistor,
    /// 452.5 mains volts per ADC volt, bias 1650 mV, 12-bit ADC with 3300 mV full scale, 50 Hz.
    /// </summary>
    /// <remarks>Plain data; a sensor copies it at construction. Not thread-safe.</remarks>
    public sealed class VoltageSensorConfig
    {
        /// <summary>
        /// Mains volts per volt at the ADC pin (the whole chain's ratio), 10 to 5000. Default 452.5
        /// (200 kOhm / 442 Ohm through the ZMPT101B's 1:1 current ratio): 230 V reads 0.508 V RMS.
        /// </summary>
        public double MainsVoltsPerAdcVolt = 452.5;

        /// <summary>DC bias the signal rides on, in millivolts at the ADC pin, 0 to <see cref="ReferenceMv"/>. Default 1650.</summary>
        public double BiasMv = 1650.0;

        /// <summary>ADC resolution in bits, 9 to 16. Default 12.</summary>
        public int AdcBits = 12;

        /// <summary>ADC input voltage at full scale in millivolts, 500 to 5500. Default 3300.</summary>
        public double ReferenceMv = 3300.0;

        /// <summary>Band next to each ADC rail, as a fraction of full scale (0.001 to 0.1): a burst entirely inside it reports Open (low rail) or Short (high rail). Default 0.01.</summary>
        public double RailMarginFraction = 0.01;

        /// <summary>Calibration gain, 0.5 to 2: reported = measured * gain + offset, floored at 0 V. Default 1.</summary>
        public double CalibrationGain = 1.0;

        /// <summary>Calibration offset in volts, -20 to 20. Default 0.</summary>
        public double CalibrationOffsetV = 0.0;

        /// <summary>Largest plausible change between two bursts in volts, 1 to 500; a bigger jump is held one sample before it is believed. Default 50.</summary>
        public double MaxStepV = 50.0;

        /// <summary>How long in milliseconds (100 to 600,000) every raw sample of the burst may stay identical while the caller says it must change before the channel reports Stuck. Default 5000.</summary>
        public long StuckAfterMs = 5000;

        /// <summary>Burst timing; may be the same instance as the current channel's.</summary>
        public MainsBurstConfig Burst = new MainsBurstConfig();

        /// <summary>Range-checks every field (and <see cref="Burst"/> under <c>.burst</c>); each problem names its key as <paramref name="keyPrefix"/> + "." + field name in camelCase.</summary>
        /// <param name="keyPrefix">Dotted path of this section, e.g. <c>sensors.voltage</c>.</param>
        /// <param name="errors">Collects the problems found.</param>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            errors.Range(keyPrefix + ".mainsVoltsPerAdcVolt", MainsVoltsPerAdcVolt, 10.0, 5000.0, "V/V");
            errors.Range(keyPrefix + ".biasMv", BiasMv, 0.0, ReferenceMv, "mV");
            errors.Range(keyPrefix + ".adcBits", AdcBits, 9, 16, "bits");
            errors.Range(keyPrefix + ".referenceMv", ReferenceMv, 500.0, 5500.0, "mV");
            errors.Range(keyPrefix + ".railMarginFraction", RailMarginFraction, 0.001, 0.1, "");
            errors.Range(keyPrefix + ".calibrationGain", CalibrationGain, 0.5, 2.0, "");
            errors.Range(keyPrefix + ".calibrationOffsetV", CalibrationOffsetV, -20.0, 20.0, "V");
            errors.Range(keyPrefix + ".maxStepV", MaxStepV, 1.0, 500.0, "V");
            errors.Range(keyPrefix + ".stuckAfterMs", StuckAfterMs, 100.0, 600000.0, "ms");
            if (Burst == null)
            {
                errors.Fail(keyPrefix + ".burst", "is missing");
            }
            else
            {
                Burst.Validate(keyPrefix + ".burst", errors);
            }
        }
    }
}
