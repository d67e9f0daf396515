using System;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Drivers.Sensors
{
    /// <summary>
    /// Configuration of the connector temperature channel: an NTC thermistor in a voltage divider
    /// on one ADC pin. Defaults: Semitec 103AT-2 (R25 = 10 kOhm, B25/85 = 3435 K) on the low side
    /// of a 10 kOhm series resistor, 12-bit ADC, divider fed from the ADC reference (ratiometric).
    /// </summary>
    /// <remarks>Plain data; a sensor copies it at construction. Not thread-safe.</remarks>
    public sealed class TemperatureSensorConfig
    {
        /// <summary>The <see cref="Model"/> name of <see cref="NtcModel.Beta"/>.</summary>
        public const string Beta = "beta";

        /// <summary>The <see cref="Model"/> name of <see cref="NtcModel.SteinhartHart"/>.</summary>
        public const string SteinhartHart = "steinhartHart";

        /// <summary>The <see cref="NtcPosition"/> name of <see cref="Sensors.NtcPosition.LowSide"/>.</summary>
        public const string LowSide = "lowSide";

        /// <summary>The <see cref="NtcPosition"/> name of <see cref="Sensors.NtcPosition.HighSide"/>.</summary>
        public const string HighSide = "highSide";

        // Accepted names, each at the index of the enum value it stands for.
        private static readonly string[] ModelNames = { Beta, SteinhartHart };
        private static readonly string[] PositionNames = { LowSide, HighSide };

        /// <summary>
        /// <c>model</c>: which R-T model converts resistance to temperature, by name: <c>"beta"</c> or
        /// <c>"steinhartHart"</c>, letter case ignored. Default "beta". A string, not an enum, because
        /// nanoFramework.Json cannot read enum fields; the converter reads <see cref="ParsedModel"/>.
        /// </summary>
        public string Model = Beta;

        /// <summary>NTC resistance at 25 °C in ohm, 100 to 1,000,000. Default 10,000 (103AT-2).</summary>
        public double R25Ohm = 10000.0;

        /// <summary>Beta (B25/85) in kelvin, 2000 to 6000; used by <see cref="NtcModel.Beta"/>. Default 3435 (103AT-2).</summary>
        public double BetaK = 3435.0;

        /// <summary>
        /// Steinhart-Hart A in 1/K, 0 to 0.005; used by <see cref="NtcModel.SteinhartHart"/>. The default
        /// (with <see cref="SteinhartB"/> and <see cref="SteinhartC"/>) reproduces the Beta curve of the
        /// 103AT-2: A = 1/298.15 - ln(10000)/3435, B = 1/3435, C = 0.
        /// </summary>
        public double SteinhartA = 6.726946378897928E-04;

        /// <summary>Steinhart-Hart B in 1/K, 1e-5 to 1e-3. Default 1/3435.</summary>
        public double SteinhartB = 2.911208151382824E-04;

        /// <summary>Steinhart-Hart C in 1/K, 0 to 1e-5 (zero or positive keeps the curve monotonic). Default 0.</summary>
        public double SteinhartC = 0.0;

        /// <summary>
        /// <c>ntcPosition</c>: where the NTC sits in the divider, by name: <c>"lowSide"</c> (NTC to ground) or
        /// <c>"highSide"</c> (NTC to the supply), letter case ignored. Default "lowSide". The converter reads
        /// <see cref="ParsedNtcPosition"/>.
        /// </summary>
        public string NtcPosition = LowSide;

        /// <summary>Fixed resistor of the divider in ohm, 100 to 1,000,000. Default 10,000.</summary>
        public double SeriesResistorOhm = 10000.0;

        /// <summary>
        /// Voltage feeding the divider in millivolts, 500 to 5500, and at least <see cref="ReferenceMv"/>
        /// (so each rail can reach an ADC rail). Default 3300. When it equals the ADC reference the
        /// conversion is ratiometric: the exact voltage cancels out.
        /// </summary>
        public double SupplyMv = 3300.0;

        /// <summary>ADC resolution in bits, 9 to 16; full scale is 2^bits - 1 counts. Default 12 (ESP32).</summary>
        public int AdcBits = 12;

        /// <summary>ADC input voltage at full scale in millivolts, 500 to 5500. Default 3300.</summary>
        public double ReferenceMv = 3300.0;

        /// <summary>
        /// Band next to each ADC rail, as a fraction of full scale (0.001 to 0.1), inside which the
        /// channel reports Open or Short instead of a temperature. Default 0.01 (40 counts at 12 bits).
        /// </summary>
        public double RailMarginFraction = 0.01;

        /// <summary>Calibration gain, 0.5 to 2: reported = measured * gain + offset. Default 1.</summary>
        public double CalibrationGain = 1.0;

        /// <summary>Calibration offset in °C, -20 to 20. Default 0.</summary>
        public double CalibrationOffsetC = 0.0;

        /// <summary>
        /// Largest plausible change between two samples in °C, 0.5 to 100; a bigger jump is held one
        /// sample before it is believed. Default 10.
        /// </summary>
        public double MaxStepC = 10.0;

        /// <summary>
        /// How long in milliseconds (100 to 600,000) the raw counts may stay identical while the caller
        /// says they must change before the channel reports Stuck. Default 30,000.
        /// </summary>
        public long StuckAfterMs = 30000;

        /// <summary>The model <see cref="Model"/> names. Parses the name on each call without allocating; read it once at construction.</summary>
        /// <exception cref="ArgumentException"><see cref="Model"/> is not an accepted name (<see cref="Validate"/> reports it).</exception>
        public NtcModel ParsedModel
        {
            get
            {
                int index = ConfigNames.IndexOf(Model, ModelNames);
                if (index < 0)
                {
                    throw new ArgumentException("model must be one of " + ConfigNames.List(ModelNames), "Model");
                }

                return index == 1 ? NtcModel.SteinhartHart : NtcModel.Beta;
            }
        }

        /// <summary>The divider position <see cref="NtcPosition"/> names. Parses the name on each call without allocating; read it once at construction.</summary>
        /// <exception cref="ArgumentException"><see cref="NtcPosition"/> is not an accepted name (<see cref="Validate"/> reports it).</exception>
        public NtcPosition ParsedNtcPosition
        {
            get
            {
                int index = ConfigNames.IndexOf(NtcPosition, PositionNames);
                if (index < 0)
                {
                    throw new ArgumentException("ntcPosition must be one of " + ConfigNames.List(PositionNames), "NtcPosition");
                }

                return index == 1 ? Sensors.NtcPosition.HighSide : Sensors.NtcPosition.LowSide;
            }
        }

        /// <summary>Range-checks every field; each problem names its key as <paramref name="keyPrefix"/> + "." + field name in camelCase.</summary>
        /// <param name="keyPrefix">Dotted path of this section, e.g. <c>sensors.temperature</c>.</param>
        /// <param name="errors">Collects the problems found.</param>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            ConfigNames.Check(keyPrefix + ".model", Model, ModelNames, errors);

            errors.Range(keyPrefix + ".r25Ohm", R25Ohm, 100.0, 1000000.0, "ohm");
            errors.Range(keyPrefix + ".betaK", BetaK, 2000.0, 6000.0, "K");
            errors.Range(keyPrefix + ".steinhartA", SteinhartA, 0.0, 0.005, "1/K");
            errors.Range(keyPrefix + ".steinhartB", SteinhartB, 1e-5, 1e-3, "1/K");
            errors.Range(keyPrefix + ".steinhartC", SteinhartC, 0.0, 1e-5, "1/K");
            ConfigNames.Check(keyPrefix + ".ntcPosition", NtcPosition, PositionNames, errors);

            errors.Range(keyPrefix + ".seriesResistorOhm", SeriesResistorOhm, 100.0, 1000000.0, "ohm");
            errors.Range(keyPrefix + ".supplyMv", SupplyMv, 500.0, 5500.0, "mV");
            if (Finite.IsFinite(SupplyMv) && Finite.IsFinite(ReferenceMv) && Finite.Below(SupplyMv, ReferenceMv))
            {
                errors.Fail(keyPrefix + ".supplyMv", "must be at least referenceMv, or the divider cannot reach full scale and one fault rail is never seen");
            }

            errors.Range(keyPrefix + ".adcBits", AdcBits, 9, 16, "bits");
            errors.Range(keyPrefix + ".referenceMv", ReferenceMv, 500.0, 5500.0, "mV");
            errors.Range(keyPrefix + ".railMarginFraction", RailMarginFraction, 0.001, 0.1, "");
            errors.Range(keyPrefix + ".calibrationGain", CalibrationGain, 0.5, 2.0, "");
            errors.Range(keyPrefix + ".calibrationOffsetC", CalibrationOffsetC, -20.0, 20.0, "degC");
            errors.Range(keyPrefix + ".maxStepC", MaxStepC, 0.5, 100.0, "degC");
            errors.Range(keyPrefix + ".stuckAfterMs", StuckAfterMs, 100.0, 600000.0, "ms");
        }
    }
}
