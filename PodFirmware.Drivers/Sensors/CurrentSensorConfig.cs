using System;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Drivers.Sensors
{
    /// <summary>
    /// Configuration of the charging-current channel: RMS from a burst of samples over whole mains
    /// cycles. Defaults: YHDC SCT-013-000 current transformer (100 A : 50 mA, 2000 turns) into a
    /// 33 Ohm burden biased at 1650 mV, 12-bit ADC with 3300 mV full scale, 50 Hz.
    /// </summary>
    /// <remarks>Plain data; a sensor copies it at construction. Not thread-safe.</remarks>
    public sealed class CurrentSensorConfig
    {
        /// <summary>The <see cref="Transducer"/> name of <see cref="CurrentTransducer.CurrentTransformer"/>.</summary>
        public const string CurrentTransformer = "currentTransformer";

        /// <summary>The <see cref="Transducer"/> name of <see cref="CurrentTransducer.Hall"/>.</summary>
        public const string Hall = "hall";

        // Accepted names of Transducer, at the index of the CurrentTransducer value each stands for.
        private static readonly string[] TransducerNames = { CurrentTransformer, Hall };

        /// <summary>
        /// <c>transducer</c>: which transducer feeds the ADC pin, by name: <c>"currentTransformer"</c> or
        /// <c>"hall"</c>, letter case ignored. Default "currentTransformer". A string, not an enum, because
        /// nanoFramework.Json cannot read enum fields; the sensor reads <see cref="ParsedTransducer"/>.
        /// </summary>
        public string Transducer = CurrentTransformer;

        /// <summary>The transducer <see cref="Transducer"/> names. Parses the name on each call without allocating; read it once at construction, not per sample.</summary>
        /// <exception cref="ArgumentException"><see cref="Transducer"/> is not an accepted name (<see cref="Validate"/> reports it).</exception>
        public CurrentTransducer ParsedTransducer
        {
            get
            {
                int index = ConfigNames.IndexOf(Transducer, TransducerNames);
                if (index < 0)
                {
                    throw new ArgumentException("transducer must be one of " + ConfigNames.List(TransducerNames), "Transducer");
                }

                return index == 1 ? CurrentTransducer.Hall : CurrentTransducer.CurrentTransformer;
            }
        }

        /// <summary>Current transformer ratio, secondary turns per primary turn, 100 to 10,000. Default 2000 (SCT-013-000: 100 A : 50 mA).</summary>
        public double CtTurnsRatio = 2000.0;

        /// <summary>Burden resistor across the CT secondary in ohm, 1 to 1000. Default 33 (32 A RMS stays inside 0.90 to 2.40 V).</summary>
        public double BurdenResistorOhm = 33.0;

        /// <summary>DC bias the burden's low end is held at, in millivolts at the ADC pin, 0 to <see cref="ReferenceMv"/>. Default 1650 (mid-rail of 3.3 V).</summary>
        public double BiasMv = 1650.0;

        /// <summary>Hall sensor sensitivity at its output in millivolts per ampere, 1 to 1000. Default 40 (ACS758LCB-050B at 5 V).</summary>
        public double HallSensitivityMvPerA = 40.0;

        /// <summary>Hall sensor output at zero current in millivolts, before <see cref="Gain"/>, 0 to 5500. Default 2500 (VCC/2 at 5 V).</summary>
        public double HallZeroCurrentMv = 2500.0;

        /// <summary>
        /// Voltage gain from the transducer output to the ADC pin, 0.01 to 100 (an amplifier, or a
        /// divider below 1). For a CT it scales the burden voltage around <see cref="BiasMv"/>; for a
        /// Hall sensor it scales the whole output, zero included. Default 1; use 0.5 for an ACS758 at 5 V.
        /// </summary>
        public double Gain = 1.0;

        /// <summary>ADC resolution in bits, 9 to 16. Default 12.</summary>
        public int AdcBits = 12;

        /// <summary>ADC input voltage at full scale in millivolts, 500 to 5500. Default 3300.</summary>
        public double ReferenceMv = 3300.0;

        /// <summary>Band next to each ADC rail, as a fraction of full scale (0.001 to 0.1): a burst entirely inside it reports Open (low rail) or Short (high rail). Default 0.01.</summary>
        public double RailMarginFraction = 0.01;

        /// <summary>Calibration gain, 0.5 to 2: reported = measured * gain + offset, floored at 0 A. Default 1.</summary>
        public double CalibrationGain = 1.0;

        /// <summary>Calibration offset in amperes, -5 to 5. Default 0.</summary>
        public double CalibrationOffsetA = 0.0;

        /// <summary>Largest plausible change between two bursts in amperes, 0.1 to 200; a bigger jump is held one sample before it is believed. Default 10.</summary>
        public double MaxStepA = 10.0;

        /// <summary>How long in milliseconds (100 to 600,000) every raw sample of the burst may stay identical while the caller says it must change before the channel reports Stuck. Default 5000.</summary>
        public long StuckAfterMs = 5000;

        /// <summary>Burst timing; may be the same instance as the voltage channel's.</summary>
        public MainsBurstConfig Burst = new MainsBurstConfig();

        /// <summary>
        /// Primary amperes per volt at the ADC pin, derived: CT: CtTurnsRatio / (BurdenResistorOhm * Gain)
        /// (60.6 A/V by default); Hall: 1000 / (HallSensitivityMvPerA * Gain).
        /// </summary>
        public double AmpsPerAdcVolt
        {
            get
            {
                return ParsedTransducer == CurrentTransducer.Hall
                    ? 1000.0 / (HallSensitivityMvPerA * Gain)
                    : CtTurnsRatio / (BurdenResistorOhm * Gain);
            }
        }

        /// <summary>Voltage at the ADC pin at zero current in millivolts, derived: CT: BiasMv; Hall: HallZeroCurrentMv * Gain.</summary>
        public double AdcZeroMv
        {
            get { return ParsedTransducer == CurrentTransducer.Hall ? HallZeroCurrentMv * Gain : BiasMv; }
        }

        /// <summary>Range-checks every field (and <see cref="Burst"/> under <c>.burst</c>); each problem names its key as <paramref name="keyPrefix"/> + "." + field name in camelCase.</summary>
        /// <param name="keyPrefix">Dotted path of this section, e.g. <c>sensors.current</c>.</param>
        /// <param name="errors">Collects the problems found.</param>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            int transducer = ConfigNames.Check(keyPrefix + ".transducer", Transducer, TransducerNames, errors);

            errors.Range(keyPrefix + ".ctTurnsRatio", CtTurnsRatio, 100.0, 10000.0, "");
            errors.Range(keyPrefix + ".burdenResistorOhm", BurdenResistorOhm, 1.0, 1000.0, "ohm");
            errors.Range(keyPrefix + ".biasMv", BiasMv, 0.0, ReferenceMv, "mV");
            errors.Range(keyPrefix + ".hallSensitivityMvPerA", HallSensitivityMvPerA, 1.0, 1000.0, "mV/A");
            errors.Range(keyPrefix + ".hallZeroCurrentMv", HallZeroCurrentMv, 0.0, 5500.0, "mV");
            errors.Range(keyPrefix + ".gain", Gain, 0.01, 100.0, "");

            double zeroMv = HallZeroCurrentMv * Gain;

            if (transducer == 1 && Finite.IsFinite(zeroMv) && Finite.IsFinite(ReferenceMv) && !Finite.Below(zeroMv, ReferenceMv))
            {
                errors.Fail(keyPrefix + ".hallZeroCurrentMv", "times gain puts zero current at or above the ADC full scale (referenceMv): add a divider (gain below 1)");
            }

            errors.Range(keyPrefix + ".adcBits", AdcBits, 9, 16, "bits");
            errors.Range(keyPrefix + ".referenceMv", ReferenceMv, 500.0, 5500.0, "mV");
            errors.Range(keyPrefix + ".railMarginFraction", RailMarginFraction, 0.001, 0.1, "");
            errors.Range(keyPrefix + ".calibrationGain", CalibrationGain, 0.5, 2.0, "");
            errors.Range(keyPrefix + ".calibrationOffsetA", CalibrationOffsetA, -5.0, 5.0, "A");
            errors.Range(keyPrefix + ".maxStepA", MaxStepA, 0.1, 200.0, "A");
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
